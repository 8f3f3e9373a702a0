import Testing
import KehuCore

struct ContractApprovalTests {
    @Test func theAmountDecidesWhoApprovesAtTheSpecsThresholds() {
        let rules = ContractApprovalRules.standard
        #expect(rules.approver(amountYuan: 1) == .officeManager)
        #expect(rules.approver(amountYuan: 99_999) == .officeManager)
        #expect(rules.approver(amountYuan: 100_000) == .keyAccountAndSalesVP)
        #expect(rules.approver(amountYuan: 300_000) == .keyAccountAndSalesVP)
        #expect(rules.approver(amountYuan: 300_001) == .salesDirector)
    }

    @Test func aCompanysThresholdsAreKeptInOrder() {
        let rules = ContractApprovalRules(officeLimitYuan: 50_000, directorAboveYuan: 20_000)
        #expect(rules.directorAboveYuan == 50_000)
        #expect(rules.approver(amountYuan: 49_999) == .officeManager)
        #expect(rules.approver(amountYuan: 50_000) == .keyAccountAndSalesVP)
        #expect(rules.approver(amountYuan: 50_001) == .salesDirector)
    }

    @Test func anOrderIsSettledBetweenItsDateAndToday() {
        let today = LocalDate(year: 2026, month: 11, day: 22)!
        var deal = Deal(product: "数控机床", amountYuan: 80_000, date: LocalDate(year: 2026, month: 11, day: 1)!)
        deal.settledOn = LocalDate(year: 2026, month: 10, day: 31)
        #expect(deal.validate(today: today) == [.dateBefore(field: .settledOn, value: deal.settledOn!, earliest: deal.date)])
        deal.settledOn = LocalDate(year: 2026, month: 11, day: 23)
        #expect(deal.validate(today: today) == [.outOfRange(field: .settledOn, value: "2026-11-23")])
        deal.settledOn = today
        #expect(deal.validate(today: today).isEmpty)
    }
}
