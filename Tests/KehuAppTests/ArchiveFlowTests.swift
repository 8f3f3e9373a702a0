import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// Editing the archive, closing cards and reading the history, driven as a user would.
struct ArchiveFlowTests {
    func salesperson(_ scratch: Scratch) throws -> MainViewModel { try salespersonOnFirstFollowUp(scratch) }

    @Test func aRestoredCustomerDraftDoesNotUndoAColleaguesNewerChange() throws {
        let scratch = Scratch()
        let vm = try salesperson(scratch)
        let id = try #require(vm.detail?.customer.id)
        vm.handle(.char("e"))
        for _ in 0..<30 {
            guard case .customer(let f)? = vm.form, f.focusedField.name != .note else { break }
            vm.send(.nextField)
        }
        vm.send(.killLine)
        type(vm, "我的草稿备注")
        #expect(vm.saveDraftIfEditing())                         // the connection drops

        // Meanwhile a colleague writes the same field.
        let store = try KehuDatabase.open(path: scratch.path + "/demo.db")
        let stored = try #require(try store.customer(id: id))
        var theirs = stored
        theirs.notes = "同事的新备注"
        _ = try store.update(customer: stored, to: theirs, by: Actor(login: "lizhuguan", clock: FixedClock(fixedNow)))

        let next = try salesperson(scratch)
        guard case .draft? = next.prompt else { Issue.record("no draft offered"); return }
        next.handle(Key(.enter))
        guard case .customer(let restored)? = next.form else { Issue.record("the customer draft was not restored"); return }
        #expect(restored.field(.note)?.text == "我的草稿备注")
        next.send(.save)
        #expect(try store.customer(id: id)?.notes == "同事的新备注")       // not silently undone
        #expect(next.message?.text.contains("同事的新备注") == true, "\(next.message?.text ?? "")")
    }

    @Test func editingTheArchiveValidatesEachFieldAndKeepsHistory() throws {
        let vm = try salesperson(Scratch())
        let id = try #require(vm.detail?.customer.id)
        vm.handle(.char("e"))
        #expect(vm.context == .form)
        vm.send(.nextField)                       // phone: selected, typing replaces it
        type(vm, "020-8888 77x7")
        vm.send(.nextField)
        #expect(vm.formProblems == [.badPhone(field: .customerPhone, value: "020-8888 77x7")])
        vm.send(.save)
        #expect(vm.form != nil)
        vm.send(.previousField)
        type(vm, "０２０－８８８８　７７７７")    // full-width, as an input method types it
        vm.send(.save)
        #expect(vm.form == nil)
        #expect(try vm.store.customer(id: id)?.phone == "020-8888 7777")
        vm.handle(.char("h"))
        let entries = try #require(vm.history)
        #expect(entries.first?.field == "phone")
        #expect(entries.first?.newValue == "020-8888 7777")
        #expect(entries.first?.actor == "zhangwei")
        vm.handle(Key(.escape))
        #expect(vm.history == nil)
    }

    @Test func aConcurrentChangeToTheSameFieldIsReportedNotOverwritten() throws {
        let scratch = Scratch()                  // kept alive: a second connection opens the same file
        let vm = try salesperson(scratch)
        let id = try #require(vm.detail?.customer.id)
        vm.send(.editCustomer)
        vm.send(.nextField)
        type(vm, "020-1111 1111")
        // Meanwhile a supervisor in another kehu process changes the same phone.
        let other = try KehuDatabase.open(path: vm.store.path)
        let stored = try #require(try other.customer(id: id))
        var theirs = stored
        theirs.phone = "020-2222 2222"
        try other.update(customer: stored, to: theirs, by: Actor(login: "lizhuguan", clock: FixedClock(fixedNow)))
        vm.send(.save)
        #expect(vm.form != nil)                   // still open: nothing was lost
        #expect(vm.message?.kind == .error)
        #expect(vm.message?.text.contains("020-2222 2222") == true)
        #expect(try vm.store.customer(id: id)?.phone == "020-2222 2222")
    }

    @Test func contactsAreAddedAndEdited() throws {
        let vm = try salesperson(Scratch())
        let id = try #require(vm.detail?.customer.id)
        let before = try #require(vm.detail?.contacts.count)
        vm.send(.editContacts)
        guard case .contact(let form) = vm.form else { Issue.record("no contact form"); return }
        #expect(form.field(.contactName)?.text == vm.detail?.contacts.first?.name)
        vm.send(.previousField)                   // to the choice of contact
        type(vm, String(before + 1))              // the last option: a new contact
        vm.send(.nextField)
        type(vm, "周婷")
        vm.send(.nextField); vm.send(.nextField); vm.send(.nextField)
        type(vm, "1380013800")                    // ten digits
        vm.send(.save)
        #expect(vm.formProblems == [.badPhone(field: .contactMobile, value: "1380013800")])
        vm.send(.lineEnd)
        type(vm, "0")
        vm.send(.nextField); vm.send(.nextField); vm.send(.nextField); vm.send(.nextField)
        type(vm, "1990年5月6日")
        vm.send(.save)
        #expect(vm.form == nil, "\(vm.formProblems)")
        let added = try #require(try vm.store.detail(customerID: id)?.contacts.first { $0.name == "周婷" })
        #expect(added.mobile == "138 0013 8000")
        #expect(added.birthday == LocalDate(year: 1990, month: 5, day: 6))
    }

    @Test func anExistingContactIsEditedWithHistory() throws {
        let vm = try salesperson(Scratch())
        let contact = try #require(vm.detail?.contacts.first)
        vm.send(.editContacts)
        vm.send(.nextField); vm.send(.nextField)  // name, department, position
        type(vm, "副总经理")
        vm.send(.save)
        #expect(vm.form == nil, "\(vm.formProblems)")
        let stored = try #require(try vm.store.detail(customerID: contact.customerID)?.contacts.first { $0.id == contact.id })
        #expect(stored.position == "副总经理")
        #expect(try vm.store.history(table: "contacts", rowID: contact.id!).first?.field == "position")
    }

    @Test func aDealBecomesAnOrderAndTheCustomerCooperates() throws {
        let vm = try salesperson(Scratch())
        let id = try #require(vm.detail?.customer.id)
        let code = try #require(vm.detail?.customer.code)
        vm.send(.closeCard)
        guard case .closeCard(let form) = vm.form else { Issue.record("no closing form"); return }
        #expect(form.isDeal)
        vm.send(.nextField); vm.send(.nextField)  // product (kept), amount
        type(vm, "３０万")
        vm.send(.save)
        #expect(vm.form == nil, "\(vm.formProblems)")
        let customer = try #require(try vm.store.customer(id: id))
        #expect(customer.status == .cooperating)
        #expect(customer.code == String(code.prefix(1)) + "a" + String(code.dropFirst(2)))
        #expect(customer.lastOrderOn == fixedNow.date)
        #expect(try vm.store.orders(customerID: id).first?.amountYuan == 300_000)
        #expect(try vm.store.detail(customerID: id)?.cards.contains { $0.state == .won } == true)
        // The closed card is off Today and out of the list's follow-up column.
        #expect(!vm.todayItems.contains { $0.customerID == id && { if case .followUp = $0.kind { return true }; return false }($0) })
        let history = try vm.store.customerHistory(customerID: id).map(\.field)
        #expect(history.contains("status") && history.contains("code") && history.contains("state"))
    }

    @Test func aRepeatOrderNamesTheContractsApproverAsTheAmountIsTyped() throws {
        let vm = try salesperson(Scratch())
        let id = try #require(vm.detail?.customer.id)
        vm.handle(.char("o"))
        guard case .order = vm.form else { Issue.record("no order form"); return }
        type(vm, "数控机床")
        vm.send(.nextField)
        type(vm, "12万")
        guard case .order(let typed) = vm.form else { return }
        #expect(typed.approver == .keyAccountAndSalesVP)
        vm.send(.nextField); vm.send(.nextField)  // date (today, kept), contract number
        type(vm, "HT-0099")
        vm.send(.nextField)
        type(vm, "2026/11/31")                    // no such day
        vm.send(.save)
        #expect(vm.formProblems == [.badDate(field: .settledOn, value: "2026/11/31")])
        for _ in 0..<10 { vm.send(.deleteBackward) }
        vm.send(.save)
        #expect(vm.form == nil, "\(vm.formProblems)")
        #expect(vm.message?.text.contains("大客户管理部和销售副总监") == true)
        let order = try #require(try vm.store.orders(customerID: id).first)
        #expect(order.amountYuan == 120_000 && order.contractNumber == "HT-0099" && order.settledOn == nil)
        #expect(try vm.store.customer(id: id)?.status == .cooperating)
        #expect(vm.detail?.recentOrders.first?.id == order.id)
    }

    @Test func aDefeatWaitsForTheSupervisorAndNeedsAReason() throws {
        let vm = try salesperson(Scratch())
        let id = try #require(vm.detail?.customer.id)
        vm.send(.closeCard)
        type(vm, "2")                             // 战败申请
        vm.send(.save)
        #expect(vm.formProblems == [.required(field: .defeatReason)])
        vm.send(.nextField)
        type(vm, "预算砍了，买了二手设备")
        vm.send(.nextField)
        type(vm, "大族")
        vm.send(.nextField); vm.send(.nextField)
        type(vm, "12万")
        vm.send(.save)
        #expect(vm.form == nil, "\(vm.formProblems)")
        let card = try #require(try vm.store.detail(customerID: id)?.cards.first { $0.state == .defeatPending })
        #expect(card.closeReason == "预算砍了，买了二手设备")
        #expect(card.competitor == "大族")
        #expect(card.chosenPriceYuan == 120_000)
        #expect(card.defeatAppliedOn == fixedNow.date)
        #expect(try vm.store.customer(id: id)?.status == .potential)
    }

    @Test func closingNeedsAnOpenCard() throws {
        let scratch = Scratch()
        let vm = try salesperson(scratch)
        // A customer of his with no open card, shown in the full list.
        let rows = try vm.store.customerPage(offset: 0, limit: 500)
        let row = try #require(try rows.first { try vm.store.openCard(customerID: $0.id) == nil })
        vm.send(.nextView)
        try vm.select(customerID: row.id, code: row.code)
        #expect(vm.detail?.customer.id == row.id)
        vm.send(.closeCard)
        #expect(vm.form == nil)
        #expect(vm.message?.text == "这个客户没有未结的意向卡")
    }

    @Test func amountsAreReadAsPeopleWriteThem() {
        #expect(AmountInput.yuan("300000") == 300_000)
        #expect(AmountInput.yuan("30万") == 300_000)
        #expect(AmountInput.yuan("1.5 万元") == 15_000)
        #expect(AmountInput.yuan("１２，０００元") == 12_000)
        #expect(AmountInput.yuan("三十万") == nil)
        #expect(AmountInput.yuan("-5") == nil)
    }
}
