/// 购买类型 on the intent card.
public enum PurchaseType: String, CaseIterable, Codable, Sendable {
    case new          // 新购
    case additional   // 增购
    case replacement  // 置换
    case referral     // 转介绍
}

/// 线索来源 of a card: how the lead reached the company.
public enum LeadSource: String, CaseIterable, Codable, Sendable {
    case walkIn      // 来店
    case callIn      // 来电
    case internet    // 网络
    case referral    // 转介绍
    case exhibition  // 展会
    case outbound    // 外拓
    case other
}

/// Where a card is in its life: open until a deal, or until a defeat is approved.
public enum CardState: String, CaseIterable, Codable, Sendable {
    case open
    case defeatPending   // 战败申请 waiting for the supervisor; still open for follow-up
    case won             // 成交
    case lost            // 战败 approved

    public var isClosed: Bool { self == .won || self == .lost }
}

/// 意向客户管理卡 (the "A card"): a lead's details, need and intent level, and when it is
/// next due for follow-up.
public struct IntentCard: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var customerID: Int64
    public var number: String            // 卡号
    public var createdOn: LocalDate
    public var source: LeadSource
    public var filledByID: Int64         // 填卡人
    // The person
    public var personName: String
    public var gender: Contact.Gender?
    public var age: Int?
    public var phone: String = ""
    public var occupation: String = ""
    public var residence: String = ""
    public var bestCallbackTime: String = ""   // 方便回访时间
    public var currentProduct: String = ""     // 现有产品 (the paper card's 现有车辆)
    public var mainUser: String = ""           // 主要使用者
    public var purpose: String = ""            // 用途
    public var situation: String = ""          // 基本情况: family, income, character, use
    // The need
    public var product: String = ""            // 意向产品 / 车型
    public var model: String = ""
    public var colour: String = ""
    public var purchaseType: PurchaseType = .new
    public var focusPoints: [String] = []       // 关注点, configurable names
    public var comparedProducts: String = ""    // 对比产品
    /// 预算 in yuan.
    public var budgetYuan: Int?
    public var paymentMethod: String = ""       // 付款方式
    public var likedPoints: String = ""         // 中意点
    // The card's analysis
    public var favourable: String = ""          // 有利因素
    public var unfavourable: String = ""        // 不利因素
    public var resourcesNeeded: String = ""     // 所需资源 (demo, technician, a manager's visit …)
    public var objections: String = ""          // 主要异议
    /// 意向程度 0–100 from the checklist (SPEC §2); it suggests the level.
    public var intentScore: Int?
    /// The register's visit: companions, arrival and leaving, trial, call-back purpose.
    public var register = VisitRegister()
    public var level: IntentLevel
    public var nextVisitOn: LocalDate?
    /// An agreed call-back hour ("15:00") on the next visit date, if any.
    public var nextVisitTime: String?
    public var state: CardState = .open
    public var closedOn: LocalDate?
    /// 战败申请: why the lead was lost, what they bought instead, at what price, from whom.
    public var closeReason: String = ""
    public var chosenProduct: String = ""
    public var chosenPriceYuan: Int?
    public var competitor: String = ""
    public var defeatAppliedOn: LocalDate?
    /// The supervisor's note on approving or returning a defeat application.
    public var defeatDecisionNote: String = ""
    /// Marked by the supervisor as a doubtful defeat (虚假战败) for the meeting.
    public var defeatDoubtful = false
    /// When the supervisor last returned a defeat application.
    public var defeatReturnedAt: LocalDateTime?

    /// A returned defeat application's reason, while the card is open again.
    public var returnReason: String? {
        state == .open && defeatReturnedAt != nil && !defeatDecisionNote.isEmpty ? defeatDecisionNote : nil
    }

    public init(id: Int64? = nil, customerID: Int64, number: String, createdOn: LocalDate,
                source: LeadSource, filledByID: Int64, personName: String, level: IntentLevel) {
        self.id = id; self.customerID = customerID; self.number = number
        self.createdOn = createdOn; self.source = source; self.filledByID = filledByID
        self.personName = personName; self.level = level
    }

    /// Days the follow-up is late on `today` (0 when due today, nil when not yet due or closed).
    public func daysOverdue(on today: LocalDate) -> Int? {
        guard !state.isClosed, let next = nextVisitOn, next <= today else { return nil }
        return next.days(until: today)
    }

    public func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if personName.trimmingWhitespace().isEmpty { errors.append(.required(field: .cardPerson)) }
        if !phone.isEmpty, PhoneNumber(phone) == nil { errors.append(.badPhone(field: .cardPhone, value: phone)) }
        if let age, !(0...130).contains(age) { errors.append(.outOfRange(field: .cardAge, value: String(age))) }
        if let budgetYuan, budgetYuan < 0 { errors.append(.negative(field: .cardBudget)) }
        if let intentScore, !(0...100).contains(intentScore) { errors.append(.outOfRange(field: .cardScore, value: String(intentScore))) }
        errors += register.validate()
        return errors
    }

    /// The level a score suggests (SPEC §2: ≥ 90 A, 70–89 B, 60–69 C); below 60 is the
    /// funnel's D, first contact, which no level stands for.
    public static func suggestedLevel(score: Int) -> IntentLevel? {
        switch score {
        case 90...: return .a
        case 70..<90: return .b
        case 60..<70: return .c
        default: return nil
        }
    }

    /// The focus points a card offers when the company names none (setting
    /// `card.focusPoints`): the paper card's.
    public static let standardFocusPoints = ["外观", "安全性", "动力性", "操控性", "舒适性", "经济性"]
}
