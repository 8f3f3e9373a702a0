import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// The mouse and the clipboard in the view-model: a click selects the row it lands on and
/// focuses its pane, the wheel moves what is under it, `y` and `Y` hand a phone or a code
/// to the run loop, and none of them acts under a form.
struct PointerTests {
    func listViewModel(_ scratch: Scratch) throws -> MainViewModel {
        let vm = try demoViewModel(scratch, login: "admin")
        vm.setViewport(Viewport(listRows: 20, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40))
        vm.start()
        if vm.view != .allCustomers { vm.send(.nextView) }
        #expect(vm.view == .allCustomers)
        return vm
    }

    @Test func aClickSelectsTheRowUnderItAndTheWheelMovesTheSelection() throws {
        let scratch = Scratch()
        let vm = try listViewModel(scratch)
        let fifth = try #require(try vm.store.customerPage(offset: 4, limit: 1).first)
        vm.click(.list, row: 4)
        #expect(vm.selectedIndex == 4 && vm.detail?.customer.id == fifth.id)
        vm.click(.list, row: 19)
        #expect(vm.selectedIndex == 19)
        vm.click(.list, row: 25)                                  // under the last row: nothing
        #expect(vm.selectedIndex == 19)
        vm.wheel(.list, down: true)
        #expect(vm.selectedIndex == 22 && vm.listTop == 3)
        // After scrolling, a click counts from the row now on top.
        vm.click(.list, row: 0)
        #expect(vm.selectedIndex == 3)
        // A click on the timeline focuses it; the wheel over the card leaves the focus.
        vm.click(.timeline, row: 2)
        #expect(vm.focus == .timeline && vm.selectedIndex == 3)
        vm.wheel(.card, down: true)
        #expect(vm.focus == .timeline)
        vm.click(.list, row: 1)
        #expect(vm.focus == .list && vm.selectedIndex == 4)
    }

    @Test func aClickInTheSearchSelectsAMatch() throws {
        let scratch = Scratch()
        let vm = try listViewModel(scratch)
        vm.handle(.char("/"))
        type(vm, "北京")
        let hits = try #require(vm.search).hits
        try #require(hits.count > 3)
        vm.click(.list, row: 0)                                   // the query line
        #expect(vm.search?.selected == 0)
        vm.click(.list, row: 3)
        #expect(vm.search?.selected == 2 && vm.detail?.customer.id == hits[2].row.id)
    }

    @Test func aClickPicksTodaysItemsAndAReport() throws {
        let scratch = Scratch()
        let vm = try salespersonViewModel(scratch)
        #expect(vm.view == .today)
        try #require(vm.todayItems.count > 3)
        vm.click(.list, row: 3)
        #expect(vm.todaySelected == 3 && vm.detail?.customer.id == vm.todayItems[3].customerID)
        vm.click(.list, row: vm.todayItems.count + 5)              // below the last item
        #expect(vm.todaySelected == 3)

        let admin = try listViewModel(Scratch())
        admin.handle(.char("R"))
        #expect(admin.view == .reports)
        admin.click(.list, row: 2)
        #expect(admin.reportSelected == 2)
    }

    @Test func yAndCapitalYCopyThePhoneAndTheCode() throws {
        let scratch = Scratch()
        let vm = try listViewModel(scratch)
        let detail = try #require(vm.detail)
        vm.handle(.char("y"))
        let phone = ([detail.customer.phone] + detail.contacts.flatMap { [$0.mobile, $0.phone] }).first { !$0.isEmpty }
        #expect(vm.takeClipboard() == phone)
        #expect(vm.takeClipboard() == nil)                       // sent once
        #expect(vm.message?.text.contains(phone ?? "-") == true)
        vm.handle(.char("Y"))
        #expect(vm.takeClipboard() == detail.customer.code)
    }

    @Test func nothingActsUnderAForm() throws {
        let scratch = Scratch()
        let vm = try listViewModel(scratch)
        vm.handle(.char("e"))
        try #require(vm.form != nil)
        vm.click(.list, row: 6)
        vm.wheel(.list, down: true)
        #expect(vm.selectedIndex == 0 && vm.form != nil)
    }

    @Test func terminalPreferencesAreReadWithTheirProblems() {
        let (off, none) = TerminalPreferences.parse("# mine\nmouse = false\n", file: "terminal.toml")
        #expect(off.mouse == false && none.isEmpty)
        let (kept, problems) = TerminalPreferences.parse("mouse = false\nmause = true\nmouse2 = \"no\"\n", file: "terminal.toml")
        #expect(kept.mouse == false)
        #expect(problems.map(\.line) == [2, 3])
        let (_, wrongType) = TerminalPreferences.parse("mouse = \"off\"\n", file: "terminal.toml")
        #expect(wrongType.first?.kind == .expectedBoolean)
    }
}
