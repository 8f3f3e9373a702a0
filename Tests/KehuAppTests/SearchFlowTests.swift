import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// `/` in the view-model: matches follow every keystroke, the card follows the
/// selection, Enter goes to the customer, Esc goes back.
struct SearchFlowTests {
    @Test func typingNarrowsEnterGoesThereEscGoesBack() throws {
        let scratch = Scratch()
        let vm = try salespersonViewModel(scratch)
        #expect(vm.view == .today)
        // A customer of 张伟's from the full list, found by two characters of its name.
        let target = try #require(try vm.store.customerPage(offset: 5, limit: 1).first)
        let twoCharacters = String(target.name.dropFirst(2).prefix(2))
        vm.handle(.char("/"))
        #expect(vm.context == .search)
        type(vm, String(twoCharacters.first!))
        let afterOne = try #require(vm.search).hits.count
        type(vm, String(twoCharacters.last!))
        let hits = try #require(vm.search).hits
        #expect(hits.count <= afterOne && hits.contains { $0.row.id == target.id })
        #expect(hits.allSatisfy { $0.row.name.contains(twoCharacters) })
        #expect(vm.detail?.customer.id == hits.first?.row.id)        // the card follows
        let index = try #require(hits.firstIndex { $0.row.id == target.id })
        for _ in 0..<index { vm.send(.moveDown) }
        #expect(vm.detail?.customer.id == target.id)
        vm.handle(Key(.enter))
        #expect(vm.search == nil && vm.view == .allCustomers && vm.archiveView == .all)
        #expect(vm.selectedRow?.id == target.id && vm.detail?.customer.id == target.id)

        // Esc returns to where the search began.
        vm.send(.nextView)                                               // back to Today
        let todaySelection = vm.todaySelected
        vm.handle(.char("/"))
        type(vm, "q")                                                    // typed, not quit
        #expect(!vm.shouldQuit)
        vm.handle(Key(.escape))
        #expect(vm.search == nil && vm.view == .today && vm.todaySelected == todaySelection)
    }

    /// Issue 18: a whole name arriving at once (an input method's phrase, a paste, keys
    /// typed ahead over SSH) is searched once, with the same matches as typed one by one;
    /// the keys of a burst that are not text still act, in order.
    @Test func aBurstOfTypedCharactersRunsOneSearch() throws {
        let scratch = Scratch()
        let vm = try salespersonViewModel(scratch)
        let target = try #require(try vm.store.customerPage(offset: 5, limit: 1).first)
        let name = String(target.name.prefix(4))
        vm.handle(.char("/"))
        type(vm, name)
        let oneByOne = try #require(vm.search)
        #expect(oneByOne.resultsShown == name.count)
        vm.handle(Key(.escape))

        vm.handle(.char("/"))
        vm.handle(burst: name.map { Key(.character($0)) })
        let burst = try #require(vm.search)
        #expect(burst.resultsShown == 1, "a burst of \(name.count) characters ran \(burst.resultsShown) searches")
        #expect(burst.input.text == name && burst.hits == oneByOne.hits)

        // Text, a move, more text: two searches, the move between them.
        vm.handle(Key(.escape))
        vm.handle(.char("/"))
        vm.handle(burst: [Key(.character(name.first!)), Key(.down)] + name.dropFirst().map { Key(.character($0)) })
        let mixed = try #require(vm.search)
        #expect(mixed.resultsShown == 2 && mixed.input.text == name && mixed.hits == oneByOne.hits)
        // Esc in a burst still closes the search, and what follows is not typed into it.
        vm.handle(burst: [Key(.escape), Key(.character("q"))])
        #expect(vm.search == nil && vm.shouldQuit)
    }

    @Test func phoneFragmentsPinyinAndNothingFound() throws {
        let scratch = Scratch()
        let vm = try salespersonViewModel(scratch)
        let target = try #require(try vm.store.customerPage(offset: 3, limit: 1).first)
        let detail = try #require(try vm.store.detail(customerID: target.id))
        let digits = detail.customer.phone.filter(\.isNumber)
        vm.handle(.char("/"))
        // Typed as written on a business card, spaces and all.
        type(vm, String(digits.suffix(8).prefix(4)) + " " + String(digits.suffix(4)))
        #expect(vm.search?.hits.contains { $0.row.id == target.id } == true)
        for _ in 0..<20 { vm.send(.deleteBackward) }
        #expect(vm.search?.hits.isEmpty == true && vm.detail == nil)
        type(vm, "火星火星")
        #expect(vm.search?.hits.isEmpty == true)
        vm.send(.moveDown); vm.send(.pageDown); vm.send(.last)           // nothing to move through
        vm.handle(Key(.enter))                                           // nothing to go to: back
        #expect(vm.search == nil && vm.view == .today)
    }
}

/// `f` narrows and orders the list; the status line says so; `F` clears it.
struct FilterFlowTests {
    @Test func filterByGradeAndOverdueThenClear() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch, customers: 400)
        vm.setViewport(Viewport(listRows: 20, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40))
        vm.start()
        let everyone = vm.totalCustomers
        vm.handle(.char("f"))
        guard case .filter = vm.form else { Issue.record("no filter form"); return }
        type(vm, "4")                                  // grade: the third choice after 全部 → general (C)
        vm.send(.nextField); vm.send(.nextField); vm.send(.nextField); vm.send(.nextField)   // status, owner, level, overdue
        type(vm, "2")                                  // overdue only
        for _ in 0..<5 { vm.send(.nextField) }         // source, province, city, team, order
        type(vm, "3")                                  // next follow-up
        vm.send(.save)
        #expect(vm.form == nil, "\(vm.formProblems)")
        #expect(vm.listFilter.grade == .general && vm.listFilter.overdueOnly && vm.listOrder == .nextFollowUp)
        #expect(vm.totalCustomers > 0 && vm.totalCustomers < everyone)
        #expect(vm.visibleRows.allSatisfy { $0.row.grade == .general && ($0.row.nextFollowUpOn.map { $0 < fixedNow.date } ?? false) })
        let dates = vm.visibleRows.compactMap(\.row.nextFollowUpOn)
        #expect(dates == dates.sorted())
        #expect(vm.filterSummary.contains("逾期") && vm.filterSummary.contains("↓下次跟进"))
        // The filter stays while moving between views.
        vm.handle(.char("]"))
        #expect(vm.listFilter.grade == .general)
        vm.handle(.char("["))
        vm.handle(.char("F"))
        #expect(vm.listFilter.isEmpty && vm.listOrder == .code && vm.totalCustomers == everyone && vm.filterSummary.isEmpty)
        // A city the directory does not know is named.
        vm.handle(.char("f"))
        for _ in 0..<7 { vm.send(.nextField) }
        type(vm, "火星")
        vm.send(.save)
        #expect(vm.formProblems == [.outOfRange(field: .city, value: "火星")])
    }
}
