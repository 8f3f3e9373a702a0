import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

struct ChurnTests {
    @Test func customersAreLostOnceAtSixMonthsAndOwnersOweTheReason() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("churn.db")
        let owner = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: testActor)
        func cooperating(_ code: String, lastOrder: LocalDate) throws -> Int64 {
            var c = sampleCustomer(code, code)
            c.status = .cooperating
            c.grade = .key
            c.ownerID = owner
            c.lastOrderOn = lastOrder
            return try db.add(c, by: testActor)
        }
        let today = testNow.date   // 2026-11-22
        let lost = try cooperating("Ba-粤GZ0001", lastOrder: LocalDate(year: 2026, month: 5, day: 22)!)
        let warned = try cooperating("Ba-粤GZ0002", lastOrder: LocalDate(year: 2026, month: 5, day: 23)!)
        let fine = try cooperating("Ba-粤GZ0003", lastOrder: LocalDate(year: 2026, month: 9, day: 1)!)
        let keeper = Actor(login: "kehu", clock: FixedClock(testNow))
        #expect(try db.applyChurn(today: today, by: keeper).map(\.customerID) == [lost])
        #expect(try db.applyChurn(today: today, by: keeper).isEmpty)
        let gone = try #require(try db.customer(id: lost))
        #expect(gone.status == .lost)
        #expect(gone.code == "Bc-粤GZ0001")
        #expect(try db.customer(id: fine)?.status == .cooperating)
        #expect(try db.churnWarnings(ownerID: owner, today: today).map(\.customerID) == [warned])
        let due = try db.churnReasonsDue(ownerID: owner)
        #expect(due.map(\.customerID) == [lost])
        #expect(throws: StoreError.invalid([.required(field: .churnReason)])) {
            try db.recordChurnReason(eventID: due[0].eventID, reason: " ", by: testActor)
        }
        try db.recordChurnReason(eventID: due[0].eventID, reason: "被竞品低价抢走", by: testActor)
        #expect(try db.churnReasonsDue(ownerID: owner).isEmpty)
        let agenda = try db.todayAgenda(ownerID: owner, today: today)
        #expect(agenda.contains { if case .churnWarning = $0.kind { return $0.customerID == warned }; return false })
        let page = try db.customerPage(offset: 0, limit: 10, today: today)
        #expect(page.first { $0.id == warned }?.churnWarning == true)
        #expect(page.first { $0.id == fine }?.churnWarning == false)
    }

    /// The list and the search mark the same customers as the churn warning does, with
    /// the company's months counted back from the end of a month (31 August less six
    /// months is 28 February), on either engine (PostgreSQL works the date out itself).
    @Test func theListAndTheSearchWarnByTheCompanysMonths() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("warn.db")
        var ids: [Int64] = []
        for (code, lastOrder) in [("Ba-粤GZ0001", (2, 28)), ("Ba-粤GZ0002", (3, 1)), ("Ba-粤GZ0003", (3, 31))] {
            var c = sampleCustomer(code, "预警客户" + code.suffix(1))
            c.status = .cooperating
            c.lastOrderOn = LocalDate(year: 2026, month: lastOrder.0, day: lastOrder.1)!
            ids.append(try db.add(c, by: testActor))
        }
        func warned(_ today: LocalDate?) throws -> (page: [Int64], search: [Int64]) {
            (try db.customerPage(offset: 0, limit: 10, today: today).filter(\.churnWarning).map(\.id),
             try db.searchCustomers("预警", today: today).filter(\.row.churnWarning).map(\.row.id))
        }
        let endOfAugust = LocalDate(year: 2026, month: 8, day: 31)!
        // The standard five months: the end of March.
        #expect(try warned(endOfAugust) == (ids, ids))
        try db.setSetting("churn.warnMonths", to: "6", by: testActor)
        #expect(try warned(endOfAugust) == ([ids[0]], [ids[0]]))
        #expect(try warned(LocalDate(year: 2026, month: 9, day: 1)!) == ([ids[0], ids[1]], [ids[0], ids[1]]))
        #expect(try warned(nil) == ([], []))
    }

    /// The churn months and the cadences are each read in one read (`settings(_:)`): what
    /// the company set, its default where it set nothing.
    @Test func theCompanysMonthsAndCadencesAreReadTogether() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("rules.db")
        #expect(try db.churnRules().warnAfterMonths == ChurnRules.standard.warnAfterMonths)
        #expect(try db.churnRules().lostAfterMonths == ChurnRules.standard.lostAfterMonths)
        try db.setSetting("churn.lostMonths", to: "9", by: testActor)
        try db.setSetting("churn.warnMonths", to: "7", by: testActor)
        let rules = try db.churnRules()
        #expect(rules.warnAfterMonths == 7)
        #expect(rules.lostAfterMonths == 9)
        try db.setSetting("cadence.B", to: "20", by: testActor)
        let cadence = try db.cadenceDays()
        #expect(cadence[.b] == 20)
        #expect(cadence[.a] == IntentLevel.a.defaultCadenceDays)
        #expect(cadence.count == IntentLevel.allCases.count)
    }
}
