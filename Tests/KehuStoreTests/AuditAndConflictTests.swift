import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

struct AuditAndConflictTests {
    @Test func creatingAndEditingLeaveAnAuditTrail() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("kehu.db")
        let id = try db.add(sampleCustomer("Ba-粤GZ0012", "广州华南机电有限公司"), by: testActor)
        let original = try #require(try db.customer(id: id))
        var edited = original
        edited.phone = "020-8888 7777"
        edited.grade = .vip
        let later = Actor(login: "lizhuguan", clock: FixedClock(LocalDateTime(date: testNow.date, hour: 18, minute: 2)!))
        let written = try db.update(customer: original, to: edited, by: later)
        #expect(Set(written) == ["phone", "grade"])
        let history = try db.history(table: "customers", rowID: id)
        #expect(history.count == 3)
        let phone = try #require(history.first { $0.field == "phone" })
        #expect(phone.actor == "lizhuguan")
        #expect(phone.at.description == "2026-11-22 18:02")
        #expect(phone.oldValue == "020-8888 6666")
        #expect(phone.newValue == "020-8888 7777")
        #expect(history.last?.field == "*")
        #expect(history.last?.actor == "zhangwei")
        let stored = try #require(try db.customer(id: id))
        #expect(stored.grade == .vip)
        #expect(stored.updatedAt.description == "2026-11-22 18:02")
    }

    @Test func invalidInputWritesNothing() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("kehu.db")
        var bad = sampleCustomer("Ca-粤GZ0001", "")
        bad.phone = "电话待定"
        #expect(throws: StoreError.invalid([.required(field: .customerName), .badPhone(field: .customerPhone, value: "电话待定")])) {
            try db.add(bad, by: testActor)
        }
        #expect(try db.customerCount() == 0)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM auditLog") } == 0)
    }

    @Test func twoPeopleChangingDifferentFieldsBothKeepTheirChange() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("kehu.db")
        let id = try db.add(sampleCustomer("Ba-粤GZ0012", "广州华南机电有限公司"), by: testActor)
        let readByA = try #require(try db.customer(id: id))
        let readByB = readByA
        var a = readByA; a.notes = "年底扩产"
        var b = readByB; b.fax = "020-8888 6667"
        try db.update(customer: readByA, to: a, by: testActor)
        try db.update(customer: readByB, to: b, by: testActor)
        let stored = try #require(try db.customer(id: id))
        #expect(stored.notes == "年底扩产")
        #expect(stored.fax == "020-8888 6667")
    }

    @Test func theSecondWriterOfTheSameFieldIsToldAndNothingIsOverwritten() throws {
        let folder = TemporaryFolder()
        let path = folder.file("kehu.db")
        let first = try KehuDatabase.open(path: path)
        let second = try KehuDatabase.open(path: path)   // another kehu process on the same file
        let id = try first.add(sampleCustomer("Ba-粤GZ0012", "广州华南机电有限公司"), by: testActor)
        let readByA = try #require(try first.customer(id: id))
        let readByB = try #require(try second.customer(id: id))
        var a = readByA; a.phone = "020-1111 1111"
        var b = readByB; b.phone = "020-2222 2222"; b.notes = "b's note"
        try first.update(customer: readByA, to: a, by: testActor)
        do {
            try second.update(customer: readByB, to: b, by: testActor)
            Issue.record("the second write overwrote the first")
        } catch let StoreError.conflict(table, rowID, fields) {
            #expect(table == "customers")
            #expect(rowID == id)
            #expect(fields == [FieldConflict(column: "phone", mine: "020-2222 2222", theirs: "020-1111 1111")])
        }
        let stored = try #require(try first.customer(id: id))
        #expect(stored.phone == "020-1111 1111")
        #expect(stored.notes == "")   // the conflicting save wrote nothing at all
    }

    @Test func loggingAFollowUpMovesTheCardInTheSameTransaction() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("kehu.db")
        let userID = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: testActor)
        let customerID = try db.add(sampleCustomer("Bb-粤GZ0012", "广州华南机电有限公司"), by: testActor)
        var card = IntentCard(customerID: customerID, number: "YX1", createdOn: testNow.date, source: .callIn,
                              filledByID: userID, personName: "王芳", level: .c)
        card.nextVisitOn = testNow.date
        let cardID = try db.add(card, by: testActor)
        var activity = Activity(customerID: customerID, cardID: cardID, visitNumber: 1, method: .phone,
                                occurredAt: testNow, handlerID: userID, content: "确认了预算")
        activity.levelJudged = .a
        activity.nextVisitOn = testNow.date.adding(days: 7)
        try db.add(activity, by: testActor)
        let detail = try #require(try db.detail(customerID: customerID))
        #expect(detail.cards.first?.level == .a)
        #expect(detail.cards.first?.nextVisitOn == testNow.date.adding(days: 7))
        let cardHistory = try db.history(table: "intentCards", rowID: cardID)
        #expect(Set(cardHistory.map(\.field)) == ["*", "level", "nextVisitOn"])
        #expect(try db.customerPage(offset: 0, limit: 5).first?.nextFollowUpOn == testNow.date.adding(days: 7))
    }

    @Test func settingsChangesAreAudited() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("kehu.db")
        try db.setSetting("cadence.A", to: "5", by: testActor)
        #expect(try db.cadenceDays()[.a] == 5)
        let entry = try #require(try db.history(table: "settings", rowID: 0).first)
        #expect(entry.field == "cadence.A")
        #expect(entry.oldValue == "7")
        #expect(entry.newValue == "5")
    }
}
