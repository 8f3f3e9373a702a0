import KehuCore

/// The words an export is written in: its language, and the coded values (grade, status,
/// type, source, contact method) as a reader of that language says them. The command line
/// fills it from the session's string tables.
public struct ExportVocabulary: Sendable {
    public let chinese: Bool
    public let grade: @Sendable (CustomerGrade) -> String
    public let status: @Sendable (CustomerStatus) -> String
    public let type: @Sendable (CustomerType) -> String
    public let source: @Sendable (CustomerSource) -> String
    public let method: @Sendable (ContactMethod) -> String
    /// The intent card's coded values: where the lead came from, the purchase type, the state.
    public var leadSource: @Sendable (LeadSource) -> String = { $0.rawValue }
    public var purchaseType: @Sendable (PurchaseType) -> String = { $0.rawValue }
    public var cardState: @Sendable (CardState) -> String = { $0.rawValue }
    public var creditLevel: @Sendable (CreditLevel) -> String = { $0.rawValue }

    public init(chinese: Bool, grade: @escaping @Sendable (CustomerGrade) -> String, status: @escaping @Sendable (CustomerStatus) -> String,
                type: @escaping @Sendable (CustomerType) -> String, source: @escaping @Sendable (CustomerSource) -> String,
                method: @escaping @Sendable (ContactMethod) -> String) {
        self.chinese = chinese; self.grade = grade; self.status = status; self.type = type; self.source = source; self.method = method
    }
}
