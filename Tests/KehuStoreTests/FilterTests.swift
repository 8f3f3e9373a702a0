import Foundation
import Testing
import KehuCore
@testable import KehuStore

struct FilterTests {
    /// Twelve customers: grades, statuses, cities and sources in turn; cards on some.
    func archive() throws -> (KehuDatabase, TemporaryFolder, [Int64], Int64) {
        let folder = TemporaryFolder()
        let db = try folder.store("filter.db")
        let owner = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: testActor)
        let grades: [CustomerGrade] = [.vip, .key, .general]
        let cities = [("广州", "广东"), ("深圳", "广东"), ("长沙", "湖南")]
        var ids: [Int64] = []
        for n in 0..<12 {
            var c = sampleCustomer(String(format: "Cb-粤GZ%04d", 12 - n), "客户\(n)")
            c.grade = grades[n % 3]
            c.status = n % 2 == 0 ? .cooperating : .potential
            (c.city, c.province) = cities[n % 3]
            c.source = n % 4 == 0 ? .exhibition : .referral
            c.ownerID = n < 6 ? owner : nil
            ids.append(try db.add(c, by: testActor))
        }
        // Cards: customer 1 overdue at level A, customer 4 due later at level B, 7 at A later still.
        for (index, level, next) in [(1, IntentLevel.a, -3), (4, .b, 5), (7, .a, 9)] {
            var card = IntentCard(customerID: ids[index], number: "YX\(index)", createdOn: testNow.date.adding(days: -30), source: .callIn,
                                  filledByID: owner, personName: "王", level: level)
            card.nextVisitOn = testNow.date.adding(days: next)
            try db.add(card, by: testActor)
        }
        try db.add(Activity(customerID: ids[9], visitNumber: 1, method: .phone, occurredAt: LocalDateTime(date: testNow.date, hour: 8, minute: 0)!,
                            handlerID: owner, content: "回访"),
                   by: testActor)
        return (db, folder, ids, owner)
    }

    func names(_ db: KehuDatabase, _ filter: CustomerFilter, order: CustomerListOrder = .code, offset: Int = 0, limit: Int = 50) throws -> [String] {
        try db.customerPage(offset: offset, limit: limit, order: order, filter: filter, today: testNow.date).map(\.name)
    }

    @Test func filtersCombine() throws {
        let (db, _, _, owner) = try archive()
        var filter = CustomerFilter()
        filter.grade = .vip
        #expect(try names(db, filter) == ["客户9", "客户6", "客户3", "客户0"])          // by code: 0003, 0006, …
        filter.status = .cooperating
        #expect(try names(db, filter) == ["客户6", "客户0"])
        filter.city = "广州市"
        #expect(try names(db, filter) == ["客户6", "客户0"])
        filter.source = .exhibition
        #expect(try names(db, filter) == ["客户0"])
        filter.ownerID = owner
        #expect(try db.customerCount(filter: filter, today: testNow.date) == 1)
        var level = CustomerFilter()
        level.level = .a
        #expect(try names(db, level) == ["客户7", "客户1"])
        level.overdueOnly = true
        #expect(try names(db, level) == ["客户1"])
        var place = CustomerFilter()
        place.province = "湖南"
        place.status = .potential
        #expect(try names(db, place) == ["客户11", "客户5"])
        #expect(try db.customerCount(in: .formalVIP, filter: place, today: testNow.date) == 0)
    }

    @Test func ordersAndWhereACustomerStands() throws {
        let (db, _, ids, _) = try archive()
        let all = CustomerFilter()
        #expect(try names(db, all, order: .nextFollowUp).prefix(3) == ["客户1", "客户4", "客户7"])
        #expect(try names(db, all, order: .lastContact).first == "客户9")
        #expect(try names(db, all, order: .name).prefix(3) == ["客户0", "客户1", "客户10"])
        for order in CustomerListOrder.allCases {
            let listed = try db.customerPage(offset: 0, limit: 50, order: order, filter: all, today: testNow.date).map(\.id)
            for id in [ids[0], ids[4], ids[11]] {
                #expect(try db.customerIndex(id: id, in: .all, filter: all, order: order, today: testNow.date) == listed.firstIndex(of: id),
                        "\(order)")
            }
        }
    }

    @Test func pagesAtTheEdges() throws {
        let (db, _, _, _) = try archive()
        let all = CustomerFilter()
        #expect(try names(db, all, limit: 5).count == 5)                         // first page
        #expect(try names(db, all, offset: 10, limit: 5) == ["客户1", "客户0"])    // last, partial
        #expect(try names(db, all, offset: 12, limit: 5).isEmpty)                 // past the end
        #expect(try names(db, all, offset: 0, limit: 0).isEmpty)
        var none = CustomerFilter()
        none.city = "拉萨"
        #expect(try db.customerCount(filter: none, today: testNow.date) == 0)
        #expect(try names(db, none).isEmpty)
    }

    @Test func nextFollowUpAndLastContactFollowEveryWrite() throws {
        let (db, _, ids, owner) = try archive()
        let card = try #require(try db.openCard(customerID: ids[4]))
        var followUp = FollowUp(customerID: ids[4], cardID: card.id)
        followUp.content = "电话回访"
        followUp.levelJudged = .a
        followUp.nextVisitOn = testNow.date.adding(days: 1)            // was +5
        try db.log(followUp, handlerID: owner, by: testActor)
        var overdue = CustomerFilter()
        overdue.overdueOnly = true
        let dayAfterTomorrow = testNow.date.adding(days: 2)
        #expect(try db.customerPage(offset: 0, limit: 50, filter: overdue, today: dayAfterTomorrow).map(\.name) == ["客户4", "客户1"])
        #expect(try names(db, CustomerFilter(), order: .lastContact).first == "客户4")
    }
}
