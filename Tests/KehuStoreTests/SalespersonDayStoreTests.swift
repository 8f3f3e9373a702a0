import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

struct SalespersonDayStoreTests {
    /// A salesperson with two customers: one card overdue, one due today at 15:00.
    func setUp() throws -> (KehuDatabase, TemporaryFolder, userID: Int64, overdueCard: Int64, customer: Int64) {
        let folder = TemporaryFolder()
        let db = try folder.store("kehu.db")
        let userID = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: testActor)
        var a = sampleCustomer("Bb-粤GZ0012", "广州华南机电有限公司"); a.ownerID = userID
        let customer = try db.add(a, by: testActor)
        var contact = Contact(customerID: customer, name: "王芳")
        contact.mobile = "138 0013 8000"
        contact.birthday = LocalDate(year: 1985, month: 11, day: 24)
        try db.add(contact, by: testActor)
        var card = IntentCard(customerID: customer, number: "YX1", createdOn: testNow.date.adding(days: -30), source: .walkIn,
                              filledByID: userID, personName: "王芳", level: .b)
        card.nextVisitOn = testNow.date.adding(days: -2)
        let overdue = try db.add(card, by: testActor)
        var b = sampleCustomer("Ab-粤SZ0003", "深圳宏达电子"); b.ownerID = userID; b.phone = "0755-2345 6789"
        let second = try db.add(b, by: testActor)
        var hot = IntentCard(customerID: second, number: "YX2", createdOn: testNow.date, source: .callIn, filledByID: userID,
                             personName: "刘总", level: .h)
        hot.nextVisitOn = testNow.date
        hot.nextVisitTime = "15:00"
        try db.add(hot, by: testActor)
        var other = sampleCustomer("Cb-粤FS0001", "别人的客户"); other.ownerID = nil
        let otherID = try db.add(other, by: testActor)
        var notMine = IntentCard(customerID: otherID, number: "YX3", createdOn: testNow.date, source: .callIn, filledByID: userID,
                                 personName: "x", level: .a)
        notMine.nextVisitOn = testNow.date.adding(days: -9)
        try db.add(notMine, by: testActor)
        return (db, folder, userID, overdue, customer)
    }

    @Test func todayListsMyDueCardsOverdueFirstAndBirthdays() throws {
        let (db, _, userID, overdueCard, customer) = try setUp()
        let items = try db.todayAgenda(ownerID: userID, today: testNow.date)
        #expect(items.count == 3)
        #expect(items[0].kind == .followUp(cardID: overdueCard, level: .b, time: nil))
        #expect(items[0].daysLate(on: testNow.date) == 2)
        #expect(items[1].kind == .followUp(cardID: items[1].kindCardID!, level: .h, time: "15:00"))
        #expect(items[2].kind == .birthday(contactName: "王芳"))
        #expect(items[2].customerID == customer)
        #expect(items[2].due == LocalDate(year: 2026, month: 11, day: 24))
    }

    /// Only cards that are due: a due customer's later card and a closed card stay off
    /// Today, a defeat awaiting its verdict stays on (each engine reads them its own way).
    @Test func todayHoldsOnlyOpenOrPendingCardsThatAreDue() throws {
        let (db, _, userID, overdueCard, customer) = try setUp()
        var later = IntentCard(customerID: customer, number: "YX4", createdOn: testNow.date, source: .walkIn, filledByID: userID,
                               personName: "王芳", level: .a)
        later.nextVisitOn = testNow.date.adding(days: 5)
        try db.add(later, by: testActor)
        var won = IntentCard(customerID: customer, number: "YX5", createdOn: testNow.date, source: .walkIn, filledByID: userID,
                             personName: "王芳", level: .h)
        won.nextVisitOn = testNow.date.adding(days: -4)
        won.state = .won
        try db.add(won, by: testActor)
        var pending = IntentCard(customerID: customer, number: "YX6", createdOn: testNow.date, source: .walkIn, filledByID: userID,
                                 personName: "王芳", level: .c)
        pending.nextVisitOn = testNow.date.adding(days: -1)
        pending.state = .defeatPending
        let pendingCard = try db.add(pending, by: testActor)
        let cards = try db.todayAgenda(ownerID: userID, today: testNow.date).compactMap(\.kindCardID)
        #expect(cards.count == 3)
        #expect(Set(cards).isSuperset(of: [overdueCard, pendingCard]))
    }

    @Test func loggingAFollowUpNumbersItAndMovesTheCardOffToday() throws {
        let (db, _, userID, overdueCard, customer) = try setUp()
        var followUp = FollowUp(customerID: customer, cardID: overdueCard)
        followUp.content = "确认了预算已批，下周三来厂里看样机"
        followUp.levelJudged = .a
        followUp.newContactName = "陈刚"
        followUp.nextVisitOn = FollowUpCadence.standard.nextVisit(after: testNow.date, level: .a)
        let saved = try db.log(followUp, handlerID: userID, by: testActor)
        #expect(saved.visitNumber == 1)
        let second = try db.log({ var f = followUp; f.newContactName = ""; f.content = "再次确认"; return f }(), handlerID: userID, by: testActor)
        #expect(second.visitNumber == 2)
        let timeline = try db.timeline(customerID: customer, offset: 0, limit: 5)
        #expect(timeline.first?.activity.content == "再次确认")
        #expect(timeline.last?.contactName == "陈刚")
        let card = try #require(try db.detail(customerID: customer)?.cards.first)
        #expect(card.level == .a)
        #expect(card.nextVisitOn == LocalDate(year: 2026, month: 11, day: 29))
        let items = try db.todayAgenda(ownerID: userID, today: testNow.date)
        #expect(!items.contains { $0.customerID == customer && $0.kindCardID != nil })
        // Audit: the activities, the new contact, the card's level and date.
        let cardHistory = try db.history(table: "intentCards", rowID: overdueCard).map(\.field)
        #expect(cardHistory.contains("level") && cardHistory.contains("nextVisitOn"))
        #expect(try db.history(table: "activities", rowID: saved.activityID).first?.newValue == "created")
    }

    /// A follow-up for one customer on another customer's card (the card moved in a merge
    /// while the form was open) is refused as a conflict, and nothing is written.
    @Test func aFollowUpOnAnotherCustomersCardIsRefused() throws {
        let (db, _, userID, overdueCard, _) = try setUp()
        let second = try #require(try db.customerID(code: "Ab-粤SZ0003"))
        var followUp = FollowUp(customerID: second, cardID: overdueCard)
        followUp.content = "确认了预算"
        do {
            _ = try db.log(followUp, handlerID: userID, by: testActor)
            Issue.record("saved on another customer's card")
        } catch let StoreError.conflict(table, rowID, fields) {
            #expect(table == "intentCards" && rowID == overdueCard)
            #expect(fields.map(\.column) == ["customerID"])
        }
        #expect(try db.timelineCount(customerID: second) == 0)
        #expect(try db.history(table: "intentCards", rowID: overdueCard).allSatisfy { $0.field == "*" })
        // A card or a customer that is not there (deleted, or a wrong id) is said so, and
        // nothing is written.
        followUp.cardID = overdueCard + 1_000
        #expect(throws: StoreError.notFound(table: "intentCards", rowID: overdueCard + 1_000)) {
            try db.log(followUp, handlerID: userID, by: testActor)
        }
        var nowhere = FollowUp(customerID: second + 1_000)
        nowhere.content = "确认了预算"
        #expect(throws: StoreError.notFound(table: "customers", rowID: second + 1_000)) {
            try db.log(nowhere, handlerID: userID, by: testActor)
        }
        #expect(try db.timelineCount(customerID: second) == 0)
    }

    @Test func anInvalidFollowUpWritesNothing() throws {
        let (db, _, userID, overdueCard, customer) = try setUp()
        var followUp = FollowUp(customerID: customer, cardID: overdueCard)
        followUp.newContactName = "陈刚"
        #expect(throws: StoreError.invalid([.required(field: .activityContent)])) { try db.log(followUp, handlerID: userID, by: testActor) }
        #expect(try db.timelineCount(customerID: customer) == 0)
        #expect(try db.detail(customerID: customer)?.contacts.count == 1)
    }

    @Test func duplicatesAreFoundByPhoneHoweverWrittenAndByName() throws {
        let (db, _, _, _, customer) = try setUp()
        let byMobile = try db.duplicates(phone: "+86 138-0013-8000", name: "某人")
        #expect(byMobile.map(\.customerID) == [customer])
        #expect(byMobile.first?.reason == .phone)
        let byLandline = try db.duplicates(phone: "0755 23456789", name: "")
        #expect(byLandline.first?.name == "深圳宏达电子")
        let byName = try db.duplicates(phone: "", name: "广州华南机电")
        #expect(byName.first?.reason == .companyName)
        let byPerson = try db.duplicates(phone: "139 0000 0000", name: "王芳")
        #expect(byPerson.first?.reason == .personName)
        #expect(try db.duplicates(phone: "139 0000 0000", name: "新客户").isEmpty)
    }

    @Test func aLeadBecomesACustomerWithCodeContactAndCard() throws {
        let (db, _, userID, _, _) = try setUp()
        var lead = Lead()
        lead.name = "李娜"
        lead.phone = "１３９ ２２２２ ３３３３"
        lead.source = .callIn
        lead.product = "激光切割机"
        lead.level = .a
        lead.city = "广州"
        lead.note = "下午再来电"
        let created = try db.register(lead, ownerID: userID, teamID: nil, cadence: .standard, by: testActor)
        #expect(created.code == "Cb-粤GZ0013")   // after Bb-粤GZ0012: serials count per city
        let detail = try #require(try db.detail(customerID: created.customerID))
        #expect(detail.customer.status == .potential)
        #expect(detail.customer.ownerID == userID)
        #expect(detail.customer.phone == "139 2222 3333")
        #expect(detail.customer.source == .phoneSales)
        #expect(detail.contacts.first?.mobile == "139 2222 3333")
        #expect(detail.cards.first?.level == .a)
        #expect(detail.cards.first?.nextVisitOn == LocalDate(year: 2026, month: 11, day: 29))
        #expect(try db.duplicates(phone: "13922223333", name: "").first?.customerID == created.customerID)
        lead.city = "火星"
        #expect(throws: StoreError.invalid([.outOfRange(field: .city, value: "火星")])) {
            try db.register(lead, ownerID: userID, teamID: nil, cadence: .standard, by: testActor)
        }
    }

    @Test func draftsAreKeptPerUserFormAndCustomer() throws {
        let (db, _, _, _, customer) = try setUp()
        try db.saveDraft(login: "zhangwei", kind: "followUp", customerID: customer, payload: "{\"a\":1}", at: testNow)
        try db.saveDraft(login: "zhangwei", kind: "followUp", customerID: customer, payload: "{\"a\":2}", at: testNow)
        try db.saveDraft(login: "liuyang", kind: "followUp", customerID: customer, payload: "{}", at: testNow)
        let mine = try db.drafts(login: "zhangwei")
        #expect(mine.map(\.payload) == ["{\"a\":2}"])
        try db.write { try $0.execute(sql: "DELETE FROM drafts WHERE id = ?", arguments: [mine[0].id]) }
        #expect(try db.drafts(login: "zhangwei").isEmpty)
    }

    @Test func theSecondMigrationFillsSearchKeysOfOlderDatabases() throws {
        let folder = TemporaryFolder()
        let path = folder.file("old.db")
        // A database as the first release left it: migrated to v1 only, with data.
        let queue = try DatabaseQueue(path: path)
        var migrator = Migrations.migrator
        migrator.eraseDatabaseOnSchemaChange = false
        try migrator.migrate(queue, upTo: "v1-archive")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO customers(code, name, phone, type, grade, source, status, createdAt, updatedAt)
                VALUES ('Ca-粤GZ0001', '广州华南机电有限公司', '020-8888 6666', 'dealer', 'general', 'other', 'a', '2026-01-01 09:00', '2026-01-01 09:00')
                """)
        }
        try queue.close()
        let db = try KehuDatabase.open(path: path)
        #expect(try db.duplicates(phone: "02088886666", name: "").count == 1)
        #expect(try db.duplicates(phone: "", name: "广州华南机电").count == 1)
    }
}

extension TodayItem {
    var kindCardID: Int64? {
        if case .followUp(let id, _, _) = kind { return id }
        return nil
    }
}
