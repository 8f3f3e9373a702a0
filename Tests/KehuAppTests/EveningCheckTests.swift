import Foundation
import KehuDemo
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// The supervisor's evening, on a small team with fixed data.
struct EveningCheckTests {
    struct Team {
        let scratch: Scratch
        let store: KehuDatabase
        let ids: [String: Int64]
        let evening = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 17, minute: 48)!

        func viewModel(_ login: String) throws -> MainViewModel {
            let profile = try #require(try store.profile(login: login))
            let vm = MainViewModel(store: store.scoped(to: Viewer(profile.user)), strings: Strings(.zh),
                                   keymap: shippedKeymap("default"), login: login, profile: profile, clock: FixedClock(evening))
            vm.setViewport(Viewport(listRows: 20, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40))
            vm.start()
            return vm
        }
    }

    /// 李主管's team: 张伟 logged two follow-ups today, 刘洋 one today and one two days
    /// ago still unchecked; one older one was signed; a card is overdue; a defeat waits.
    func team() throws -> Team {
        let scratch = Scratch()
        let store = try KehuDatabase.open(path: scratch.path + "/team.db")
        let actor = Actor(login: "admin", clock: FixedClock(fixedNow))
        let teamID = try store.add(KehuCore.Team(name: "华南一组", region: "华南"), by: actor)
        var ids: [String: Int64] = [:]
        for (login, name, role) in [("lizhuguan", "李主管", Role.supervisor), ("zhangwei", "张伟", .salesperson), ("liuyang", "刘洋", .salesperson)] {
            ids[login] = try store.add(User(login: login, displayName: name, role: role, teamID: teamID, region: "华南"), by: actor)
        }
        func customer(_ code: String, _ name: String, owner: String, dueIn: Int = 5) throws -> (Int64, Int64) {
            var c = Customer(code: code, name: name, createdAt: fixedNow)
            c.ownerID = ids[owner]; c.teamID = teamID; c.status = .potential
            let id = try store.add(c, by: actor)
            var card = IntentCard(customerID: id, number: "YX-\(code)", createdOn: fixedNow.date.adding(days: -30), source: .walkIn,
                                  filledByID: ids[owner]!, personName: name, level: .c)
            card.nextVisitOn = fixedNow.date.adding(days: dueIn)
            return (id, try store.add(card, by: actor))
        }
        func visit(_ customer: (Int64, Int64), by login: String, daysAgo: Int, hour: Int, level: IntentLevel, _ text: String,
                   next: Int? = 7) throws -> Int64 {
            var a = Activity(customerID: customer.0, cardID: customer.1, visitNumber: 1, method: .phone,
                             occurredAt: LocalDateTime(date: fixedNow.date.adding(days: -daysAgo), hour: hour, minute: 0)!,
                             handlerID: ids[login]!, content: text)
            a.levelJudged = level
            a.nextVisitOn = next.map { fixedNow.date.adding(days: $0) }
            return try store.add(a, by: actor)
        }
        let baiyun = try customer("Aa-粤GZ0001", "广州白云电器", owner: "zhangwei")
        let huanan = try customer("Bb-粤GZ0012", "广州华南机电", owner: "zhangwei")
        let shunde = try customer("Cb-粤FS0101", "佛山顺德五金", owner: "liuyang")
        let hongda = try customer("Ab-粤SZ0003", "深圳宏达电子", owner: "liuyang", dueIn: -4)   // overdue
        _ = try visit(huanan, by: "zhangwei", daysAgo: 20, hour: 10, level: .c, "初次拜访")   // beyond carry-over
        ids["huananToday"] = try visit(huanan, by: "zhangwei", daysAgo: 0, hour: 15, level: .a, "确认了预算已批")
        _ = try visit(baiyun, by: "zhangwei", daysAgo: 0, hour: 10, level: .b, "上门拜访")
        ids["shundeOld"] = try visit(shunde, by: "liuyang", daysAgo: 2, hour: 11, level: .c, "来店询价")
        _ = try visit(shunde, by: "liuyang", daysAgo: 0, hour: 9, level: .c, "电话回访")
        let signed = try visit(hongda, by: "liuyang", daysAgo: 3, hour: 9, level: .b, "技术交流", next: nil)
        let threeDaysAgo = LocalDateTime(date: fixedNow.date.adding(days: -3), hour: 18, minute: 5)!
        try store.signComment(activityID: signed, text: "好", signerID: ids["lizhuguan"]!, by: Actor(login: "lizhuguan", clock: FixedClock(threeDaysAgo)))
        ids["baiyunCard"] = baiyun.1
        try store.applyForDefeat(cardID: baiyun.1, application: DefeatApplication(reason: "买了二手设备"), by: actor)
        ids["huanan"] = huanan.0
        return Team(scratch: scratch, store: store, ids: ids)
    }

    @Test func theQueueIsGroupedBySalespersonOldestFirstWithCarryOver() throws {
        let t = try team()
        let vm = try t.viewModel("lizhuguan")
        #expect(vm.view == .evening)             // a supervisor after 16:00 starts here
        let labels = vm.eveningRows.map { row -> String in
            switch row {
            case .salesperson(let name, let count): return "# \(name) \(count)"
            case .followUp(let f): return "\(f.customerName) \(f.activity.content)\(f.isCarriedOver ? " 结转" : "")"
            case .overdueHeading(let n): return "# 逾期 \(n)"
            case .overdue(let c): return "逾期 \(c.customerName)"
            case .defeatHeading(let n): return "# 战败 \(n)"
            case .defeat(let c): return "战败 \(c.customerName)"
            }
        }
        #expect(labels == ["# 刘洋 2", "佛山顺德五金 来店询价 结转", "佛山顺德五金 电话回访",
                           "# 张伟 2", "广州白云电器 上门拜访", "广州华南机电 确认了预算已批",
                           "# 逾期 1", "逾期 深圳宏达电子", "# 战败 1", "战败 广州白云电器"])
        #expect(vm.eveningProgress == (0, 4, 1))
        #expect(vm.eveningSelected == 1)          // the first row to check, not a heading
        #expect(vm.context == .evening)
        // A click picks a row; a click on a heading picks nothing.
        vm.click(.list, row: 4)
        #expect(vm.eveningSelected == 4 && vm.detail?.customer.name.hasPrefix("广州白云") == true)
        vm.click(.list, row: 6)
        #expect(vm.eveningSelected == 4)
        vm.click(.list, row: 7)
        #expect(vm.eveningSelected == 7)
    }

    @Test func commentingSignsItAndMovesToTheNextUnchecked() throws {
        let t = try team()
        let vm = try t.viewModel("lizhuguan")
        vm.handle(.char("c"))
        #expect(vm.context == .form)
        type(vm, "先约技术交流，带案例")
        vm.handle(.ctrl("s"))
        #expect(vm.form == nil, "\(vm.message?.text ?? "")")
        #expect(vm.eveningProgress.checked == 1)
        #expect(vm.eveningProgress.carriedOver == 0)   // the carried one is checked now
        guard case .followUp(let next)? = vm.selectedEveningRow else { Issue.record("no next row"); return }
        #expect(!next.isChecked)
        let shunde = try #require(vm.eveningQueue?.followUps.first?.activity.customerID)
        let entries = try t.store.timeline(customerID: shunde, offset: 0, limit: 5)
        let signed = try #require(entries.first { $0.activity.id == t.ids["shundeOld"] })
        #expect(signed.activity.supervisorComment?.text == "先约技术交流，带案例")
        #expect(signed.activity.supervisorComment?.signerID == t.ids["lizhuguan"])
        #expect(signed.activity.supervisorComment?.signedAt.description == "2026-11-22 17:48")
        let audited = try t.store.history(table: "activities", rowID: t.ids["shundeOld"]!).map(\.field)
        #expect(Set(audited).isSuperset(of: ["supervisorComment", "commentSignerID", "commentAt"]))
        // An empty comment is refused and signs nothing.
        vm.handle(.char("c"))
        vm.handle(.ctrl("s"))
        #expect(vm.formProblems == [.required(field: .supervisorComment)])
        vm.handle(Key(.escape))
        #expect(vm.eveningProgress.checked == 1)
    }

    @Test func guidanceIsAFlagNotASignature() throws {
        let t = try team()
        let vm = try t.viewModel("lizhuguan")
        vm.handle(.char("g"))
        guard case .followUp(let flagged)? = vm.selectedEveningRow else { Issue.record("no follow-up selected"); return }
        #expect(flagged.activity.needsGuidance)
        #expect(vm.eveningProgress.checked == 0)
        vm.handle(.char("g"))
        guard case .followUp(let unflagged)? = vm.selectedEveningRow else { Issue.record("the follow-up went away"); return }
        #expect(!unflagged.activity.needsGuidance)
    }

    @Test func defeatsAreApprovedOrReturnedWithAReason() throws {
        let t = try team()
        let vm = try t.viewModel("lizhuguan")
        vm.send(.last)
        guard case .defeat? = vm.selectedEveningRow else { Issue.record("not on the defeat"); return }
        vm.handle(.char("r"))
        vm.handle(.ctrl("s"))
        #expect(vm.formProblems == [.required(field: .defeatDecision)])
        type(vm, "再跟一次，客户还没定")
        vm.handle(.ctrl("s"))
        let first = try #require(try t.store.customerPage(offset: 0, limit: 1).first?.id)
        let returned = try #require(try t.store.detail(customerID: first)?.cards.first)
        #expect(returned.state == .open)
        #expect(returned.defeatDecisionNote == "再跟一次，客户还没定")
        #expect(vm.eveningQueue?.pendingDefeats.isEmpty == true)

        // Applied again, and approved this time.
        try t.store.applyForDefeat(cardID: t.ids["baiyunCard"]!, application: DefeatApplication(reason: "确实买了别家"),
                                   by: Actor(login: "zhangwei", clock: FixedClock(fixedNow)))
        vm.send(.nextView); vm.send(.nextView); vm.send(.nextView)   // back round to the evening view
        #expect(vm.view == .evening)
        vm.send(.last)
        vm.handle(.char("a"))
        let approved = try #require(try t.store.detail(customerID: returned.customerID)?.cards.first)
        #expect(approved.state == .lost)
        #expect(approved.closedOn == t.evening.date)
    }

    @Test func theSalespersonSeesTheNewCommentUntilOpened() throws {
        let t = try team()
        let supervisor = try t.viewModel("lizhuguan")
        // Sign 张伟's follow-up on 广州华南机电.
        for _ in 0..<50 {
            guard case .followUp(let f)? = supervisor.selectedEveningRow, f.activity.id != t.ids["huananToday"] else { break }
            supervisor.send(.moveDown)
        }
        supervisor.handle(.char("c"))
        type(supervisor, "抓紧约总经理")
        supervisor.handle(.ctrl("s"))

        let salesperson = try t.viewModel("zhangwei")
        salesperson.send(.nextView)             // the customer list
        #expect(salesperson.view == .allCustomers)
        let rows = salesperson.visibleRows.map(\.row)
        #expect(rows.first { $0.id == t.ids["huanan"] }?.hasNewComment == true)
        #expect(rows.filter(\.hasNewComment).count == 1)
        for _ in 0..<200 where salesperson.selectedRow?.id != t.ids["huanan"] { salesperson.send(.moveDown) }
        #expect(salesperson.timelineEntries.first?.activity.supervisorComment?.text == "抓紧约总经理")
        // Moving the cursor onto it only reads; going into its card or timeline opens it.
        #expect(salesperson.visibleRows.first { $0.row.id == t.ids["huanan"] }?.row.hasNewComment == true)
        salesperson.send(.focusNext)
        #expect(salesperson.visibleRows.first { $0.row.id == t.ids["huanan"] }?.row.hasNewComment == false)
    }

    @Test func anAdminLookingAsTheSalespersonLeavesTheMarkAlone() throws {
        let t = try team()
        try t.store.signComment(activityID: t.ids["huananToday"]!, text: "抓紧", signerID: t.ids["lizhuguan"]!,
                                by: Actor(login: "lizhuguan", clock: FixedClock(t.evening)))
        let profile = try #require(try t.store.profile(login: "zhangwei"))
        let admin = MainViewModel(store: t.store.scoped(to: Viewer(profile.user)), strings: Strings(.zh), keymap: shippedKeymap("default"),
                                  login: "zhangwei", profile: profile, clock: FixedClock(t.evening), actingLogin: "root")
        admin.setViewport(Viewport(listRows: 20, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40))
        admin.start()
        admin.send(.nextView)
        for _ in 0..<200 where admin.selectedRow?.id != t.ids["huanan"] { admin.send(.moveDown) }
        admin.send(.focusNext)
        #expect(admin.visibleRows.first { $0.row.id == t.ids["huanan"] }?.row.hasNewComment == true)
    }

    @Test func aCommentAndTheSalespersonsEditOfTheSameCustomerBothSurvive() throws {
        let t = try team()
        let salesperson = try t.viewModel("zhangwei")
        salesperson.send(.nextView)
        for _ in 0..<200 where salesperson.selectedRow?.id != t.ids["huanan"] { salesperson.send(.moveDown) }
        salesperson.send(.editCustomer)
        for _ in 0..<30 where salesperson.form?.editable.focusedField.name != .note { salesperson.send(.nextField) }
        type(salesperson, "总经理下周出差")
        // Meanwhile the supervisor signs the follow-up on the same customer and card.
        try t.store.signComment(activityID: t.ids["huananToday"]!, text: "好", signerID: t.ids["lizhuguan"]!,
                                by: Actor(login: "lizhuguan", clock: FixedClock(t.evening)))
        salesperson.send(.save)
        #expect(salesperson.form == nil, "\(salesperson.message?.text ?? "")")
        #expect(try t.store.customer(id: t.ids["huanan"]!)?.notes == "总经理下周出差")
        #expect(try t.store.timeline(customerID: t.ids["huanan"]!, offset: 0, limit: 1).first?.activity.supervisorComment?.text == "好")
    }

    @Test func aCommentDraftIsOfferedBackNamedAndRestored() throws {
        let t = try team()
        let vm = try t.viewModel("lizhuguan")
        guard case .followUp(let item)? = vm.selectedEveningRow else { Issue.record("no follow-up selected"); return }
        vm.handle(.char("c"))
        type(vm, "先约技术交流")
        #expect(vm.saveDraftIfEditing())                    // the connection drops

        let next = try t.viewModel("lizhuguan")
        guard case .draft(_, let label)? = next.prompt else { Issue.record("no draft offered"); return }
        #expect(label.hasPrefix("主管批示 · \(item.customerName) · "), "\(label)")
        next.handle(Key(.enter))
        guard case .note(let restored)? = next.form else { Issue.record("the comment was not restored"); return }
        #expect(restored.text == "先约技术交流")
        #expect(restored.purpose == .comment(activityID: item.activity.id!, customerName: item.customerName, handlerName: item.handlerName))
        next.handle(.ctrl("s"))
        #expect(try t.store.history(table: "activities", rowID: item.activity.id!).contains { $0.newValue == "先约技术交流" })
    }

    @Test func doubtfulFollowUpsAndDefeatsAreMarkedForTheMeetingAndCounted() throws {
        let t = try team()
        let vm = try t.viewModel("lizhuguan")
        // 虚假跟进 on the first follow-up: a mark, not a signature; audited; again clears it.
        vm.handle(.char("d"))
        guard case .followUp(let marked)? = vm.selectedEveningRow else { Issue.record("no follow-up selected"); return }
        #expect(marked.activity.doubtful && vm.eveningProgress.checked == 0)
        let row = ListRowPresenter.evening(.followUp(marked), width: 40, today: t.evening.date, strings: Strings(.zh))
        #expect(row.map(\.text).joined().contains("存疑"))
        let lines = EveningPresenter.lines(.followUp(marked), width: 60, today: t.evening.date, cadence: .standard, strings: Strings(.zh))
        #expect(lines.map { $0.map(\.text).joined() }.joined(separator: "\n").contains("虚假跟进?"))
        #expect(try t.store.history(table: "activities", rowID: try #require(marked.activity.id)).map(\.field).contains("doubtful"))
        // 虚假战败 on the defeat application, shown with the right labels.
        vm.send(.last)
        vm.handle(.char("d"))
        guard case .defeat(let defeat)? = vm.selectedEveningRow else { Issue.record("not on the defeat"); return }
        #expect(defeat.card.defeatDoubtful)
        let text = EveningPresenter.lines(.defeat(defeat), width: 60, today: t.evening.date, cadence: .standard, strings: Strings(.zh))
            .map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("申请日") && text.contains("虚假战败?") && !text.contains("建档") && !text.contains("预算"), "\(text)")
        // Both count against the salesperson in the KPIs, and the defeat is marked in its report.
        let day = t.evening.date
        let kpi = try t.store.kpi(from: day.adding(days: -6), to: day, today: day)
        #expect(kpi.first { $0.name == "刘洋" }?.doubtful == 1, "\(kpi)")   // the follow-up marked first is 刘洋's
        #expect(kpi.first { $0.name == "张伟" }?.doubtful == 1)             // the defeat is on 张伟's customer
        #expect(try t.store.defeats(from: day.adding(days: -6), to: day).defeats.map(\.doubtful) == [true])
        vm.handle(.char("d"))
        guard case .defeat(let cleared)? = vm.selectedEveningRow else { Issue.record("the defeat went away"); return }
        #expect(!cleared.card.defeatDoubtful)
    }

    @Test func aReturnedDefeatsReasonIsOnTheCardAndInTodayUntilFollowedUp() throws {
        let t = try team()
        let supervisor = try t.viewModel("lizhuguan")
        supervisor.send(.last)
        supervisor.handle(.char("r"))
        type(supervisor, "再跟一次，客户还没定")
        supervisor.handle(.ctrl("s"))
        let cardID = try #require(t.ids["baiyunCard"])
        let salesperson = try t.viewModel("zhangwei")
        let item = try #require(salesperson.todayItems.first { if case .defeatReturned = $0.kind { return true }; return false })
        #expect(item.kind == .defeatReturned(cardID: cardID, reason: "再跟一次，客户还没定") && item.due == t.evening.date)
        let card = try #require(try t.store.detail(customerID: item.customerID!)?.cards.first { $0.id == cardID })
        #expect(card.returnReason == "再跟一次，客户还没定")
        let pane = CardPresenter.cardLines([card], width: 80, today: t.evening.date, strings: Strings(.zh))
            .map { $0.map(\.text).joined() }.joined()
        #expect(pane.contains("战败被退回：再跟一次，客户还没定"), "\(pane)")
        // The next follow-up on the card is the answer: the row goes, the card keeps the note.
        var next = Activity(customerID: item.customerID!, cardID: cardID, visitNumber: 2, method: .phone,
                            occurredAt: LocalDateTime(date: t.evening.date, hour: 18, minute: 30)!, handlerID: t.ids["zhangwei"]!, content: "又约了")
        next.levelJudged = .b
        try t.store.add(next, by: Actor(login: "zhangwei", clock: FixedClock(t.evening)))
        #expect(try !t.store.todayAgenda(ownerID: t.ids["zhangwei"]!, today: t.evening.date)
            .contains { if case .defeatReturned = $0.kind { return true }; return false })
        // An approved one never shows as returned.
        try t.store.applyForDefeat(cardID: cardID, application: DefeatApplication(reason: "确实买了别家"),
                                   by: Actor(login: "zhangwei", clock: FixedClock(t.evening)))
        try t.store.decideDefeat(cardID: cardID, approve: true, note: "", by: Actor(login: "lizhuguan", clock: FixedClock(t.evening)))
        #expect(try t.store.detail(customerID: item.customerID!)?.cards.first { $0.id == cardID }?.returnReason == nil)
    }

    @Test func aDailySpotCheckSamplesTheDaysCardsOnly() throws {
        let t = try team()
        let today = t.evening.date
        // The week (from Monday the 16th): four cards; today: three.
        let weekly = try t.store.spotCheck(today: today, size: .standard)
        let daily = try t.store.spotCheck(today: today, size: .standard, period: .daily)
        #expect(Set(weekly.compactMap(\.activity.cardID)).count == 4)
        #expect(Set(daily.compactMap(\.activity.cardID)).count == 3)
        #expect(daily.allSatisfy { $0.activity.occurredAt.date == today })
        // The setting decides what the manager's view shows.
        try t.store.setSetting("spotcheck.period", to: "每天", by: Actor(login: "admin", clock: FixedClock(t.evening)))
        let manager = try t.store.add(User(login: "wangjl", displayName: "王建国", role: .salesManager),
                                      by: Actor(login: "admin", clock: FixedClock(t.evening)))
        _ = manager   // no region: the whole company
        let vm = try t.viewModel("wangjl")
        for _ in 0..<10 where vm.view != .spotCheck { vm.send(.nextView) }
        #expect(vm.view == .spotCheck)
        #expect(Set(vm.eveningQueue?.followUps.compactMap(\.activity.cardID) ?? []) == Set(daily.compactMap(\.activity.cardID)))
    }

}

/// The sales manager's weekly spot check across the region.
struct SpotCheckViewTests {
    @Test func aManagerChecksTheWeeksSampleOfTheRegion() throws {
        let scratch = Scratch()
        let path = scratch.path + "/demo.db"
        _ = try DemoDatabase.create(at: path, options: DemoOptions(customers: 600, seed: 4, now: fixedNow, creatorLogin: "tester"))
        let store = try KehuDatabase.open(path: path)
        // The demo's sales manager gets a region: 华南.
        let manager = try #require(try store.user(login: "wangjianguo"))
        var regional = manager
        regional.region = "华南"
        try store.update(user: manager, to: regional, by: Actor(login: "tester", clock: FixedClock(fixedNow)))
        let profile = try #require(try store.profile(login: "wangjianguo"))
        let vm = MainViewModel(store: store.scoped(to: Viewer(profile.user)), strings: Strings(.zh), keymap: shippedKeymap("default"),
                               login: "wangjianguo", profile: profile, clock: FixedClock(fixedNow))
        vm.setViewport(Viewport(listRows: 30, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40))
        vm.start()
        #expect(vm.availableViews.contains(.spotCheck))
        for _ in 0..<200 where vm.view != .spotCheck { vm.send(.nextView) }
        let sample = try #require(vm.eveningQueue?.followUps)
        #expect(sample.count == 20)
        // Every sampled card is in the manager's region, and was followed up this week.
        let monday = SpotCheckSampler.weekStart(of: fixedNow.date)
        for item in sample {
            #expect(try store.customer(id: item.activity.customerID)?.region == "华南")
            #expect(item.activity.occurredAt.date >= monday)
        }
        // Reviews work with the evening check's keys, and leave the supervisor's comment be.
        #expect(vm.eveningProgress.checked == 0)
        guard case .followUp(let first)? = vm.selectedEveningRow else { Issue.record("no row"); return }
        let supervisorComment = first.activity.supervisorComment
        vm.handle(.char("c"))
        type(vm, "这张卡的瓶颈分析太简单")
        vm.handle(.ctrl("s"))
        #expect(vm.eveningProgress.checked == 1)
        let entry = try #require(try store.timeline(customerID: first.activity.customerID, offset: 0, limit: 50).first { $0.activity.id == first.activity.id })
        #expect(entry.activity.managerReview?.text == "这张卡的瓶颈分析太简单")
        #expect(entry.reviewerName == "王建国")
        #expect(entry.activity.supervisorComment == supervisorComment)
        vm.send(.nextView)
        for _ in 0..<200 where vm.view != .spotCheck { vm.send(.nextView) }
        #expect(vm.eveningQueue?.followUps.map(\.activity.cardID) == sample.map(\.activity.cardID))
    }

}
