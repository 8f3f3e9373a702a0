/// 更正: a follow-up logged wrongly is corrected, never deleted (000: records are kept,
/// only corrected, with the correction kept). What a correction may change is what the
/// author wrote about the visit; who, whom and when it happened stay.
public struct ActivityFields: Hashable, Sendable, Codable {
    public var method: ContactMethod
    public var content: String
    public var levelJudged: IntentLevel?
    public var impression: String
    public var bottleneckPlan: String
    public var nextVisitOn: LocalDate?

    public init(_ activity: Activity) {
        method = activity.method; content = activity.content; levelJudged = activity.levelJudged
        impression = activity.impression; bottleneckPlan = activity.bottleneckPlan; nextVisitOn = activity.nextVisitOn
    }

    /// `activity` with these fields written over its own.
    public func applied(to activity: Activity) -> Activity {
        var corrected = activity
        corrected.method = method; corrected.content = content; corrected.levelJudged = levelJudged
        corrected.impression = impression; corrected.bottleneckPlan = bottleneckPlan; corrected.nextVisitOn = nextVisitOn
        return corrected
    }
}

/// A correction as asked for: the fields as they should read, and why.
public struct ActivityCorrection: Hashable, Sendable {
    public var fields: ActivityFields
    public var reason: String

    public init(fields: ActivityFields, reason: String) { self.fields = fields; self.reason = reason }

    /// Problems with the correction of `activity`: a reason, the content, a next visit not
    /// before the visit itself.
    public func validate(for activity: Activity) -> [ValidationError] {
        var problems: [ValidationError] = []
        if fields.content.trimmingWhitespace().isEmpty { problems.append(.required(field: .activityContent)) }
        if let next = fields.nextVisitOn, next < activity.occurredAt.date {
            problems.append(.dateBefore(field: .nextVisit, value: next, earliest: activity.occurredAt.date))
        }
        if reason.trimmingWhitespace().isEmpty { problems.append(.required(field: .correctionReason)) }
        return problems
    }

    /// Who may correct a follow-up: its author, the supervisor of the author's team, an
    /// admin — nobody else, whatever they may read.
    public static func mayCorrect(role: Role, userID: Int64, teamID: Int64?, author: Int64, authorsTeam: Int64?) -> Bool {
        if userID == author || role == .admin { return true }
        return role == .supervisor && teamID != nil && teamID == authorsTeam
    }
}

/// A correction as the timeline shows it: by whom, when, why, and what the row said first.
public struct CorrectionNote: Hashable, Sendable {
    public let correctorName: String
    public let at: LocalDateTime
    public let reason: String
    /// The row as first logged, before any correction.
    public let original: ActivityFields
    /// Corrected after the supervisor had signed: the evening check sees it again.
    public let afterSignature: Bool

    public init(correctorName: String, at: LocalDateTime, reason: String, original: ActivityFields, afterSignature: Bool) {
        self.correctorName = correctorName; self.at = at; self.reason = reason; self.original = original; self.afterSignature = afterSignature
    }
}
