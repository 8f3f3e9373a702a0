/// When the next follow-up of a card is due: the visit date plus the days the company
/// set for the level judged (SPEC §2: H same day, A 7, B 14, C 30 by default).
public struct FollowUpCadence: Hashable, Sendable {
    public private(set) var days: [IntentLevel: Int]

    public static let standard = FollowUpCadence(days: [:])

    /// Levels missing from `days` keep the SPEC default; negative values are refused.
    public init(days: [IntentLevel: Int]) {
        var all: [IntentLevel: Int] = [:]
        for level in IntentLevel.allCases { all[level] = max(0, days[level] ?? level.defaultCadenceDays) }
        self.days = all
    }

    public func nextVisit(after visit: LocalDate, level: IntentLevel) -> LocalDate {
        visit.adding(days: days[level] ?? level.defaultCadenceDays)
    }
}

/// 第N次拜访: the next visit number of a customer, one more than the highest so far, so a
/// corrected or imported history with gaps never produces a duplicate number.
public enum VisitNumbering {
    public static func next(after highest: Int?) -> Int { (highest ?? 0) + 1 }
}
