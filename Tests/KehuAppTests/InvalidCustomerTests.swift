import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// A customer marked invalid (无效客户, status d) with its reason; the archive's 客户性质
/// and credit line (000).
struct InvalidCustomerTests {
    @Test func anInvalidCustomerTakesDKeepsItsFormerCodeAndClosesItsCards() throws {
        let t = try EveningCheckTests().team()
        let id = try #require(t.ids["huanan"])
        let before = try #require(try t.store.customer(id: id))
        // Another salesperson may not; the owner may, with a reason.
        let colleague = t.store.scoped(to: Viewer(try #require(try t.store.user(login: "liuyang"))))
        #expect(throws: StoreError.notFound(table: "customers", rowID: id)) {
            try colleague.markInvalid(customerID: id, reason: "不需要", by: Actor(login: "liuyang", clock: FixedClock(t.evening)))
        }
        let vm = try t.viewModel("zhangwei")
        for _ in 0..<3 where vm.view != .allCustomers { vm.send(.nextView) }
        for _ in 0..<5 where vm.detail?.customer.id != id { vm.send(.moveDown) }
        vm.handle(.char("I"))
        guard case .note(let form)? = vm.form, case .invalid = form.purpose else { Issue.record("no invalid form"); return }
        vm.send(.save)
        #expect(vm.formProblems == [.required(field: .invalidReason)])
        type(vm, "只做贸易，不需要设备")
        vm.send(.save)
        #expect(vm.form == nil && vm.message?.text == "广州华南机电 已标为无效客户", "\(String(describing: vm.message))")
        let after = try #require(try t.store.customer(id: id))
        #expect(after.status == .invalid && after.invalidReason == "只做贸易，不需要设备")
        #expect(after.code == "Bd-粤GZ0012")
        #expect(try t.store.customerID(code: before.code) == id)
        let cards = try #require(try t.store.detail(customerID: id)?.cards)
        #expect(cards.allSatisfy { $0.state == .lost && $0.closeReason == "只做贸易，不需要设备" })
        #expect(try !t.store.todayAgenda(ownerID: t.ids["zhangwei"]!, today: t.evening.date).contains { $0.customerID == id })
        #expect(try t.store.history(table: "customers", rowID: id).contains { $0.field == "status" && $0.newValue == "d" })
        let pane = vm.cardLines.map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(pane.contains("无效原因 只做贸易，不需要设备"), "\(pane)")
    }

    @Test func natureAndCreditLineAreArchiveFields() throws {
        let t = try EveningCheckTests().team()
        let vm = try t.viewModel("zhangwei")
        for _ in 0..<3 where vm.view != .allCustomers { vm.send(.nextView) }
        for _ in 0..<5 where vm.detail?.customer.id != t.ids["huanan"] { vm.send(.moveDown) }
        vm.send(.editCustomer)
        for (name, text) in [(FormField.Name.customerNature, "国有企业"), (.creditLine, "50万")] {
            for _ in 0..<30 where vm.form?.editable.focusedField.name != name { vm.send(.nextField) }
            type(vm, text)
        }
        vm.send(.save)
        #expect(vm.form == nil, "\(vm.formProblems)")
        let customer = try #require(try t.store.customer(id: t.ids["huanan"]!))
        #expect(customer.nature == "国有企业" && customer.creditLineYuan == 500_000)
        let pane = vm.cardLines.map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(pane.contains("信用额度 50万"), "\(pane)")
        #expect(pane.contains("客户性质 国有企业"))
    }
}
