extension LocalDate {
    /// The same day `months` later; a day the month lacks becomes its last day
    /// (31 August + 6 months is 28 or 29 February).
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return LocalDate(year: y, month: m, day: min(day, LocalDate.daysIn(month: m, year: y)))!
    }
}

/// 客户流失: a cooperating customer with no order for six months is lost; five months
/// warns the owner (company settings `churn.warnMonths`, `churn.lostMonths`).
public struct ChurnRules: Hashable, Sendable {
    public var warnAfterMonths: Int
    public var lostAfterMonths: Int

    public static let standard = ChurnRules(warnAfterMonths: 5, lostAfterMonths: 6)

    public init(warnAfterMonths: Int, lostAfterMonths: Int) {
        self.lostAfterMonths = max(1, lostAfterMonths)
        self.warnAfterMonths = min(max(0, warnAfterMonths), self.lostAfterMonths)
    }

    public enum State: Hashable, Sendable {
        case active
        /// Lost on the given date unless an order comes first.
        case warning(lostOn: LocalDate)
        case lost(since: LocalDate)
    }

    public func state(lastOrder: LocalDate, today: LocalDate) -> State {
        let lostOn = lastOrder.adding(months: lostAfterMonths)
        if today >= lostOn { return .lost(since: lostOn) }
        if today >= lastOrder.adding(months: warnAfterMonths) { return .warning(lostOn: lostOn) }
        return .active
    }
}
