import Foundation
import GRDB
import KehuCore
@testable import KehuStore
import Testing

/// The benchmark's floor under a PostgreSQL import (`PostgresWriteFloor`): it copies what
/// an import wrote, twice, and leaves the database exactly as it found it.
@Suite(.enabled(if: TestEngine.isPostgres, "PostgreSQL's write floor (KEHU_TEST_ENGINE=postgresql)"))
struct PostgresWriteFloorTests {
    let now = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 9, minute: 0)!
    let headers = ["单位名称", "电话", "城市", "联系人", "手机"]

    @Test func theFloorIsMeasuredAndNothingIsLeftBehind() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("floor.db")
        let sheet = (0..<40).map { n in
            CustomerImportRow(line: n + 2, fields: ["广州宏达\(n)号机电", "020-\(String(format: "%08d", 30_000_000 + n))", "广州", "联系人\(n)",
                                                    "139\(String(format: "%08d", n))"],
                              headers: headers, mapping: .standard, now: now)
        }
        _ = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: false, skipBad: false, by: testActor)
        let name = try #require(folder.postgresDatabases["floor.db"])
        let address = try TestEngine.address(name)
        let link = try PostgresLink.open(address, login: TestEngine.login.name, home: TestEngine.login.home)
        defer { link.close() }
        let tablesBefore = try link.rows("SELECT relname FROM pg_class WHERE relnamespace = 'kehu'::regnamespace ORDER BY relname")

        let floor = try PostgresWriteFloor.measure(address, login: TestEngine.login.name, home: TestEngine.login.home)
        #expect(floor.indexesKept > 0 && floor.makingIndexes > 0 && floor.indexesMadeAfter > floor.makingIndexes, "\(floor)")
        // Every row the import wrote was copied: 40 customers, their contacts, three search
        // lines each, and the audit records of all of them.
        let written = try link.rows("""
            SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM searchHan)
                 + (SELECT count(*) FROM searchLatin) + (SELECT count(*) FROM searchDigits) + (SELECT count(*) FROM auditLog)
            """)
        #expect(floor.rows > 200 && written.first?.first.flatMap(Int.fromDatabaseValue) == floor.rows, "\(floor.rows)")
        #expect(try link.rows("SELECT relname FROM pg_class WHERE relnamespace = 'kehu'::regnamespace ORDER BY relname") == tablesBefore)
        #expect(try db.customerCount() == 40)
    }
}
