import Foundation
import Testing
import KehuCore
@testable import KehuStore

struct OrderTests {
    @Test func aFirstOrderMakesAProspectCooperatingAndNamesTheApprover() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("orders.db")
        var prospect = sampleCustomer("Bb-粤GZ0003", "广州华南机电有限公司")
        prospect.grade = .potentialKey
        prospect.status = .potential
        let id = try db.add(prospect, by: testActor)
        var deal = Deal(product: "激光切割机", amountYuan: 300_001, date: LocalDate(year: 2026, month: 11, day: 20)!)
        deal.contractNumber = "HT-2026-118"
        #expect(try db.recordOrder(customerID: id, deal: deal, by: testActor) == .salesDirector)
        let customer = try #require(try db.customer(id: id))
        #expect(customer.status == .cooperating)
        #expect(customer.code == "Ba-粤GZ0003")
        #expect(customer.lastOrderOn == deal.date)
        #expect(try db.customerID(code: "Bb-粤GZ0003") == id)
        // An older order does not move the last order date back; a company's thresholds apply.
        try db.setSetting("contract.officeLimitYuan", to: "20000", by: testActor)
        deal.date = LocalDate(year: 2026, month: 6, day: 1)!
        deal.amountYuan = 19_999
        #expect(try db.recordOrder(customerID: id, deal: deal, by: testActor) == .officeManager)
        #expect(try db.customer(id: id)?.lastOrderOn == LocalDate(year: 2026, month: 11, day: 20))
        let orders = try db.orders(customerID: id)
        #expect(orders.map(\.approver) == [.salesDirector, .officeManager])
        #expect(try db.detail(customerID: id)?.recentOrders.first?.contractNumber == "HT-2026-118")
        // Settling: not before the order, not in the future; audited.
        #expect(throws: StoreError.self) { try db.settleOrder(id: orders[1].id, on: LocalDate(year: 2026, month: 5, day: 31)!, by: testActor) }
        #expect(throws: StoreError.self) { try db.settleOrder(id: orders[1].id, on: LocalDate(year: 2026, month: 11, day: 23)!, by: testActor) }
        try db.settleOrder(id: orders[1].id, on: LocalDate(year: 2026, month: 7, day: 1)!, by: testActor)
        #expect(try db.orders(customerID: id)[1].settledOn == LocalDate(year: 2026, month: 7, day: 1))
        #expect(try db.history(table: "orders", rowID: orders[1].id).contains { $0.field == "settledOn" })
    }

    @Test func aBadOrderWritesNothing() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("bad.db")
        let id = try db.add(sampleCustomer("Cb-粤GZ0001", "广州客户"), by: testActor)
        let deal = Deal(product: "", amountYuan: 0, date: LocalDate(year: 2026, month: 11, day: 23)!)
        #expect(throws: StoreError.invalid([.required(field: .dealProduct), .outOfRange(field: .dealAmount, value: "0"),
                                            .outOfRange(field: .dealDate, value: "2026-11-23")])) {
            try db.recordOrder(customerID: id, deal: deal, by: testActor)
        }
        #expect(try db.orders(customerID: id).isEmpty)
        #expect(try db.customer(id: id)?.status == .potential)
    }
}
