import Foundation
import KehuDemo
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// The salesperson's day driven through actions and keys, as a user works.
struct FormFlowTests {
    func salesperson(_ scratch: Scratch) throws -> MainViewModel { try salespersonOnFirstFollowUp(scratch) }

    @Test func aSalespersonStartsOnTodayOverdueFirst() throws {
        let vm = try salespersonViewModel(Scratch())   // as opened, nothing moved
        #expect(vm.view == .today)
        #expect(!vm.todayItems.isEmpty)
        let lates = vm.todayItems.map { $0.daysLate(on: vm.today) }
        #expect(lates == lates.sorted(by: >) || lates.first! >= lates.last!)
        #expect(vm.todayCounts.overdue > 0)
        #expect(vm.detail?.customer.id == vm.todayItems[0].customerID)
        vm.send(.nextView)
        #expect(vm.view == .allCustomers)
    }

    @Test func aFollowUpTakesFourKeysBesidesTheTextAndLeavesToday() throws {
        let vm = try salesperson(Scratch())
        let item = try #require(vm.todayItems.first { if case .followUp = $0.kind { return true }; return false })
        let customer = try #require(item.customerID)
        let before = try vm.store.timelineCount(customerID: customer)
        var keys = 0
        vm.handle(.char("l")); keys += 1
        #expect(vm.context == .form)
        type(vm, "确认了预算已批，下周三来厂里看样机")
        vm.handle(Key(.tab)); keys += 1
        vm.handle(.char("a")); keys += 1
        guard case .followUp(let form) = vm.form else { Issue.record("no form"); return }
        #expect(form.field(.nextVisit)?.text == "2026-11-29")   // A: seven days
        vm.handle(.ctrl("s")); keys += 1
        #expect(keys <= 8)
        #expect(vm.form == nil)
        #expect(vm.message?.kind == .info)
        let timeline = try vm.store.timeline(customerID: customer, offset: 0, limit: 1)
        #expect(timeline.first?.activity.content == "确认了预算已批，下周三来厂里看样机")
        #expect(timeline.first?.activity.levelJudged == .a)
        #expect(timeline.first?.activity.visitNumber == before + 1)
        #expect(!vm.todayItems.contains { $0.customerID == customer && $0.due <= vm.today && { if case .followUp = $0.kind { return true }; return false }($0) })
    }

    @Test func theNextDateFollowsTheLevelUntilTheUserWritesOne() throws {
        let vm = try salesperson(Scratch())
        vm.send(.logFollowUp)
        type(vm, "回访")
        vm.send(.nextField)                    // to level
        type(vm, "c")
        guard case .followUp(let c) = vm.form else { return }
        #expect(c.field(.nextVisit)?.text == "2026-12-22")
        type(vm, "h")
        guard case .followUp(let h) = vm.form else { return }
        #expect(h.field(.nextVisit)?.text == "2026-11-22")
        vm.send(.nextField); vm.send(.nextField); vm.send(.nextField)   // impression, bottleneck, next visit
        type(vm, "12-01 15:00")                // typing replaces the suggested date
        vm.send(.previousField); vm.send(.previousField); vm.send(.previousField)
        type(vm, "b")
        guard case .followUp(let b) = vm.form else { return }
        #expect(b.field(.nextVisit)?.text == "12-01 15:00")    // the user's date stays
        guard case .ready(let followUp) = b.build() else { Issue.record("did not build"); return }
        #expect(followUp.nextVisitOn == LocalDate(year: 2026, month: 12, day: 1))
        #expect(followUp.nextVisitTime == "15:00")
    }

    /// Issue 17: `o` suggests the product of the customer's card; typing replaces it
    /// (typing 叉车 gave 数控机床叉车).
    @Test func typingReplacesTheSuggestedProductOfAnOrder() throws {
        let vm = try salesperson(Scratch())
        // The first customer whose open card names a product.
        var suggested = ""
        for _ in 0..<40 {
            vm.send(.recordOrder)
            if case .order(let opened) = vm.form { suggested = opened.fields[opened.focus].text }
            if !suggested.isEmpty { break }
            vm.send(.cancel)
            vm.send(.moveDown)
        }
        try #require(!suggested.isEmpty, "a card suggests a product")
        type(vm, "叉车")
        guard case .order(let typed) = vm.form else { Issue.record("no order form"); return }
        #expect(typed.fields[typed.focus].text == "叉车", "suggested \(suggested)")
    }

    @Test func problemsAreShownAndNothingIsSaved() throws {
        let vm = try salesperson(Scratch())
        let customer = try #require(vm.detail?.customer.id)
        let before = try vm.store.timelineCount(customerID: customer)
        vm.send(.logFollowUp)
        vm.send(.save)
        #expect(vm.form != nil)
        #expect(vm.formProblems == [.required(field: .activityContent)])
        #expect(vm.message?.text == "内容不能为空")
        type(vm, "x")
        vm.send(.nextField); vm.send(.nextField); vm.send(.nextField); vm.send(.nextField)
        type(vm, "明天")
        vm.send(.save)
        #expect(vm.formProblems == [.badDate(field: .nextVisit, value: "明天")])
        #expect(try vm.store.timelineCount(customerID: customer) == before)
    }

    @Test func aFieldIsCheckedAsItIsLeft() throws {
        let vm = try salesperson(Scratch())
        vm.send(.newLead)
        type(vm, "李娜")
        vm.send(.nextField)
        type(vm, "138-0013-80OO")              // letters O instead of zeros
        vm.send(.nextField)
        #expect(vm.formProblems == [.badPhone(field: .cardPhone, value: "138-0013-80OO")])
        #expect(vm.message?.text == "电话「138-0013-80OO」不是有效的电话号码")
        guard case .lead(let lead) = vm.form else { return }
        #expect(lead.focusedField.name == .source)  // not held back
        vm.send(.previousField)
        vm.send(.lineEnd)
        vm.send(.deleteBackward); vm.send(.deleteBackward)
        type(vm, "00")
        vm.send(.nextField)
        #expect(vm.formProblems.isEmpty)
    }

    @Test func cancellingAsksOnlyWhenSomethingWasTyped() throws {
        let vm = try salesperson(Scratch())
        vm.send(.logFollowUp)
        vm.handle(Key(.escape))
        #expect(vm.form == nil)
        #expect(vm.prompt == nil)
        vm.send(.logFollowUp)
        type(vm, "客户说")
        vm.handle(Key(.escape))
        #expect(vm.context == .prompt)
        vm.handle(.char("n"))                  // keep editing
        #expect(vm.form != nil)
        #expect(vm.prompt == nil)
        vm.handle(Key(.escape))
        vm.handle(.char("y"))                  // discard
        #expect(vm.form == nil)
    }

    @Test func typingQInAFormIsText() throws {
        let vm = try salesperson(Scratch())
        vm.send(.logFollowUp)
        type(vm, "quit? no")
        #expect(!vm.shouldQuit)
        guard case .followUp(let f) = vm.form else { return }
        #expect(f.field(.content)?.text == "quit? no")
    }

    @Test func aNewLeadWithAKnownPhoneIsCaughtAndCanBeCreatedAnyway() throws {
        let scratch = Scratch()
        let vm = try salesperson(scratch)
        let existing = try #require(vm.detail)
        let mobile = try #require(existing.contacts.first?.mobile)
        vm.send(.newLead)
        type(vm, "李先生")
        vm.send(.nextField)
        type(vm, "+86 " + mobile.replacingOccurrences(of: " ", with: "-"))
        vm.send(.save)
        guard case .duplicates(let matches) = vm.prompt else { Issue.record("no duplicate warning"); return }
        #expect(matches.first?.customerID == existing.customer.id)
        #expect(matches.first?.reason == .phone)
        let count = try vm.store.customerCount()
        vm.handle(Key(.enter))                 // open the existing one
        #expect(vm.form == nil)
        #expect(vm.detail?.customer.id == existing.customer.id)
        #expect(try vm.store.customerCount() == count)

        vm.send(.newLead)
        type(vm, "李先生")
        vm.send(.nextField)
        type(vm, mobile)
        vm.send(.save)
        vm.handle(.char("n"))                  // create anyway
        #expect(try vm.store.customerCount() == count + 1)
        #expect(vm.detail?.customer.name == "李先生")
        #expect(vm.detail?.customer.status == .potential)
        #expect(vm.detail?.cards.first?.state == .open)
    }

    @Test func aDraftSurvivesTheSessionAndIsOfferedBack() throws {
        let scratch = Scratch()
        let vm = try salesperson(scratch)
        let customer = try #require(vm.detail?.customer.id)
        vm.send(.logFollowUp)
        type(vm, "电话打到一半断线了")
        vm.send(.nextField)
        type(vm, "b")
        #expect(vm.saveDraftIfEditing())

        let next = try salesperson(scratch)      // the next start
        guard case .draft = next.prompt else { Issue.record("no draft offered"); return }
        next.handle(Key(.enter))
        guard case .followUp(let restored) = next.form else { Issue.record("draft not restored"); return }
        #expect(restored.customerID == customer)
        #expect(restored.field(.content)?.text == "电话打到一半断线了")
        #expect(restored.selectedLevel == .b)
        #expect(restored.field(.nextVisit)?.text == "2026-12-06")
        #expect(try next.store.drafts(login: "zhangwei").isEmpty)

        let third = try salesperson(scratch)
        #expect(third.prompt == nil)
    }

    @Test func nothingTypedLeavesNoDraft() throws {
        let vm = try salesperson(Scratch())
        vm.send(.logFollowUp)
        #expect(!vm.saveDraftIfEditing())
    }

    @Test func textFromTheEditorReplacesTheField() throws {
        let vm = try salesperson(Scratch())
        vm.send(.logFollowUp)
        type(vm, "短")
        vm.send(.editExternally)
        #expect(vm.pendingExternalEdit == "短")
        vm.finishExternalEdit("第一行\n第二行\n")
        guard case .followUp(let f) = vm.form else { return }
        #expect(f.field(.content)?.text == "第一行 第二行")
        vm.send(.editExternally)
        vm.finishExternalEdit(nil)
        #expect(vm.message?.kind == .error)
    }

    @Test func nextVisitShorthands() {
        let today = fixedNow.date
        #expect(FollowUpForm.parseNextVisit("+3", today: today)?.0 == LocalDate(year: 2026, month: 11, day: 25))
        #expect(FollowUpForm.parseNextVisit("15:30", today: today).map { "\($0.0) \($0.1 ?? "")" } == "2026-11-22 15:30")
        #expect(FollowUpForm.parseNextVisit("1-5", today: today)?.0 == LocalDate(year: 2027, month: 1, day: 5))
        #expect(FollowUpForm.parseNextVisit("12月1日", today: today)?.0 == LocalDate(year: 2026, month: 12, day: 1))
        #expect(FollowUpForm.parseNextVisit("２０２６－１２－０２", today: today)?.0 == LocalDate(year: 2026, month: 12, day: 2))
        #expect(FollowUpForm.parseNextVisit("soon", today: today) == nil)
    }
}

struct ChurnReasonFlowTests {
    @Test func theOwnerGivesTheReasonFromToday() throws {
        let scratch = Scratch()
        let path = scratch.path + "/demo.db"
        _ = try DemoDatabase.create(at: path, options: DemoOptions(customers: 800, seed: 12, now: fixedNow, creatorLogin: "tester"))
        let store = try KehuDatabase.open(path: path)
        let lost = try store.applyChurn(today: fixedNow.date, by: Actor(login: "kehu", clock: FixedClock(fixedNow)))
        try #require(!lost.isEmpty, "the demo puts some customers just past six months")
        let ownerID = try #require(try store.customer(id: lost[0].customerID)?.ownerID)
        let login = try #require(try store.users().first { $0.id == ownerID }?.login)
        let vm = try demoViewModel(scratch, login: login)
        vm.setViewport(Viewport(listRows: 40, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40))
        vm.start()
        let index = try #require(vm.todayItems.firstIndex { if case .churnReason = $0.kind { return true }; return false })
        for _ in 0..<index { vm.send(.moveDown) }
        vm.handle(.char("l"))
        guard case .note? = vm.form else { Issue.record("no reason form"); return }
        type(vm, "客户改用国产替代")
        vm.handle(.ctrl("s"))
        #expect(vm.form == nil, "\(vm.formProblems)")
        #expect(!vm.todayItems.contains { if case .churnReason = $0.kind { return $0.customerID == lost[0].customerID }; return false })
    }
}
