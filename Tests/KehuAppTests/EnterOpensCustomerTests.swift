import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// Enter on a list row opens the selected customer: its card takes the focus.
struct EnterOpensCustomerTests {
    @Test func enterOnARowFocusesTheCard() throws {
        let company = try GradeApprovalTests.Company()
        let vm = try company.viewModel("zhangwei")
        for _ in 0..<5 where vm.view != .allCustomers { vm.send(.nextView) }
        #expect(vm.focus == .list)
        vm.handle(Key(.enter))
        #expect(vm.focus == .card)
        #expect(vm.detail?.customer.id == company.customerID)
        // On the card Enter does nothing more.
        vm.handle(Key(.enter))
        #expect(vm.focus == .card)
    }
}
