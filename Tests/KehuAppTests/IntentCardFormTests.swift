import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// The whole intent card (意向客户管理卡, 001): every field of the paper card entered with
/// `i`, kept exactly, shown on the card, audited, found by search.
struct IntentCardFormTests {
    @Test func aScoreSuggestsTheLevel() {
        #expect(IntentCard.suggestedLevel(score: 95) == .a && IntentCard.suggestedLevel(score: 90) == .a)
        #expect(IntentCard.suggestedLevel(score: 89) == .b && IntentCard.suggestedLevel(score: 70) == .b)
        #expect(IntentCard.suggestedLevel(score: 60) == .c && IntentCard.suggestedLevel(score: 59) == nil)
        var card = IntentCard(customerID: 1, number: "YX1", createdOn: LocalDate(year: 2026, month: 11, day: 1)!, source: .walkIn,
                              filledByID: 1, personName: "王", level: .c)
        card.intentScore = 101
        #expect(card.validate() == [.outOfRange(field: .cardScore, value: "101")])
    }

    @Test func theWholeCardIsFilledSavedShownAndFound() throws {
        let t = try EveningCheckTests().team()
        let vm = try t.viewModel("zhangwei")
        for _ in 0..<3 where vm.view != .allCustomers { vm.send(.nextView) }
        for _ in 0..<5 where vm.detail?.customer.id != t.ids["huanan"] { vm.send(.moveDown) }
        vm.handle(.char("i"))
        guard case .card(let opened)? = vm.form else { Issue.record("no card form: \(String(describing: vm.message))"); return }
        #expect(opened.original.number == "YX-Bb-粤GZ0012" && opened.field(.name)?.text == "广州华南机电")
        // Every field, typed as a salesperson types (full-width punctuation kept).
        let typed: [(FormField.Name, String)] = [
            (.cardAge, "45"), (.phone, "138 0013 8000"), (.cardOccupation, "设备科长"), (.cardResidence, "天河区"),
            (.cardCallback, "工作日下午（三点后）"), (.cardCurrentProduct, "老式车床两台"), (.cardMainUser, "车间主任"),
            (.cardPurpose, "扩产"), (.cardSituation, "国企，预算每年三月批"), (.product, "数控机床"), (.cardModel, "CK6150"),
            (.cardColour, "灰白"), (.cardFocus, "精度、售后，交期"), (.cardLiked, "操作简单"), (.cardCompared, "大族、沈阳机床"),
            (.cardBudget, "30万"), (.cardPayment, "分三期"), (.cardFavourable, "老板认可我们的售后"),
            (.cardUnfavourable, "竞品便宜 8%"), (.cardResources, "技术员上门演示"), (.cardObjections, "交期太长！"), (.cardScore, "75"),
        ]
        for (name, text) in typed {
            for _ in 0..<40 where vm.form?.editable.focusedField.name != name { vm.send(.nextField) }
            #expect(vm.form?.editable.focusedField.name == name)
            vm.send(.lineStart); vm.send(.killLine)
            type(vm, text)
        }
        for _ in 0..<40 where vm.form?.editable.focusedField.name != .gender { vm.send(.nextField) }
        type(vm, "2")                                                     // 男
        for _ in 0..<40 where vm.form?.editable.focusedField.name != .cardPurchaseType { vm.send(.nextField) }
        type(vm, "3")                                                     // 置换
        guard case .card(let filled)? = vm.form else { Issue.record("the form went away"); return }
        #expect(filled.suggestedLevel == .b && filled.field(.level)?.selected == IntentLevel.allCases.firstIndex(of: .b))
        vm.send(.save)
        #expect(vm.form == nil && vm.message?.text == "意向卡已保存", "\(vm.formProblems) \(String(describing: vm.message))")

        let card = try #require(try t.store.detail(customerID: t.ids["huanan"]!)?.cards.first)
        #expect(card.age == 45 && card.gender == .male && card.occupation == "设备科长" && card.bestCallbackTime == "工作日下午（三点后）")
        #expect(card.currentProduct == "老式车床两台" && card.mainUser == "车间主任" && card.purpose == "扩产" && card.situation == "国企，预算每年三月批")
        #expect(card.product == "数控机床" && card.model == "CK6150" && card.colour == "灰白" && card.purchaseType == .replacement)
        #expect(card.focusPoints == ["精度", "售后", "交期"] && card.likedPoints == "操作简单" && card.comparedProducts == "大族、沈阳机床")
        #expect(card.budgetYuan == 300_000 && card.paymentMethod == "分三期")
        #expect(card.favourable == "老板认可我们的售后" && card.unfavourable == "竞品便宜 8%" && card.resourcesNeeded == "技术员上门演示")
        #expect(card.objections == "交期太长！" && card.intentScore == 75 && card.level == .b)
        // Shown compactly on the card pane, the score beside the level, number and date.
        let pane = vm.cardLines.map { $0.map(\.text).joined().trimmingCharacters(in: .whitespaces) }.joined(separator: "|")
        #expect(pane.contains("B 意向度 75") && pane.contains("YX-Bb-粤GZ0012 · 建档 2026-10-23") && pane.contains("有利因素 老板认可我们的售后"),
                "\(pane)")
        // Audited field by field, and found by the product and the model.
        let history = try t.store.history(table: "intentCards", rowID: try #require(card.id)).map(\.field)
        #expect(Set(history).isSuperset(of: ["occupation", "objections", "intentScore", "favourable"]))
        #expect(try t.store.searchCustomers("数控机床").contains { $0.row.id == t.ids["huanan"] })
        #expect(try t.store.searchCustomers("ck6150").contains { $0.row.id == t.ids["huanan"] })
    }

    @Test func aDatabaseFromBeforeFindsItsCardsProducts() throws {
        let t = try EveningCheckTests().team()
        var card = try #require(try t.store.detail(customerID: t.ids["huanan"]!)?.cards.first)
        let original = card
        card.product = "激光切割机"
        try t.store.update(card: original, to: card, by: Actor(login: "zhangwei", clock: FixedClock(t.evening)))
        // The search line as v11 wrote it, without products; migration v12 puts them in.
        try t.store.write { db in
            try db.execute(sql: "UPDATE searchHan SET text = '|广州华南机电|' WHERE customerID = ?", arguments: [t.ids["huanan"]!])
        }
        #expect(try !t.store.searchCustomers("激光切割").contains { $0.row.id == t.ids["huanan"] })
        try t.store.write { try SearchText.rewriteHanLinesWithProducts($0) }
        #expect(try t.store.searchCustomers("激光切割").contains { $0.row.id == t.ids["huanan"] })
    }

    @Test func theRegisterOfAWalkInIsKeptOnItsCard() throws {
        var register = VisitRegister()
        register.arrivedAt = "15:00"; register.leftAt = "14:30"
        #expect(register.validate() == [.outOfRange(field: .leftAt, value: "14:30")])
        register.leftAt = "16:20"; register.companions = 120
        #expect(register.validate() == [.outOfRange(field: .companions, value: "120")])
        #expect(RegisterFields.clock("9:05") == "09:05" && RegisterFields.clock("9点") == "9点")

        let t = try EveningCheckTests().team()
        let vm = try t.viewModel("zhangwei")
        for _ in 0..<3 where vm.view != .allCustomers { vm.send(.nextView) }
        vm.send(.newLead)
        let typed: [(FormField.Name, String)] = [(.name, "赵先生"), (.phone, "139 1234 5678"), (.product, "激光切割机"), (.city, "广州"),
                                                 (.companions, "2"), (.arrivedAt, "１４：０５"), (.leftAt, "15:40"), (.callbackPurpose, "周五前报价")]
        for (name, text) in typed {
            for _ in 0..<20 where vm.form?.editable.focusedField.name != name { vm.send(.nextField) }
            vm.send(.lineStart); vm.send(.killLine)
            type(vm, text)
        }
        for _ in 0..<20 where vm.form?.editable.focusedField.name != .trialGiven { vm.send(.nextField) }
        type(vm, "2")                                             // 是
        vm.send(.save)
        #expect(vm.form == nil, "\(vm.formProblems) \(String(describing: vm.message))")
        let id = try #require(vm.detail?.customer.id)
        let card = try #require(try t.store.detail(customerID: id)?.cards.first)
        #expect(card.register.companions == 2 && card.register.arrivedAt == "14:05" && card.register.leftAt == "15:40")
        #expect(card.register.trialGiven && card.register.callbackPurpose == "周五前报价")
        let pane = vm.cardLines.map { $0.map(\.text).joined().trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(pane.contains("到店时间 14:05–15:40 · 同行人数 2 · 试用/试驾 ✓ · 回访目的 周五前报价"), "\(pane)")
    }
}
