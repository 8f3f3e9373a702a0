import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// The card as one read gives it, on either engine (on PostgreSQL its lists come folded
/// into the customer's row as JSON): every list whole and in its order, every value as the
/// table holds it.
struct CustomerCardReadTests {
    @Test func theCardHoldsEveryListInItsOrderAsTheTablesHoldThem() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("card.db")
        let judge = try db.add(User(login: "wufang", displayName: "吴芳", role: .supervisor), by: testActor)
        let seller = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: testActor)
        var prospect = sampleCustomer("Bb-粤GZ0003", "广州华南机电有限公司")
        prospect.grade = .potentialKey
        prospect.status = .potential
        let id = try db.add(prospect, by: testActor)
        // Contacts: the decision maker first, then as added; text kept exactly.
        var first = Contact(customerID: id, name: "陈先生")
        first.mobile = "13900000001"
        var boss = Contact(customerID: id, name: "欧阳娜（总经理）")
        boss.isDecisionMaker = true
        boss.notes = "喜欢\"直接\"，不要绕弯；\n下午联系 \\ 勿发传真"
        let firstID = try db.add(first, by: testActor)
        let bossID = try db.add(boss, by: testActor)
        let thirdID = try db.add(Contact(customerID: id, name: "王芳"), by: testActor)
        // Cards: the hottest level first, the newer of two alike first.
        var numbers: [String] = []
        for (number, level) in [("YX-1", IntentLevel.c), ("YX-2", .a), ("YX-3", .b), ("YX-4", .a)] {
            var card = IntentCard(customerID: id, number: number, createdOn: testNow.date, source: .callIn, filledByID: seller,
                                  personName: "李娜", level: level)
            card.budgetYuan = 120_000
            card.focusPoints = ["价格", "交期"]
            _ = try db.add(card, by: testActor)
            numbers.append(number)
        }
        // Orders: four; the card shows the three newest, newest first. The first makes the
        // prospect cooperating, so its code changes and the old one is kept.
        for (day, amount) in [(1, 1_000), (3, 2_000), (2, 3_000), (4, 4_000)] {
            var deal = Deal(product: "激光切割机", amountYuan: amount, date: LocalDate(year: 2026, month: 11, day: day)!)
            deal.contractNumber = "HT-\(day)"
            _ = try db.recordOrder(customerID: id, deal: deal, by: testActor)
        }
        try db.judgeLead(customerID: id, effective: false, note: "空号 · 换号后再联系", judgeID: judge, by: testActor)

        let detail = try #require(try db.detail(customerID: id))
        #expect(detail.contacts.map(\.id) == [bossID, firstID, thirdID])
        #expect(detail.contacts.first?.notes == boss.notes)
        #expect(detail.cards.map(\.number) == ["YX-4", "YX-2", "YX-3", "YX-1"])
        #expect(detail.recentOrders.map(\.amountYuan) == [4_000, 2_000, 3_000])
        #expect(detail.formerCodes == ["Bb-粤GZ0003"])
        #expect(detail.lead?.judgeName == "吴芳")
        #expect(detail.lead?.verdict.effective == false)
        #expect(detail.lead?.verdict.note == "空号 · 换号后再联系")
        #expect(detail.lead == (try db.leadVerdict(customerID: id)))
        // Every field of every list as the tables give it, row by row.
        let apart = try db.read { db throws in
            (try StoreRow.fetchAll(db, sql: "SELECT * FROM contacts WHERE customerID = ? ORDER BY isDecisionMaker DESC, id", arguments: [id])
                .map(Contact.init(row:)),
             try StoreRow.fetchAll(db, sql: "SELECT * FROM intentCards WHERE customerID = ?", arguments: [id]).map(IntentCard.init(row:)),
             try StoreRow.fetchAll(db, sql: "SELECT * FROM orders WHERE customerID = ? ORDER BY orderedOn DESC, id DESC LIMIT 3",
                                   arguments: [id]).map(Order.init(row:)))
        }
        #expect(detail.contacts == apart.0)
        #expect(Set(detail.cards) == Set(apart.1))
        #expect(detail.recentOrders == apart.2)
        #expect(detail.customer == (try db.customer(id: id)))

        // The timeline's newest page comes with the card (on PostgreSQL in the same
        // statement): the same entries as read apart, a corrected one with its note.
        var visits: [Int64] = []
        for day in 1...5 {
            var visit = Activity(customerID: id, visitNumber: day, method: day % 2 == 0 ? .onSite : .phone,
                                 occurredAt: LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 10 + day)!, hour: 9 + day, minute: 5)!,
                                 handlerID: seller, content: "第\(day)次：确认\"预算\"，\n下周报价")
            visit.contactID = day == 3 ? bossID : nil
            visits.append(try db.add(visit, by: testActor))
        }
        var fields = ActivityFields(try #require(try db.timeline(customerID: id, offset: 0, limit: 10).first { $0.activity.id == visits[3] }?.activity))
        fields.content = "改正：预算已批"
        #expect(try db.correct(activityID: visits[3], ActivityCorrection(fields: fields, reason: "漏写了"), correctorID: judge, by: testActor))
        let shown = try db.shown(customerID: id, timelinePage: 4)
        #expect(shown.detail == (try db.detail(customerID: id)))
        #expect(shown.total == 5)
        #expect(shown.entries == (try db.timeline(customerID: id, offset: 0, limit: 4)))
        #expect(shown.entries.map(\.activity.id) == [visits[4], visits[3], visits[2], visits[1]])
        #expect(shown.entries[1].correction?.reason == "漏写了")
        #expect(shown.entries[1].activity.content == "改正：预算已批")
        #expect(shown.entries[2].contactName == "欧阳娜（总经理）")
        #expect(shown.entries[0].handlerName == "张伟")
        // A page without a corrected entry (on PostgreSQL the one-statement read, nothing
        // read again): the same as read apart, text with its quotes and line breaks.
        let newest = try db.shown(customerID: id, timelinePage: 1)
        #expect(newest.detail == shown.detail && newest.total == 5)
        #expect(newest.entries == (try db.timeline(customerID: id, offset: 0, limit: 1)))
        #expect(newest.entries.first?.activity.content == "第5次：确认\"预算\"，\n下周报价")

        // A customer with none of them: empty lists, no verdict.
        let bare = try db.add(sampleCustomer("Cb-粤GZ0009", "广州空白公司"), by: testActor)
        let empty = try #require(try db.detail(customerID: bare))
        #expect(empty.contacts.isEmpty && empty.cards.isEmpty && empty.recentOrders.isEmpty)
        #expect(empty.formerCodes.isEmpty && empty.lead == nil && empty.outstandingYuan == 0)
        let nothing = try db.shown(customerID: bare, timelinePage: 4)
        #expect(nothing.entries.isEmpty && nothing.total == 0 && nothing.detail == empty)
        #expect(try db.shown(customerID: 999_999, timelinePage: 4).detail == nil)
    }
}
