import Foundation
import Testing
import KehuCore
@testable import KehuStore

struct ExportTests {
    @Test func exportsWhatTheViewerSeesInTheViewAsked() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("export.db")
        var mine = User(login: "zhangwei", displayName: "张伟", role: .salesperson)
        mine.id = try db.add(mine, by: testActor)
        let other = try db.add(User(login: "liuyang", displayName: "刘洋", role: .salesperson), by: testActor)
        for (code, owner, grade) in [("Aa-粤GZ0001", mine.id!, CustomerGrade.vip), ("Ca-粤GZ0002", other, .general), ("Ca-粤GZ0003", mine.id!, .general)] {
            var c = sampleCustomer(code, "客户" + code.suffix(4))
            c.ownerID = owner; c.grade = grade; c.status = .cooperating
            c.lastOrderOn = LocalDate(year: 2026, month: 10, day: 9)
            let id = try db.add(c, by: testActor)
            try db.add(Contact(customerID: id, name: "联系人" + code.suffix(1)), by: testActor)
            try db.add(Activity(customerID: id, visitNumber: 1, method: .phone, occurredAt: testNow, handlerID: mine.id!, content: "回访"), by: testActor)
        }
        let all = try db.exportTable(.customers)
        // A salesperson may not take archive data out unless the company says so.
        #expect(throws: StoreError.refused(.roleMayNot)) { try db.scoped(to: Viewer(mine)).exportTable(.customers) }
        try db.setSetting("export.roles", to: "admin, salesperson", by: testActor)
        #expect(all.rows.count == 3 && all.columns.first == "code")
        let lastOrder = try #require(all.columns.firstIndex(of: "lastOrderOn"))
        #expect(all.rows[0][lastOrder] == .date(LocalDate(year: 2026, month: 10, day: 9)!))
        #expect(all.rows[0][all.columns.firstIndex(of: "createdAt")!] == .dateTime(testNow))
        let scoped = db.scoped(to: Viewer(mine))
        #expect(try scoped.exportTable(.customers).rows.map { $0[0] } == [.text("Aa-粤GZ0001"), .text("Ca-粤GZ0003")])
        #expect(try scoped.exportTable(.customers, view: .formalVIP).rows.count == 1)
        #expect(try scoped.exportTable(.contacts).rows.count == 2)
        let visits = try scoped.exportTable(.activities)
        #expect(visits.rows.count == 2 && visits.rows[0][visits.columns.firstIndex(of: "visitNumber")!] == .number(1))
        try db.setSetting("export.roles", to: "admin, generalManager, salesManager, marketingManager", by: testActor)
        #expect(try db.exportRoles() == [.admin, .generalManager, .salesManager, .marketingManager])
        try db.setSetting("export.roles", to: "admin, supervisor", by: testActor)
        #expect(try db.exportRoles() == [.admin, .supervisor])
    }
}
