import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

@Suite(.disabled(if: TestEngine.isPostgres, "SQLite files: backup and check (PostgreSQL's are pg_dump and amcheck)"))
struct BackupAndCheckTests {
    @Test func aBackupIsWholeWhileSomeoneWritesAndNeverOverwrites() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("live.db")
        for n in 1...50 { try db.add(sampleCustomer(String(format: "Cb-粤GZ%04d", n), "客户\(n)"), by: testActor) }
        // A second process keeps writing during the copy.
        let other = try folder.store("live.db")
        let writing = Thread {
            for n in 51...150 { _ = try? other.add(sampleCustomer(String(format: "Cb-粤GZ%04d", n), "客户\(n)"), by: testActor) }
        }
        writing.start()
        try db.backupImage().write(to: URL(fileURLWithPath: folder.file("copy.db")))
        let copy = try KehuDatabase.open(path: folder.file("copy.db"), create: false)
        let copied = try copy.customerCount()
        #expect(copied >= 50 && copied <= 150)
        #expect(try copy.check().isEmpty)
        // Every customer in the copy came with its search keys: nothing half-written.
        let keys = try DatabaseQueue(path: folder.file("copy.db")).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM searchHan") }
        #expect(keys == copied)
    }

    @Test func checkNamesWhatIsWrong() throws {
        let folder = TemporaryFolder()
        let path = folder.file("sick.db")
        let db = try KehuDatabase.open(path: path)
        try db.add(sampleCustomer("Cb-粤GZ0007", "广州客户"), by: testActor)
        #expect(try db.check().isEmpty)
        // Damage made behind kehu's back, as another program could.
        let raw = try DatabaseQueue(path: path, configuration: {
            var config = Configuration()
            config.foreignKeysEnabled = false
            return config
        }())
        try raw.write { db in
            try db.execute(sql: "INSERT INTO contacts(customerID, name) VALUES (999, '孤儿')")
            try db.execute(sql: """
                INSERT INTO customers(code, name, type, grade, source, status, createdAt, updatedAt)
                VALUES ('广州001', '手写编码', 'dealer', 'general', 'other', 'b', '2026-01-01 09:00', '2026-01-01 09:00'),
                       ('Cb-粤GZ00015', '五位补零', 'dealer', 'general', 'other', 'b', '2026-01-01 09:00', '2026-01-01 09:00')
                """)
            try db.execute(sql: "UPDATE codeSerials SET lastSerial = 3 WHERE prefix = '粤GZ'")
        }
        try raw.close()
        let problems = try db.check()
        #expect(problems.contains(.danglingReference(table: "contacts", rowID: 1, parent: "customers")))
        #expect(problems.contains { if case .malformedCode(_, "广州001") = $0 { return true }; return false })
        // Five digits only past 9999: a padded one is not a code kehu writes.
        #expect(problems.contains { if case .malformedCode(_, "Cb-粤GZ00015") = $0 { return true }; return false })
        #expect(problems.contains(.serialBehind(prefix: "粤GZ", counter: 3, highest: 7)))
    }
}
