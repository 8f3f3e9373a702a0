import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// 000: two records of one customer merged into one; a customer moved to another city.
struct MergeAndMoveTests {
    @Test func aMergeKeepsEverythingOfBothRecords() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("merge.db")
        let team = try db.add(Team(name: "华南一组", region: "华南"), by: testActor)
        var boss = User(login: "liqiang", displayName: "李强", role: .supervisor, teamID: team)
        boss.id = try db.add(boss, by: testActor)
        var seller = User(login: "zhangwei", displayName: "张伟", role: .salesperson, teamID: team)
        seller.id = try db.add(seller, by: testActor)
        var survivor = sampleCustomer("Cb-粤GZ0001", "广州华南机电有限公司")
        survivor.status = .potential
        survivor.address = ""
        survivor.notes = "老客户介绍"
        survivor.teamID = team
        let keepID = try db.add(survivor, by: testActor)
        var duplicate = sampleCustomer("Ca-粤GZ0002", "广州华南机电")
        duplicate.status = .cooperating
        duplicate.address = "广州市天河区天河路 1 号"
        duplicate.notes = "（重复录入）"
        duplicate.lastOrderOn = LocalDate(year: 2026, month: 9, day: 1)
        duplicate.ownerID = seller.id
        duplicate.teamID = team
        let dupID = try db.add(duplicate, by: testActor)
        let contactID = try db.add(Contact(customerID: dupID, name: "李娜"), by: testActor)
        let ownVisit = try db.add(Activity(customerID: keepID, visitNumber: 1, method: .phone, occurredAt: testNow, handlerID: seller.id!,
                                           content: "电话询价"), by: testActor)
        let visitID = try db.add(Activity(customerID: dupID, visitNumber: 1, method: .onSite, occurredAt: testNow, handlerID: seller.id!,
                                          content: "上门拜访，谈二期"), by: testActor)
        var deal = Deal(product: "数控机床", amountYuan: 20_000, date: LocalDate(year: 2026, month: 9, day: 1)!)
        deal.settledOn = LocalDate(year: 2026, month: 9, day: 2)
        try db.recordOrder(customerID: dupID, deal: deal, by: testActor)

        // Only supervisors and above; never into itself.
        #expect(throws: StoreError.refused(.roleMayNot)) { try db.scoped(to: Viewer(seller)).merge(customerID: dupID, into: keepID, by: testActor) }
        #expect(throws: StoreError.refused(.sameCustomer)) { try db.merge(customerID: keepID, into: keepID, by: testActor) }

        let code = try db.scoped(to: Viewer(boss)).merge(customerID: dupID, into: keepID, by: testActor)
        #expect(code == "Ca-粤GZ0001")              // cooperating wins: the status letter follows
        #expect(try db.customer(id: dupID) == nil)
        let merged = try #require(try db.customer(id: keepID))
        #expect(merged.address == "广州市天河区天河路 1 号")
        #expect(merged.notes == "老客户介绍\n（重复录入）")
        #expect(merged.lastOrderOn == LocalDate(year: 2026, month: 9, day: 1))
        #expect(merged.ownerID == seller.id)                 // the survivor was in the pool
        let detail = try #require(try db.detail(customerID: keepID))
        #expect(detail.contacts.map(\.id) == [contactID])
        #expect(try db.orders(customerID: keepID).count == 1)
        // Visits numbered on after the survivor's own.
        let visits = try db.timeline(customerID: keepID, offset: 0, limit: 10).map(\.activity)
        #expect(Set(visits.map(\.id)) == [visitID, ownVisit])
        #expect(visits.first { $0.id == visitID }?.visitNumber == 2)
        #expect(visits.first { $0.id == ownVisit }?.visitNumber == 1)
        // Both former codes find the one that stays, and so does the duplicate's contact.
        #expect(try db.customerID(code: "Ca-粤GZ0002") == keepID)
        #expect(try db.customerID(code: "Cb-粤GZ0001") == keepID)
        #expect(try db.searchCustomers("李娜").map(\.row.code) == ["Ca-粤GZ0001"])
        // Audited: where the duplicate went, and each row that moved.
        #expect(try db.history(table: "customers", rowID: dupID).contains { $0.field == "mergedInto" && $0.newValue == "Cb-粤GZ0001" })
        #expect(try db.history(table: "contacts", rowID: contactID).contains { $0.field == "customerID" && $0.newValue == String(keepID) })
        #expect(try db.history(table: "customers", rowID: keepID).contains { $0.field == "address" })
        #expect(try db.check().isEmpty)
    }

    @Test func aMoveGivesANewCodeAndKeepsTheFormerOne() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("move.db")
        var key = sampleCustomer("Ba-粤GZ0007", "广州华南机电有限公司")
        key.grade = .key
        key.status = .cooperating
        let id = try db.add(key, by: testActor)
        _ = try db.add(sampleCustomer("Ca-湘CS0003", "长沙客户"), by: testActor)
        #expect(throws: StoreError.self) { try db.move(customerID: id, toCity: "不存在的城市", by: testActor) }
        let code = try db.move(customerID: id, toCity: "湖南省长沙市", by: testActor)
        #expect(code == "Ba-湘CS0004")                // the next serial of the new place
        let moved = try #require(try db.customer(id: id))
        #expect(moved.province == "湖南")
        #expect(moved.city == "长沙")
        #expect(try db.customerID(code: "Ba-粤GZ0007") == id)
        #expect(try db.history(table: "customers", rowID: id).contains { $0.field == "code" && $0.newValue == "Ba-湘CS0004" })
        // The same place again changes nothing.
        #expect(try db.move(customerID: id, toCity: "长沙", by: testActor) == "Ba-湘CS0004")
    }
}
