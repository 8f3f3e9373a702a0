/// What a salesperson records after a call or visit (the follow-up row of the intent
/// card): the form's content before it becomes an activity with its visit number.
public struct FollowUp: Hashable, Sendable, Codable {
    public var customerID: Int64
    public var cardID: Int64?
    public var method: ContactMethod = .phone
    public var contactID: Int64?
    /// A contact met for the first time: created with the follow-up.
    public var newContactName: String = ""
    public var content: String = ""
    public var levelJudged: IntentLevel?
    public var impression: String = ""
    public var bottleneckPlan: String = ""
    public var nextVisitOn: LocalDate?
    /// An agreed call-back hour ("15:00"), shown in the Today list.
    public var nextVisitTime: String?

    public init(customerID: Int64, cardID: Int64? = nil) {
        self.customerID = customerID
        self.cardID = cardID
    }

    /// Problems a user must fix before saving, each naming its field.
    public func validate(today: LocalDate) -> [ValidationError] {
        var errors: [ValidationError] = []
        if content.trimmingWhitespace().isEmpty { errors.append(.required(field: .activityContent)) }
        if let next = nextVisitOn, next < today { errors.append(.dateBefore(field: .nextVisit, value: next, earliest: today)) }
        if let time = nextVisitTime, !FollowUp.isClock(time) { errors.append(.outOfRange(field: .nextVisit, value: time)) }
        return errors
    }

    /// "9:30" or "15:00".
    public static func isClock(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2 else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }
}

/// A walk-in or call-in (来店/来电登记): enough to open a customer and its intent card in
/// one step.
public struct Lead: Hashable, Sendable, Codable {
    public var name: String = ""
    public var phone: String = ""
    public var source: LeadSource = .walkIn
    public var product: String = ""
    public var level: IntentLevel = .c
    public var city: String = ""
    public var note: String = ""

    public init() {}

    public func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if name.trimmingWhitespace().isEmpty { errors.append(.required(field: .cardPerson)) }
        if phone.trimmingWhitespace().isEmpty { errors.append(.required(field: .cardPhone)) }
        else if PhoneNumber(phone) == nil { errors.append(.badPhone(field: .cardPhone, value: phone)) }
        return errors
    }
}
