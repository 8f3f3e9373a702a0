/// What the customer list is narrowed to, on top of the archive view: every part set
/// must hold. Kept for the session; shown in the status line.
public struct CustomerFilter: Hashable, Sendable {
    public var grade: CustomerGrade?
    public var status: CustomerStatus?
    public var ownerID: Int64?
    /// Customers with an open intent card at this level.
    public var level: IntentLevel?
    /// Customers whose next follow-up date has passed.
    public var overdueOnly = false
    public var source: CustomerSource?
    public var province = ""
    public var city = ""
    public var teamID: Int64?

    public init() {}

    public var isEmpty: Bool { self == CustomerFilter() }
}
