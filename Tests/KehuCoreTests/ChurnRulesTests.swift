import Testing
@testable import KehuCore

struct ChurnRulesTests {
    func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day)! }

    @Test func monthsAddUpToTheRealMonthEnd() {
        #expect(d(2026, 8, 31).adding(months: 6) == d(2027, 2, 28))
        #expect(d(2027, 8, 31).adding(months: 6) == d(2028, 2, 29))
        #expect(d(2026, 5, 22).adding(months: 6) == d(2026, 11, 22))
        #expect(d(2026, 11, 22).adding(months: -6) == d(2026, 5, 22))
        #expect(d(2026, 1, 15).adding(months: -1) == d(2025, 12, 15))
    }

    @Test func warningAtFiveMonthsLostAtSixToTheDay() {
        let rules = ChurnRules.standard
        let last = d(2026, 5, 22)
        #expect(rules.state(lastOrder: last, today: d(2026, 10, 21)) == .active)
        #expect(rules.state(lastOrder: last, today: d(2026, 10, 22)) == .warning(lostOn: d(2026, 11, 22)))
        #expect(rules.state(lastOrder: last, today: d(2026, 11, 21)) == .warning(lostOn: d(2026, 11, 22)))
        #expect(rules.state(lastOrder: last, today: d(2026, 11, 22)) == .lost(since: d(2026, 11, 22)))
        #expect(rules.state(lastOrder: last, today: d(2026, 11, 23)) == .lost(since: d(2026, 11, 22)))
        #expect(ChurnRules(warnAfterMonths: 9, lostAfterMonths: 6).warnAfterMonths == 6)
    }
}
