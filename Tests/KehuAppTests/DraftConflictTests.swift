import Foundation
import GRDB
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// Every kind of draft, kept when the connection dropped and restored at the next start,
/// goes through the same check as a live save: what a colleague did meanwhile is shown,
/// never silently overwritten, and the draft's text stays in its form.
struct DraftConflictTests {
    let colleague = Actor(login: "lizhuguan", clock: FixedClock(fixedNow))

    /// The demo's file, opened as another kehu process would.
    func otherSession(_ scratch: Scratch) throws -> KehuDatabase { try KehuDatabase.open(path: scratch.path + "/demo.db") }

    /// 张伟's next start: the draft is offered, and Enter restores it.
    func restoredBySalesperson(_ scratch: Scratch) throws -> MainViewModel {
        let next = try salespersonOnFirstFollowUp(scratch)
        guard case .draft? = next.prompt else { throw DraftNotOffered() }
        next.handle(Key(.enter))
        return next
    }
    struct DraftNotOffered: Error {}

    @Test func aFollowUpForACardWonMeanwhileIsNotLoggedAgainstAnotherCard() throws {
        let scratch = Scratch()
        let vm = try salespersonOnFirstFollowUp(scratch)
        let id = try #require(vm.detail?.customer.id)
        vm.send(.logFollowUp)
        guard case .followUp(let opened)? = vm.form, let cardID = opened.cardID else { Issue.record("no follow-up form on a card"); return }
        type(vm, "电话打到一半断线了")
        #expect(vm.saveDraftIfEditing())

        let other = try otherSession(scratch)
        try other.closeWon(cardID: cardID, deal: Deal(product: "数控机床", amountYuan: 100_000, date: fixedNow.date), by: colleague)
        let visits = try other.timeline(customerID: id, offset: 0, limit: 500).count

        let next = try restoredBySalesperson(scratch)
        guard case .followUp(let restored)? = next.form else { Issue.record("the follow-up was not restored"); return }
        #expect(restored.cardID == cardID)
        #expect(restored.field(.content)?.text == "电话打到一半断线了")
        next.send(.save)
        #expect(next.message?.text.contains("状态: 成交") == true, "\(next.message?.text ?? "")")
        #expect(next.form != nil)                                   // the text is still there to copy
        #expect(try other.timeline(customerID: id, offset: 0, limit: 500).count == visits)
    }

    @Test func aLeadRegisteredByAColleagueMeanwhileIsOfferedNotDoubled() throws {
        let scratch = Scratch()
        let vm = try salespersonOnFirstFollowUp(scratch)
        vm.send(.newLead)
        type(vm, "李先生")
        vm.send(.nextField)
        type(vm, "139 0000 1234")
        #expect(vm.saveDraftIfEditing())

        let other = try otherSession(scratch)
        var lead = Lead()
        lead.name = "李先生（展厅）"
        lead.phone = "13900001234"
        lead.city = "广州"
        let owner = try #require(try other.user(login: "liuyang")?.id)
        let theirs = try other.register(lead, ownerID: owner, teamID: nil, cadence: .standard, by: colleague)
        let count = try other.customerCount()

        let next = try restoredBySalesperson(scratch)
        guard case .lead? = next.form else { Issue.record("the lead was not restored"); return }
        next.send(.save)
        guard case .duplicates(let matches)? = next.prompt else { Issue.record("the colleague's lead was not shown"); return }
        #expect(matches.first?.customerID == theirs.customerID)
        #expect(try other.customerCount() == count)
    }

    @Test func aContactDraftIsForItsContactAndKeepsAColleaguesNewerChange() throws {
        let scratch = Scratch()
        let vm = try salespersonOnFirstFollowUp(scratch)
        let customerID = try #require(vm.detail?.customer.id)
        let contact = try #require(vm.detail?.contacts.first)
        vm.send(.editContacts)
        vm.send(.nextField); vm.send(.nextField)                      // name, department, position
        vm.send(.killLine)
        type(vm, "副总经理")
        #expect(vm.saveDraftIfEditing())

        // Meanwhile a colleague adds a contact (ahead of it in the list) and promotes this one.
        let other = try otherSession(scratch)
        try other.add(Contact(customerID: customerID, name: "艾丽"), by: colleague)
        let stored = try #require(try other.detail(customerID: customerID)?.contacts.first { $0.id == contact.id })
        var promoted = stored
        promoted.position = "总经理"
        try other.update(contact: stored, to: promoted, by: colleague)

        let next = try restoredBySalesperson(scratch)
        guard case .contact(let restored)? = next.form else { Issue.record("the contact was not restored"); return }
        #expect(restored.current?.id == contact.id)
        #expect(restored.field(.position)?.text == "副总经理")
        next.send(.save)
        #expect(next.message?.text.contains("总经理") == true, "\(next.message?.text ?? "")")
        #expect(try other.detail(customerID: customerID)?.contacts.first { $0.id == contact.id }?.position == "总经理")
    }

    @Test func aGradeScoredFromAGradeChangedMeanwhileIsNotFiled() throws {
        let scratch = Scratch()
        let vm = try salespersonOnFirstFollowUp(scratch)
        let customerID = try #require(vm.detail?.customer.id)
        let grade = try #require(vm.detail?.customer.grade)
        vm.send(.proposeGrade)
        guard case .grade? = vm.form else { Issue.record("no grade form"); return }
        vm.send(.nextField)
        for score in ["3", "3", "3", "3", "3", "3"] { type(vm, score); vm.send(.nextField) }
        #expect(vm.saveDraftIfEditing())

        let other = try otherSession(scratch)
        let stored = try #require(try other.customer(id: customerID))
        var regraded = stored
        regraded.grade = grade == .image ? .key : .image
        try other.update(customer: stored, to: regraded, by: colleague)
        let proposals = try other.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM gradeProposals") }

        let next = try restoredBySalesperson(scratch)
        guard case .grade(let restored)? = next.form else { Issue.record("the grade review was not restored"); return }
        #expect(restored.customer.grade == grade)
        next.send(.save)
        #expect(next.message?.text.contains(next.strings.label(regraded.grade)) == true, "\(next.message?.text ?? "")")
        #expect(try other.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM gradeProposals") } == proposals)
        #expect(try other.customer(id: customerID)?.grade == regraded.grade)
    }

    @Test func anOrderAColleagueRecordedMeanwhileIsNotRecordedTwice() throws {
        let scratch = Scratch()
        let vm = try salespersonOnFirstFollowUp(scratch)
        let customerID = try #require(vm.detail?.customer.id)
        vm.handle(.char("o"))
        type(vm, "数控机床")
        vm.send(.nextField)
        type(vm, "12万")
        vm.send(.nextField); vm.send(.nextField)                      // date (today, kept), contract number
        type(vm, "HT-0099")
        #expect(vm.saveDraftIfEditing())

        let other = try otherSession(scratch)
        var deal = Deal(product: "数控机床", amountYuan: 120_000, date: fixedNow.date)
        deal.contractNumber = "HT-0099"
        try other.recordOrder(customerID: customerID, deal: deal, by: colleague)

        let next = try restoredBySalesperson(scratch)
        guard case .order? = next.form else { Issue.record("the order was not restored"); return }
        next.send(.save)
        #expect(next.message?.text.contains("HT-0099") == true, "\(next.message?.text ?? "")")
        #expect(try other.orders(customerID: customerID).filter { $0.contractNumber == "HT-0099" }.count == 1)
    }

    @Test func aDefeatApplicationForACardWonMeanwhileIsRefused() throws {
        let scratch = Scratch()
        let vm = try salespersonOnFirstFollowUp(scratch)
        let customerID = try #require(vm.detail?.customer.id)
        vm.send(.closeCard)
        guard case .closeCard(let opened)? = vm.form, let cardID = opened.card.id else { Issue.record("no closing form"); return }
        type(vm, "2")                                                // 战败申请
        vm.send(.nextField)
        type(vm, "预算砍了")
        #expect(vm.saveDraftIfEditing())

        let other = try otherSession(scratch)
        try other.closeWon(cardID: cardID, deal: Deal(product: "数控机床", amountYuan: 100_000, date: fixedNow.date), by: colleague)

        let next = try restoredBySalesperson(scratch)
        guard case .closeCard(let restored)? = next.form else { Issue.record("the closing was not restored"); return }
        #expect(restored.card.id == cardID)
        next.send(.save)
        #expect(next.message?.text.contains("状态: 成交") == true, "\(next.message?.text ?? "")")
        #expect(try other.detail(customerID: customerID)?.cards.first { $0.id == cardID }?.state == .won)
    }

    @Test func aCommentDraftDoesNotOverwriteAColleaguesComment() throws {
        let t = try EveningCheckTests().team()
        let vm = try t.viewModel("lizhuguan")
        guard case .followUp(let item)? = vm.selectedEveningRow, let activityID = item.activity.id else { Issue.record("no follow-up"); return }
        vm.handle(.char("c"))
        type(vm, "先约技术交流")
        #expect(vm.saveDraftIfEditing())

        // The sales manager, covering the team, signs the same follow-up meanwhile.
        try t.store.signComment(activityID: activityID, text: "已阅，明天再谈", signerID: t.ids["lizhuguan"]!,
                                by: Actor(login: "wangjianguo", clock: FixedClock(t.evening)))

        let next = try t.viewModel("lizhuguan")
        guard case .draft? = next.prompt else { Issue.record("no draft offered"); return }
        next.handle(Key(.enter))
        guard case .note(let restored)? = next.form else { Issue.record("the comment was not restored"); return }
        #expect(restored.text == "先约技术交流")
        next.handle(.ctrl("s"))
        #expect(next.message?.text.contains("批示: 已阅，明天再谈") == true, "\(next.message?.text ?? "")")
        #expect(try t.store.timeline(customerID: item.activity.customerID, offset: 0, limit: 50)
            .first { $0.activity.id == activityID }?.activity.supervisorComment?.text == "已阅，明天再谈")
    }

    @Test func aReturnDraftForADefeatApprovedMeanwhileChangesNothing() throws {
        let t = try EveningCheckTests().team()
        let vm = try t.viewModel("lizhuguan")
        for _ in 0..<20 {
            if case .defeat? = vm.selectedEveningRow { break }
            vm.send(.moveDown)
        }
        guard case .defeat? = vm.selectedEveningRow else { Issue.record("not on the defeat"); return }
        vm.handle(.char("r"))
        type(vm, "再跟一次")
        #expect(vm.saveDraftIfEditing())

        let cardID = t.ids["baiyunCard"]!
        try t.store.decideDefeat(cardID: cardID, approve: true, note: "", by: Actor(login: "wangjianguo", clock: FixedClock(t.evening)))

        let next = try t.viewModel("lizhuguan")
        guard case .draft? = next.prompt else { Issue.record("no draft offered"); return }
        next.handle(Key(.enter))
        guard case .note? = next.form else { Issue.record("the reason was not restored"); return }
        next.handle(.ctrl("s"))
        #expect(next.message?.text.contains("状态: 战败") == true, "\(next.message?.text ?? "")")
        let card = try #require(try t.store.read { try StoreRow.fetchOne($0, sql: "SELECT * FROM intentCards WHERE id = ?", arguments: [cardID]) }.map(IntentCard.init(row:)))
        #expect(card.state == .lost)
        #expect(card.defeatDecisionNote == "")
    }
}
