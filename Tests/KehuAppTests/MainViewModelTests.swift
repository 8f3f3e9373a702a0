import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

struct MainViewModelTests {
    let viewport = Viewport(listRows: 10, cardRows: 6, cardWidth: 40, timelineRows: 8, timelineWidth: 40)

    @Test func movingInTheListLoadsTheSelectedCustomer() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch)
        vm.setViewport(viewport)
        vm.start()
        #expect(vm.totalCustomers == 120)
        let page = try vm.store.customerPage(offset: 0, limit: 30)
        #expect(vm.detail?.customer.id == page[0].id)
        vm.handle(Key(.down))
        vm.handle(Key(.down))
        #expect(vm.selectedIndex == 2)
        #expect(vm.detail?.customer.code == page[2].code)
        #expect(vm.timelineTotal == (try vm.store.timelineCount(customerID: page[2].id)))
        #expect(vm.timelineEntries.first?.activity.customerID == page[2].id)
        #expect(!vm.cardLines.isEmpty)
    }

    @Test func pagingAndEndsStayInsideTheList() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch)
        vm.setViewport(viewport)
        vm.start()
        vm.send(.moveUp)
        #expect(vm.selectedIndex == 0)
        vm.send(.pageDown)
        #expect(vm.selectedIndex == 10)
        #expect(vm.listTop == 10)
        #expect(vm.visibleRows.map(\.index) == Array(10..<20))
        vm.send(.last)
        #expect(vm.selectedIndex == 119)
        #expect(vm.listTop == 110)
        let last = try vm.store.customerPage(offset: 119, limit: 1)
        #expect(vm.detail?.customer.id == last[0].id)
        #expect(vm.visibleRows.count == 10)
        vm.send(.moveDown)
        vm.send(.pageDown)
        #expect(vm.selectedIndex == 119)
        vm.send(.first)
        #expect(vm.selectedIndex == 0)
        #expect(vm.listTop == 0)
        vm.send(.pageUp)
        #expect(vm.selectedIndex == 0)
    }

    @Test func theRowsOnScreenMatchTheStoreAtEveryWindow() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch)
        vm.setViewport(viewport)
        vm.start()
        for _ in 0..<15 {
            let expected = try vm.store.customerPage(offset: vm.listTop, limit: 10).map(\.code)
            #expect(vm.visibleRows.map(\.row.code) == expected)
            vm.send(.pageDown)
        }
    }

    @Test func focusCyclesAndEachPaneScrollsItself() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch)
        vm.setViewport(Viewport(listRows: 10, cardRows: 2, cardWidth: 30, timelineRows: 2, timelineWidth: 30))
        vm.start()
        #expect(vm.focus == .list)
        vm.handle(Key(.tab))
        #expect(vm.focus == .card)
        #expect(vm.context == .card)
        vm.send(.moveDown)
        #expect(vm.cardTop == 1)
        #expect(vm.selectedIndex == 0)   // the list did not move
        vm.send(.last)
        #expect(vm.cardTop == vm.cardLines.count - 2)
        vm.handle(Key(.tab))
        #expect(vm.focus == .timeline)
        vm.send(.pageDown)
        #expect(vm.timelineTop == 1)
        vm.handle(Key(.tab, shift: true))
        vm.handle(Key(.tab, shift: true))
        #expect(vm.focus == .list)
        vm.send(.moveDown)
        #expect(vm.cardTop == 0)   // a new customer's card starts at the top
    }

    @Test func helpTakesKeysUntilClosedAndQuitEnds() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch)
        vm.setViewport(viewport)
        vm.start()
        vm.handle(.char("?"))
        #expect(vm.isHelpOpen)
        #expect(vm.context == .help)
        vm.handle(Key(.down))
        #expect(vm.selectedIndex == 0)
        vm.handle(.char("q"))
        #expect(!vm.isHelpOpen)
        #expect(!vm.shouldQuit)
        #expect(vm.handle(.char("Z")) == false)
        vm.handle(.char("q"))
        #expect(vm.shouldQuit)
    }

    @Test func longTimelinesArriveAPageAtATime() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch)
        let id = try #require(try vm.store.customerPage(offset: 0, limit: 1).first?.id)
        let store = vm.store
        let handler = try #require(try store.users().first?.id)
        let actor = Actor(login: "zhangwei", clock: FixedClock(fixedNow))
        for n in 0..<150 {
            let day = fixedNow.date.adding(days: -400 - n)
            try store.add(Activity(customerID: id, visitNumber: 100 + n, method: .phone,
                                   occurredAt: LocalDateTime(date: day, hour: 10, minute: 0)!, handlerID: handler,
                                   content: "旧记录 \(n)"), by: actor)
        }
        vm.setViewport(viewport)
        vm.start()
        // The first read fills the pane twice over, no more: a list move lays out only that.
        let first = DetailState.firstPage(rows: viewport.timelineRows)
        #expect(vm.timelineEntries.count == first)
        #expect(first < DetailState.page)
        #expect(vm.timelineTotal > 150)
        vm.send(.focusNext)
        vm.send(.focusNext)
        // Scrolling towards the end of what was read reads the next page.
        var pages = 0
        while vm.timelineEntries.count == first, pages < 20 {
            vm.send(.pageDown)
            pages += 1
        }
        #expect(vm.timelineEntries.count == first + DetailState.page)
        #expect(pages > 1)      // not on the first page down: only near the end of what was read
        vm.send(.last)
        #expect(vm.timelineEntries.count == vm.timelineTotal)
        #expect(vm.timelineTop == vm.timelineLines.count - viewport.timelineRows)
    }

    /// A list move lays out only the timeline's first lines; scrolling lays out the rest
    /// as it comes. At every step the lines are the start of the whole layout of what was
    /// read, and at the end they are all of it.
    @Test func aLongTimelineIsLaidOutAsItIsScrolled() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch)
        let id = try #require(try vm.store.customerPage(offset: 0, limit: 1).first?.id)
        let handler = try #require(try vm.store.users().first?.id)
        let actor = Actor(login: "zhangwei", clock: FixedClock(fixedNow))
        for n in 0..<40 {
            // Two years, so year lines open inside the laid-out part and after it.
            let day = fixedNow.date.adding(days: -200 - n * 9)
            try vm.store.add(Activity(customerID: id, visitNumber: 100 + n, method: .onSite,
                                      occurredAt: LocalDateTime(date: day, hour: 9, minute: 30)!, handlerID: handler,
                                      content: "第\(n)次拜访，谈了设备的报价和交货期，客户要求下周再联系。"), by: actor)
        }
        vm.setViewport(viewport)
        vm.start()
        func whole() -> [StyledLine] {
            TimelinePresenter.lines(vm.timelineEntries, width: viewport.timelineWidth, today: fixedNow.date, strings: vm.strings)
        }
        let rows = viewport.timelineRows
        #expect(vm.timelineLines.count >= DetailState.laidAhead(rows: rows))
        #expect(vm.timelineLines.count < whole().count)
        #expect(Array(whole().prefix(vm.timelineLines.count)) == vm.timelineLines)
        vm.send(.focusNext)
        vm.send(.focusNext)
        var tops: [Int] = []
        for _ in 0..<12 {
            vm.send(.pageDown)
            tops.append(vm.timelineTop)
            #expect(Array(whole().prefix(vm.timelineLines.count)) == vm.timelineLines)
            #expect(vm.timelineLines.count >= min(whole().count, vm.timelineTop + DetailState.laidAhead(rows: rows)))
        }
        // Each page down moved a page (one line kept) while there was one.
        #expect(tops.prefix(6) == [1, 2, 3, 4, 5, 6].map { $0 * (rows - 1) }[...])
        vm.send(.last)
        #expect(vm.timelineLines == whole())
        #expect(vm.timelineEntries.count == vm.timelineTotal)
    }

    @Test func anEmptyArchiveShowsNothingAndDoesNotFail() throws {
        let scratch = Scratch()
        let store = try KehuDatabase.open(path: scratch.path + "/empty.db")
        let vm = MainViewModel(store: store, strings: Strings(.en), keymap: shippedKeymap("default"), login: "x",
                               profile: nil, clock: FixedClock(fixedNow))
        vm.setViewport(viewport)
        vm.start()
        vm.send(.moveDown)
        vm.send(.last)
        #expect(vm.totalCustomers == 0)
        #expect(vm.visibleRows.isEmpty)
        #expect(vm.detail == nil)
        #expect(vm.message == nil)
    }
}

struct ArchiveViewSwitchingTests {
    @Test func bracketsStepThroughTheArchiveViews() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch)
        vm.setViewport(Viewport(listRows: 10, cardRows: 6, cardWidth: 40, timelineRows: 8, timelineWidth: 40))
        vm.start()
        vm.send(.moveDown)
        vm.handle(.char("]"))
        #expect(vm.archiveView == .cooperating)
        #expect(vm.selectedIndex == 0)
        #expect(vm.totalCustomers == (try vm.store.customerCount(in: .cooperating)))
        #expect(vm.visibleRows.allSatisfy { $0.row.status == .cooperating })
        #expect(vm.detail?.customer.status == .cooperating)
        vm.handle(.char("["))
        vm.handle(.char("["))
        #expect(vm.archiveView == .pool)
        #expect(vm.detail?.customer.ownerID == nil)
    }
}

struct PoolScreenTests {
    @Test func aSalespersonClaimsFromThePoolViewAndSeesTomorrowsDrops() throws {
        let scratch = Scratch()
        let vm = try salespersonViewModel(scratch)
        vm.send(.nextView)
        for _ in 0..<20 where vm.archiveView != .pool { vm.handle(.char("]")) }
        let before = vm.totalCustomers
        let id = try #require(vm.detail?.customer.id)
        vm.handle(.char("+"))
        #expect(vm.message?.kind == .info, "\(vm.message?.text ?? "")")
        #expect(try vm.store.customer(id: id)?.ownerID == vm.profile?.user.id)
        #expect(vm.totalCustomers == before - 1)
        vm.handle(.char("D"))
        let drops = try #require(vm.poolPreview)
        #expect(drops.allSatisfy { $0.dropDate == fixedNow.date.adding(days: 1) })
        vm.handle(Key(.escape))
        #expect(vm.poolPreview == nil)
        // Assigning is for supervisors.
        vm.handle(.char("="))
        #expect(vm.form == nil)
        #expect(vm.message?.kind == .error)
    }
}
