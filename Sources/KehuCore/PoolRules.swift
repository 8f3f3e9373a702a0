/// 认购申报 and the public pool (公海): how long a claimed prospect stays with its owner
/// without a follow-up, when the owner is warned, how many one may hold, and how long a
/// former owner waits before claiming it again. All company settings.
public struct PoolRules: Hashable, Sendable {
    /// Days without a logged follow-up before a prospect returns to the pool, per grade.
    public var dropDays: [CustomerGrade: Int]
    public var warnDaysBefore: Int
    /// How many unfinished prospects (status b) one salesperson may own.
    public var claimLimit: Int
    /// Days a former owner waits before claiming the same customer again.
    public var cooldownDays: Int

    public static let standard = PoolRules(dropDays: [:], warnDaysBefore: 3, claimLimit: 200, cooldownDays: 30)

    public init(dropDays: [CustomerGrade: Int], warnDaysBefore: Int, claimLimit: Int, cooldownDays: Int) {
        var days: [CustomerGrade: Int] = [:]
        for grade in CustomerGrade.allCases { days[grade] = max(1, dropDays[grade] ?? 30) }
        self.dropDays = days
        self.warnDaysBefore = max(0, warnDaysBefore)
        self.claimLimit = max(1, claimLimit)
        self.cooldownDays = max(0, cooldownDays)
    }

    /// The day a prospect returns to the pool: its last follow-up (or the claim, if later)
    /// plus the grade's days. On that day it is no longer the owner's.
    public func dropDate(lastActivity: LocalDate?, claimedOn: LocalDate?, grade: CustomerGrade) -> LocalDate? {
        guard let since = [lastActivity, claimedOn].compactMap({ $0 }).max() else { return nil }
        return since.adding(days: dropDays[grade] ?? 30)
    }

    /// True from `warnDaysBefore` days before the drop date until the day before it.
    public func isWarning(dropDate: LocalDate, today: LocalDate) -> Bool {
        today < dropDate && today.days(until: dropDate) <= warnDaysBefore
    }

    /// Whether a former owner may claim again on `today`.
    public func cooldownOver(releasedOn: LocalDate, today: LocalDate) -> Bool {
        releasedOn.adding(days: cooldownDays) <= today
    }
}
