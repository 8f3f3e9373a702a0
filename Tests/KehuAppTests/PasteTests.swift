import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// A paste is text for the field in front: lines kept where the field keeps lines, joined
/// in a one-line field; never keys, and nothing outside a form or the search.
struct PasteTests {
    @Test func aPasteIsTextNeverKeys() throws {
        let company = try GradeApprovalTests.Company()
        let vm = try company.viewModel("zhangwei")
        for _ in 0..<5 where vm.view != .allCustomers { vm.send(.nextView) }
        // On the list a paste does nothing at all (its letters are no commands).
        vm.paste("l\nx\nq")
        #expect(vm.form == nil && !vm.shouldQuit)
        vm.send(.editCustomer)
        guard case .customer = vm.form else { Issue.record("no form"); return }
        vm.send(.nextField)                                   // the phone: one line
        vm.send(.deleteBackward)
        vm.paste("020-8888\n6666")
        guard case .customer(let afterPhone) = vm.form else { Issue.record("the form closed"); return }
        #expect(afterPhone.field(.customerPhone)?.text == "020-8888 6666")
        while vm.form?.editable.focusedField.name != .note { vm.send(.nextField) }
        vm.paste("第一行\r\n第二行\n第三行")
        guard case .customer(let form) = vm.form else { Issue.record("the form closed"); return }
        #expect(form.field(.note)?.text.hasSuffix("第一行\n第二行\n第三行") == true)
        #expect(try company.store.customer(id: company.customerID)?.notes == "")
    }
}
