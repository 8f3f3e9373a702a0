import Foundation
import Synchronization
import GRDB
import Testing
import KehuCore
@testable import KehuStore

struct CustomerCodeStoreTests {
    func lead(_ name: String, phone: String, city: String = "广州") -> Lead {
        var lead = Lead()
        lead.name = name
        lead.phone = phone
        lead.source = .walkIn
        lead.level = .b
        lead.city = city
        return lead
    }

    /// Two kehu processes are two connections to one file: each registers leads in the
    /// same city at the same time, and between them every serial is taken exactly once.
    @Test func twoWritersAtOnceTakeEverySerialOnce() throws {
        let folder = TemporaryFolder()
        let first = try folder.store("codes.db")
        let owner = try first.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: testActor)
        try first.add(sampleCustomer("Aa-粤GZ0007", "广州老客户"), by: testActor)   // typed in from paper
        let second = try folder.store("codes.db")
        let perWriter = 40
        let codes = Mutex<[String]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let db = writer == 0 ? first : second
            for index in 0..<perWriter {
                do {
                    let created = try db.register(lead("客户\(writer)-\(index)", phone: "139\(writer)\(String(format: "%07d", index))"),
                                                  ownerID: owner, teamID: nil, cadence: .standard, by: testActor)
                    codes.withLock { $0.append(created.code) }
                } catch {
                    failures.withLock { $0.append("\(writer)/\(index): \(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let serials = codes.withLock { $0 }.compactMap { CustomerCode.parse($0)?.serial }.sorted()
        #expect(serials == Array(8...(7 + 2 * perWriter)))
        // A customer from another city starts its own run.
        let shenzhen = try first.register(lead("深圳客户", phone: "13800000001", city: "深圳市"), ownerID: owner, teamID: nil,
                                          cadence: .standard, by: testActor)
        #expect(shenzhen.code == "Cb-粤SZ0001")
    }

    @Test func anOldCodeStillFindsItsCustomer() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("former.db")
        var customer = sampleCustomer("Ba-粤GZ0001", "广州华南机电有限公司")
        customer.status = .cooperating
        customer.grade = .key
        customer.lastOrderOn = LocalDate(year: 2026, month: 4, day: 1)
        let id = try db.add(customer, by: testActor)
        _ = try db.applyChurn(today: testNow.date, by: testActor)
        #expect(try db.customer(id: id)?.code == "Bc-粤GZ0001")
        #expect(try db.customerID(code: "Bc-粤GZ0001") == id)
        #expect(try db.customerID(code: " Ba-粤GZ0001 ") == id)
        #expect(try db.detail(customerID: id)?.formerCodes == ["Ba-粤GZ0001"])
        #expect(try db.customerID(code: "Ba-粤GZ0002") == nil)
    }

    /// A database from before codes had counters: the counters start above every serial
    /// in use, and codes changed before the upgrade are found from the audit history.
    @Test func theFourthMigrationLearnsSerialsAndFormerCodes() throws {
        let folder = TemporaryFolder()
        let path = folder.file("old.db")
        let queue = try DatabaseQueue(path: path)
        var migrator = Migrations.migrator
        migrator.eraseDatabaseOnSchemaChange = false
        try migrator.migrate(queue, upTo: "v3-roles-and-evening-check")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO customers(code, name, phone, type, grade, source, status, createdAt, updatedAt)
                VALUES ('Ca-粤GZ0041', '广州华南机电有限公司', '020-8888 6666', 'dealer', 'general', 'other', 'a', '2026-01-01 09:00', '2026-01-01 09:00');
                INSERT INTO auditLog(at, actor, tableName, rowID, field, oldValue, newValue)
                VALUES ('2026-02-01 10:00', 'zhangwei', 'customers', 1, 'code', 'Cb-粤GZ0041', 'Ca-粤GZ0041');
                """)
        }
        try queue.close()
        let db = try KehuDatabase.open(path: path)
        #expect(try db.customerID(code: "Cb-粤GZ0041") == 1)
        let owner = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: testActor)
        let created = try db.register(lead("新客户", phone: "13900000000"), ownerID: owner, teamID: nil, cadence: .standard, by: testActor)
        #expect(created.code == "Cb-粤GZ0042")
    }
}
