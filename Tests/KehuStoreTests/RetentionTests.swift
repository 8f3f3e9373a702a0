import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

struct RetentionTests {
    @Test func onlyCustomersSettledThreeYearsAgoWithNothingSinceArePurged() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("retention.db")
        let staff = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: testActor)
        let old = LocalDateTime(date: LocalDate(year: 2020, month: 1, day: 6)!, hour: 9, minute: 0)!
        let then = Actor(login: "admin", clock: FixedClock(old))
        func customer(_ code: String, orderedOn: String, settledOn: String?) throws -> Int64 {
            var c = sampleCustomer(code, "客户" + code)
            c.createdAt = old
            let id = try db.add(c, by: then)
            var deal = Deal(product: "叉车", amountYuan: 50_000, date: DateParsing.date(orderedOn)!)
            deal.settledOn = settledOn.flatMap(DateParsing.date)
            try db.recordOrder(customerID: id, deal: deal, by: Actor(login: "admin", clock: FixedClock(testNow)))
            return id
        }
        // Today is 2026-11-22: settlements up to 2023-11-22 are old enough.
        let due = try customer("Cc-粤GZ0001", orderedOn: "2023-01-10", settledOn: "2023-11-22")
        _ = try customer("Cc-粤GZ0002", orderedOn: "2023-01-10", settledOn: "2023-11-23")        // a day short
        _ = try customer("Cc-粤GZ0003", orderedOn: "2022-01-10", settledOn: nil)                 // never settled
        let open = try customer("Cc-粤GZ0004", orderedOn: "2022-01-10", settledOn: "2022-06-01")
        _ = try db.add(IntentCard(customerID: open, number: "YX1", createdOn: LocalDate(year: 2026, month: 1, day: 1)!, source: .callIn,
                                  filledByID: staff, personName: "王", level: .c), by: testActor)
        let called = try customer("Cc-粤GZ0005", orderedOn: "2022-01-10", settledOn: "2022-06-01")
        let call = Activity(customerID: called, visitNumber: 1, method: .phone,
                            occurredAt: LocalDateTime(date: LocalDate(year: 2025, month: 3, day: 1)!, hour: 10, minute: 0)!,
                            handlerID: staff, content: "回访")
        _ = try db.add(call, by: testActor)
        try db.add(Contact(customerID: due, name: "联系人"), by: testActor)

        _ = try db.applyChurn(today: testNow.date, by: testActor)   // long without orders: all lost by now
        #expect(try db.purgeCandidates(today: testNow.date).map(\.customerID) == [due])
        let removed = try db.purge(today: testNow.date, by: testActor)
        #expect(removed.map(\.code) == ["Cc-粤GZ0001"])
        #expect(try db.customer(id: due) == nil)
        #expect(try db.customerCount() == db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM customers") })
        #expect(try db.orders(customerID: due).isEmpty)
        let history = try db.history(table: "customers", rowID: due)
        #expect(history.map(\.field) == ["purged"])
        #expect(history.first?.oldValue == "Cc-粤GZ0001 客户Cc-粤GZ0001")
        #expect(try db.purge(today: testNow.date, by: testActor).isEmpty)
        // Nothing else was touched, and the database is still whole.
        let tomorrow = try db.purgeCandidates(today: testNow.date.adding(days: 1))
        #expect(tomorrow.map(\.code) == ["Cc-粤GZ0002"], "\(tomorrow)")
    }
}
