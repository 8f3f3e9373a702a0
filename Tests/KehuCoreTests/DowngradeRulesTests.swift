import Testing
import KehuCore

struct DowngradeRulesTests {
    let rules = DowngradeRules.standard
    let longAgo = LocalDate(year: 2020, month: 1, day: 1)!

    func months(_ list: [String], _ amount: Int) -> [String: Int] { Dictionary(uniqueKeysWithValues: list.map { ($0, amount) }) }

    @Test func aVIPBelowStandardForSixWholeMonthsIsProposedForKey() {
        let today = LocalDate(year: 2026, month: 11, day: 1)!
        // May to October below 50,000 each; November is under way and not judged.
        var low = months(["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"], 49_999)
        low["2026-04"] = 50_000
        let proposal = rules.proposal(grade: .vip, gradedOn: longAgo, monthlyYuan: low, today: today)
        #expect(proposal == DowngradeRules.Proposal(from: .vip, to: .key, firstMonth: "2026-05", lastMonth: "2026-10", months: 6))
        // The day before, October was not over: April, at standard, breaks the run.
        #expect(rules.proposal(grade: .vip, gradedOn: longAgo, monthlyYuan: low, today: LocalDate(year: 2026, month: 10, day: 31)!) == nil)
        // One month at standard breaks the run.
        var broken = low
        broken["2026-07"] = 50_000
        #expect(rules.proposal(grade: .vip, gradedOn: longAgo, monthlyYuan: broken, today: today) == nil)
        // Months without any order count as below standard.
        #expect(rules.proposal(grade: .vip, gradedOn: longAgo, monthlyYuan: [:], today: today) != nil)
    }

    @Test func aKeyCustomerNeedsThreeMonthsAcrossTheYearEnd() {
        let today = LocalDate(year: 2027, month: 2, day: 14)!
        let proposal = rules.proposal(grade: .key, gradedOn: longAgo, monthlyYuan: ["2026-11": 9_000], today: today)
        #expect(proposal?.to == .general && proposal?.firstMonth == "2026-11" && proposal?.lastMonth == "2027-01")
        #expect(rules.proposal(grade: .key, gradedOn: longAgo, monthlyYuan: ["2026-12": 10_000], today: today) == nil)
        #expect(rules.proposal(grade: .general, gradedOn: longAgo, monthlyYuan: [:], today: today) == nil)
        #expect(rules.proposal(grade: .potentialVIP, gradedOn: longAgo, monthlyYuan: [:], today: today) == nil)
    }

    @Test func monthsBeforeTheGradeAreNotHeldAgainstIt() {
        let today = LocalDate(year: 2027, month: 2, day: 1)!
        // Key since 1 November: November, December, January are whole months with the grade.
        #expect(rules.proposal(grade: .key, gradedOn: LocalDate(year: 2026, month: 11, day: 1)!, monthlyYuan: [:], today: today) != nil)
        // Key since 2 November: November does not count yet.
        #expect(rules.proposal(grade: .key, gradedOn: LocalDate(year: 2026, month: 11, day: 2)!, monthlyYuan: [:], today: today) == nil)
    }
}
