import KehuCore

/// One line of text for a decision: the supervisor's comment on a follow-up, or the
/// reason for returning a defeat application.
public struct NoteForm: EditableForm, Sendable {
    public enum Purpose: Sendable, Equatable, Codable {
        case comment(activityID: Int64, customerName: String, handlerName: String)
        case review(activityID: Int64, customerName: String, handlerName: String)
        case returnDefeat(cardID: Int64, customerName: String)
        case rejectGrade(proposalID: Int64, customerName: String)
        case rejectContract(orderID: Int64, customerName: String)
        case churnReason(eventID: Int64, customerName: String)
        /// A company setting's new value (admins, from the settings box).
        case setting(key: String)
        /// Why the customer is invalid (status d).
        case invalid(customerID: Int64, customerName: String)
        /// The code of a duplicate to merge into this customer.
        case merge(customerID: Int64, customerName: String)
        /// The city the customer moves to.
        case move(customerID: Int64, customerName: String)
    }

    public var fields: [FormField]
    public var focus = 0
    public let purpose: Purpose
    /// The comment, review or reason stored when the form opened (nil: none): saving over a
    /// different one a colleague wrote meanwhile is a conflict.
    public let seen: String?

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        seen = text.isEmpty ? nil : text
        switch purpose {
        case .comment, .review: fields = [FormField(.comment, text: text)]
        case .returnDefeat: fields = [FormField(.returnReason, text: text)]
        case .rejectGrade, .rejectContract: fields = [FormField(.rejectReason, text: text)]
        case .churnReason: fields = [FormField(.churnReasonText, text: text)]
        case .setting: fields = [FormField(.settingValue, text: text)]
        case .invalid: fields = [FormField(.invalidReason, text: text)]
        case .merge: fields = [FormField(.mergeCode, text: text)]
        case .move: fields = [FormField(.city, text: text)]
        }
        if case .text(var input) = fields[0].kind { input.keepAsValue(); fields[0].kind = .text(input) }
    }

    public mutating func fieldChanged(_ name: FormField.Name) {}

    public var text: String { fields[0].text.trimmingWhitespace() }

    /// The customer the note is about, for a draft's label.
    public var customerName: String {
        switch purpose {
        case .comment(_, let name, _), .review(_, let name, _), .returnDefeat(_, let name), .rejectGrade(_, let name), .rejectContract(_, let name),
             .churnReason(_, let name):
            return name
        case .setting(let key): return key
        case .invalid(_, let name), .merge(_, let name), .move(_, let name): return name
        }
    }

    public func build() -> FormOutcome<String> {
        guard !text.isEmpty else {
            switch purpose {
            case .comment, .review: return .invalid([.required(field: .supervisorComment)])
            case .returnDefeat: return .invalid([.required(field: .defeatDecision)])
            case .rejectGrade: return .invalid([.required(field: .gradeDecision)])
            case .rejectContract: return .invalid([.required(field: .contractDecision)])
            case .churnReason: return .invalid([.required(field: .churnReason)])
            case .setting: return .ready("")   // the setting says what it takes
            case .invalid: return .invalid([.required(field: .invalidReason)])
            case .merge: return .invalid([.required(field: .mergeTarget)])
            case .move: return .invalid([.required(field: .city)])
            }
        }
        return .ready(text)
    }
}
