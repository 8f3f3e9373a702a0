/// 拜访方式: how the salesperson reached the customer.
public enum ContactMethod: String, CaseIterable, Codable, Sendable {
    case phone          // 电话
    case onSite         // 上门
    case walkIn         // 来店
    case message        // 消息 / 邮件 / 微信
    case techSupport    // 技术支持

    /// Face-to-face visits count separately in the weekly KPI.
    public var isFaceToFace: Bool { self == .onSite || self == .walkIn }
}

/// 意向级别 of an intent card, with the default follow-up cadence of SPEC §2.
public enum IntentLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case h = "H"   // order or pay within a week
    case a = "A"   // clear intent this month
    case b = "B"   // decision within about 3 months
    case c = "C"   // some intent, no timeline

    /// Days until the next follow-up is due when nothing else is configured.
    public var defaultCadenceDays: Int {
        switch self {
        case .h: return 0
        case .a: return 7
        case .b: return 14
        case .c: return 30
        }
    }

    private var rank: Int { IntentLevel.allCases.firstIndex(of: self)! }
    /// H is the "highest" level: sorting puts hot leads first.
    public static func < (a: IntentLevel, b: IntentLevel) -> Bool { a.rank > b.rank }
}

/// 主管批示: the supervisor's comment on one follow-up, signed and timed.
public struct SupervisorComment: Hashable, Sendable {
    public var text: String
    public var signerID: Int64
    public var signedAt: LocalDateTime
    public init(text: String, signerID: Int64, signedAt: LocalDateTime) {
        self.text = text; self.signerID = signerID; self.signedAt = signedAt
    }
}

/// One row of a customer's timeline (拜访/跟进记录). Never deleted, only corrected.
public struct Activity: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var customerID: Int64
    public var cardID: Int64?
    public var visitNumber: Int          // 第N次拜访
    public var method: ContactMethod
    public var occurredAt: LocalDateTime
    public var handlerID: Int64          // 经办人
    public var contactID: Int64?
    public var content: String           // 具体情况 / 洽谈内容
    public var levelJudged: IntentLevel? // 级别判定
    public var impression: String = ""   // 洽谈印象
    public var bottleneckPlan: String = ""  // 瓶颈分析及跟踪方案
    public var nextVisitOn: LocalDate?   // 下次访问时间
    public var supervisorComment: SupervisorComment?
    /// Flagged by the supervisor for guidance at the evening meeting.
    public var needsGuidance = false
    /// Marked by the supervisor as doubtful (虚假跟进): raised at the meeting, counted in the KPIs.
    public var doubtful = false
    /// The sales manager's review in the weekly spot check.
    public var managerReview: SupervisorComment?
    /// The last correction: when, by whom (the original is kept with the correction).
    public var correctedAt: LocalDateTime?
    public var correctedByID: Int64?
    /// Corrected after the supervisor signed: back in the evening queue until signed again.
    public var recheck = false

    public init(id: Int64? = nil, customerID: Int64, cardID: Int64? = nil, visitNumber: Int,
                method: ContactMethod, occurredAt: LocalDateTime, handlerID: Int64,
                contactID: Int64? = nil, content: String) {
        self.id = id; self.customerID = customerID; self.cardID = cardID
        self.visitNumber = visitNumber; self.method = method; self.occurredAt = occurredAt
        self.handlerID = handlerID; self.contactID = contactID; self.content = content
    }

    public func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if content.trimmingWhitespace().isEmpty { errors.append(.required(field: .activityContent)) }
        if visitNumber < 1 { errors.append(.negative(field: .visitNumber)) }
        if let next = nextVisitOn, next < occurredAt.date {
            errors.append(.dateBefore(field: .nextVisit, value: next, earliest: occurredAt.date))
        }
        return errors
    }
}
