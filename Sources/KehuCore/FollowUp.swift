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
    /// The register's visit (来店登记, 001): who came along, when they came and left,
    /// whether a trial or test was given; and what the planned call-back is for.
    public var register = VisitRegister()

    public init() {}

    public func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if name.trimmingWhitespace().isEmpty { errors.append(.required(field: .cardPerson)) }
        if phone.trimmingWhitespace().isEmpty { errors.append(.required(field: .cardPhone)) }
        else if PhoneNumber(phone) == nil { errors.append(.badPhone(field: .cardPhone, value: phone)) }
        return errors + register.validate()
    }
}

/// 来店/来电登记 (001): a walk-in's companions, arrival and leaving times, whether a trial
/// or test was given, and the purpose of the planned call-back. Kept on the intent card.
public struct VisitRegister: Hashable, Sendable, Codable {
    /// People who came along (同行人数).
    public var companions: Int?
    /// "14:05": arrival (到店) and leaving (离店) times.
    public var arrivedAt: String = ""
    public var leftAt: String = ""
    /// 试乘试驾 / 试用: whether the product was tried.
    public var trialGiven = false
    /// 回访目的: what the planned call-back is for.
    public var callbackPurpose: String = ""

    public init() {}

    public func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if let companions, !(0...99).contains(companions) { errors.append(.outOfRange(field: .companions, value: String(companions))) }
        if !arrivedAt.isEmpty, !FollowUp.isClock(arrivedAt) { errors.append(.outOfRange(field: .arrivedAt, value: arrivedAt)) }
        if !leftAt.isEmpty, !FollowUp.isClock(leftAt) { errors.append(.outOfRange(field: .leftAt, value: leftAt)) }
        else if FollowUp.isClock(arrivedAt), FollowUp.isClock(leftAt), VisitRegister.minutes(leftAt) < VisitRegister.minutes(arrivedAt) {
            errors.append(.outOfRange(field: .leftAt, value: leftAt))
        }
        return errors
    }

    static func minutes(_ clock: String) -> Int {
        let parts = clock.split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : 0
    }
}
