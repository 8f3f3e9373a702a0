import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// A wrongly logged follow-up is corrected, never lost: the original stays readable, the
/// row says who corrected it, when and why, and a signed row goes back to the evening.
struct CorrectionTests {
    @Test func theAuthorCorrectsAndTheOriginalIsKept() throws {
        let t = try EveningCheckTests().team()
        let author = Actor(login: "zhangwei", clock: FixedClock(t.evening))
        let me = t.store.scoped(to: Viewer(try #require(try t.store.user(login: "zhangwei"))))
        let id = try #require(t.ids["huananToday"])
        var fields = ActivityFields(try #require(try me.timeline(customerID: t.ids["huanan"]!, offset: 0, limit: 10).first { $0.activity.id == id }?.activity))
        let original = fields
        fields.content = "确认了预算已批，下周二报价"
        fields.levelJudged = .h
        fields.nextVisitOn = t.evening.date.adding(days: 2)
        // A reason is needed; without one nothing is written.
        #expect(throws: StoreError.invalid([.required(field: .correctionReason)])) {
            try me.correct(activityID: id, ActivityCorrection(fields: fields, reason: " "), correctorID: t.ids["zhangwei"]!, by: author)
        }
        #expect(try me.correct(activityID: id, ActivityCorrection(fields: fields, reason: "漏写了报价时间"), correctorID: t.ids["zhangwei"]!, by: author))
        let entry = try #require(try me.timeline(customerID: t.ids["huanan"]!, offset: 0, limit: 10).first { $0.activity.id == id })
        #expect(entry.activity.content == "确认了预算已批，下周二报价" && entry.activity.levelJudged == .h)
        #expect(entry.activity.correctedAt == t.evening && entry.activity.correctedByID == t.ids["zhangwei"])
        #expect(!entry.activity.recheck)   // not signed yet: it is in tonight's queue anyway
        let note = try #require(entry.correction)
        #expect(note.original == original && note.reason == "漏写了报价时间" && note.correctorName == "张伟" && !note.afterSignature)
        // The audit history has each field's change; the card follows its latest follow-up.
        let audited = try t.store.history(table: "activities", rowID: id)
        #expect(audited.contains { $0.field == "content" && $0.oldValue == "确认了预算已批" && $0.newValue == "确认了预算已批，下周二报价" })
        let card = try #require(try me.detail(customerID: t.ids["huanan"]!)?.cards.first)
        #expect(card.level == .h && card.nextVisitOn == t.evening.date.adding(days: 2))
        // The same again changes nothing and writes nothing.
        #expect(try !me.correct(activityID: id, ActivityCorrection(fields: fields, reason: "再看一遍"), correctorID: t.ids["zhangwei"]!, by: author))
        // A second correction keeps the first original.
        fields.impression = "很爽快"
        try me.correct(activityID: id, ActivityCorrection(fields: fields, reason: "补印象"), correctorID: t.ids["zhangwei"]!, by: author)
        let twice = try #require(try me.timeline(customerID: t.ids["huanan"]!, offset: 0, limit: 10).first { $0.activity.id == id }?.correction)
        #expect(twice.original == original && twice.reason == "补印象")
        #expect(try t.store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM activityCorrections WHERE activityID = ?", arguments: [id]) } == 2)
    }

    @Test func onlyTheAuthorTheirSupervisorAndAdminsCorrect() throws {
        let t = try EveningCheckTests().team()
        let id = try #require(t.ids["huananToday"])   // 张伟's
        let entry = try #require(try t.store.timeline(customerID: t.ids["huanan"]!, offset: 0, limit: 10).first { $0.activity.id == id })
        var fields = ActivityFields(entry.activity)
        fields.content = "改过"
        let correction = ActivityCorrection(fields: fields, reason: "测试")
        // A colleague does not even see 张伟's customer; the team's assistant sees it but did
        // not write it.
        let colleague = t.store.scoped(to: Viewer(try #require(try t.store.user(login: "liuyang"))))
        #expect(throws: StoreError.notFound(table: "customers", rowID: t.ids["huanan"]!)) {
            try colleague.correct(activityID: id, correction, correctorID: t.ids["liuyang"]!, by: Actor(login: "liuyang", clock: FixedClock(t.evening)))
        }
        let assistantID = try t.store.add(User(login: "wufang", displayName: "吴芳", role: .assistant,
                                               teamID: try t.store.user(login: "zhangwei")?.teamID), by: Actor(login: "admin", clock: FixedClock(t.evening)))
        let assistant = t.store.scoped(to: Viewer(try #require(try t.store.user(login: "wufang"))))
        #expect(throws: StoreError.refused(.roleMayNot)) {
            try assistant.correct(activityID: id, correction, correctorID: assistantID, by: Actor(login: "wufang", clock: FixedClock(t.evening)))
        }
        #expect(!ActivityCorrection.mayCorrect(role: .supervisor, userID: 9, teamID: 2, author: 1, authorsTeam: 1))
        #expect(!ActivityCorrection.mayCorrect(role: .salesManager, userID: 9, teamID: nil, author: 1, authorsTeam: 1))
        #expect(ActivityCorrection.mayCorrect(role: .admin, userID: 9, teamID: nil, author: 1, authorsTeam: 1))
        let supervisor = t.store.scoped(to: Viewer(try #require(try t.store.user(login: "lizhuguan"))))
        #expect(try supervisor.correct(activityID: id, correction, correctorID: t.ids["lizhuguan"]!,
                                       by: Actor(login: "lizhuguan", clock: FixedClock(t.evening))))
    }

    @Test func aCorrectionAfterSigningIsCheckedAgainInTheEvening() throws {
        let t = try EveningCheckTests().team()
        let id = try #require(t.ids["huananToday"])
        try t.store.signComment(activityID: id, text: "好，跟紧", signerID: t.ids["lizhuguan"]!, by: Actor(login: "lizhuguan", clock: FixedClock(t.evening)))
        // The next morning 张伟 corrects it: the row waits for the supervisor again.
        let morning = LocalDateTime(date: t.evening.date.adding(days: 1), hour: 9, minute: 5)!
        let me = t.store.scoped(to: Viewer(try #require(try t.store.user(login: "zhangwei"))))
        var fields = ActivityFields(try #require(try me.timeline(customerID: t.ids["huanan"]!, offset: 0, limit: 10).first { $0.activity.id == id }?.activity))
        fields.levelJudged = .b
        try me.correct(activityID: id, ActivityCorrection(fields: fields, reason: "级别判定过高"), correctorID: t.ids["zhangwei"]!,
                       by: Actor(login: "zhangwei", clock: FixedClock(morning)))
        let queue = try t.store.eveningQueue(teamID: try #require(try t.store.user(login: "zhangwei")?.teamID), today: morning.date)
        let item = try #require(queue.followUps.first { $0.activity.id == id })
        #expect(item.activity.recheck && !item.isChecked && item.correction?.afterSignature == true)
        #expect(item.activity.supervisorComment?.text == "好，跟紧")   // the signature stays readable
        let lines = EveningPresenter.lines(.followUp(item), width: 70, today: morning.date, cadence: .standard, strings: Strings(.zh))
            .map { $0.map(\.text).joined() }
        let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(lines.contains { $0.hasPrefix("更正 ✎ 张伟 11-23 09:05") } && text.contains("级别判定过高")
                && text.contains("原记录：电话 · A ·确认了预算已批"), "\(lines)")
        #expect(ListRowPresenter.evening(.followUp(item), width: 50, today: morning.date, strings: Strings(.zh)).map(\.text).joined().contains("已更正"))
        // Signed again: checked, and off the next evening's queue.
        try t.store.signComment(activityID: id, text: "已看更正", signerID: t.ids["lizhuguan"]!,
                                replacing: "好，跟紧", by: Actor(login: "lizhuguan", clock: FixedClock(morning)))
        let later = try t.store.eveningQueue(teamID: try #require(try t.store.user(login: "zhangwei")?.teamID), today: morning.date.adding(days: 1))
        #expect(!later.followUps.contains { $0.activity.id == id })
    }

    @Test func KCorrectsTheRowAtTheTopOfTheTimeline() throws {
        let t = try EveningCheckTests().team()
        let vm = try t.viewModel("zhangwei")
        for _ in 0..<3 where vm.view != .allCustomers { vm.send(.nextView) }
        for _ in 0..<5 where vm.detail?.customer.id != t.ids["huanan"] { vm.send(.moveDown) }
        #expect(vm.detail?.customer.id == t.ids["huanan"])
        vm.handle(.char("K"))
        guard case .correction(let form)? = vm.form else { Issue.record("no correction form: \(String(describing: vm.message))"); return }
        #expect(form.activity.id == t.ids["huananToday"] && form.field(.content)?.text == "确认了预算已批")
        #expect(vm.form?.editable.focus == 1)
        type(vm, "，下周二报价")
        vm.send(.save)
        #expect(vm.formProblems == [.required(field: .correctionReason)])
        for _ in 0..<5 { vm.send(.nextField) }
        type(vm, "漏写了报价时间")
        vm.send(.save)
        #expect(vm.form == nil && vm.message?.text == "已更正，原记录保留", "\(vm.formProblems)")
        let timeline = vm.timelineLines.map { $0.map(\.text).joined().trimmingCharacters(in: .whitespaces) }.joined()
        #expect(timeline.contains("确认了预算已批，下周二报价") && timeline.contains("✎ 张伟") && timeline.contains("原记录：电话· A · 确认了预算已批"),
                "\(timeline)")
        // Scrolled down past the newest row, K takes the older one.
        vm.send(.focusNext); vm.send(.focusNext)
        for _ in 0..<30 where vm.cardRoom.topEntry?.activity.id == t.ids["huananToday"] { vm.send(.moveDown) }
        vm.handle(.char("K"))
        guard case .correction(let older)? = vm.form else { Issue.record("no correction form"); return }
        #expect(older.activity.content == "初次拜访")
    }
}
