import Dispatch
import Foundation
import GRDB
import KehuCore
@testable import KehuStore
import Testing

/// What kehu does when PostgreSQL goes away under it: a connection the server ended is
/// an error to tell, not a wait for ever, and the next read connects again.
@Suite(.enabled(if: TestEngine.isPostgres, "PostgreSQL's connections (KEHU_TEST_ENGINE=postgresql)"))
struct PostgresConnectionTests {
    @Test func aConnectionTheServerEndedIsReportedAndReplaced() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("ended.db")
        try db.add(sampleCustomer("Ca-粤GZ0001", "广州华南机械"), by: testActor)
        #expect(try db.customerCount() == 1)
        // The server ends every connection to this database (a restart, an administrator).
        let name = try #require(folder.postgresDatabases["ended.db"])
        try TestEngine.administer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
        let answered = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        DispatchQueue.global().async {
            outcome.set(Result { try db.customerCount() })
            answered.signal()
        }
        // A hang is the failure looked for: waited for at most half a minute.
        try #require(answered.wait(timeout: .now() + 30) == .success, "a read on an ended connection never returned")
        if case .failure(let error) = outcome.get() {
            #expect(error is StoreError, "\(error)")
        }
        #expect(try db.customerCount() == 1)
    }

    /// A connection whose statement the server answered by ending it (57P01) is not kept:
    /// its socket may not be seen closed yet, and the next read would meet it closed (a
    /// run of the test above once did). Another server error keeps the connection.
    @Test func aConnectionTheServerEndsUnderAStatementIsNotKept() throws {
        let name = try Self.emptyDatabase()
        let connections = try PostgresConnections.open(try TestEngine.address(name), login: TestEngine.login.name, home: TestEngine.login.home)
        defer { connections.close() }
        #expect(connections.idleCount == 1)
        for (state, kept) in [("23505", 1), ("57P01", 0), ("08006", 0)] {
            #expect(throws: PostgresLink.Failure.self) {
                try connections.with { link -> Void in
                    try link.execute("SELECT 1")
                    throw PostgresLink.Failure.server(state: state, message: "as the server says it", statement: "SELECT 1")
                }
            }
            #expect(connections.idleCount == kept, "\(state)")
        }
        // The next read connects again.
        #expect(try connections.with { try $0.flag("SELECT TRUE") })
    }

    /// kehu's connections start with its schema first in the path and without parallel
    /// plans (said in the connection's start-up, no statement after): a parallel append
    /// would interleave a search's tiers, and a prepared search planned for any query read
    /// a search line by a parallel scan of every customer's.
    @Test func aConnectionStartsInKehusSchemaWithoutParallelPlans() throws {
        let name = try Self.emptyDatabase()
        let connections = try PostgresConnections.open(try TestEngine.address(name), login: TestEngine.login.name, home: TestEngine.login.home)
        defer { connections.close() }
        let settings = try connections.with { link in
            try link.rows("SELECT current_setting('search_path'), current_setting('enable_parallel_append'), current_setting('max_parallel_workers_per_gather')")
        }
        #expect(settings.first?.compactMap(String.fromDatabaseValue) == ["kehu, public", "off", "0"])
    }

    /// A read planned once for any values (the search) has its plan mode only while it
    /// runs: the connection goes back to the pool planning as PostgreSQL chooses, since a
    /// list's window planned blind took 33 ms instead of 2 — whether the read returned or threw.
    @Test func aReadPlannedOnceLeavesTheConnectionAsItWas() throws {
        let name = try Self.emptyDatabase()
        let connections = try PostgresConnections.open(try TestEngine.address(name), login: TestEngine.login.name, home: TestEngine.login.home)
        defer { connections.close() }
        let mode = "SELECT current_setting('plan_cache_mode')"
        #expect(try connections.readOne(plannedOnce: true) { try String.fetchOne($0, sql: mode) } == "force_generic_plan")
        #expect(connections.idleCount == 1)
        #expect(try connections.readOne { try String.fetchOne($0, sql: mode) } == "auto")
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try connections.readOne(plannedOnce: true) { db -> Void in
                _ = try String.fetchOne(db, sql: mode)
                throw Refused()
            }
        }
        #expect(try connections.readOne { try String.fetchOne($0, sql: mode) } == "auto")
    }

    /// The server's last word on a connection it ends, when it reaches a statement before
    /// the closed socket does, is a lost connection as the closed socket is (a run of the
    /// test above once met it raw: "terminating connection due to administrator command").
    @Test(arguments: ["57P01", "57P02", "57P03", "08006"])
    func theServerEndingAConnectionIsALostConnection(state: String) {
        let ended = PostgresLink.Failure.server(state: state, message: "terminating connection due to administrator command", statement: "SELECT 1")
        guard case StoreError.cannotOpen(let path, let detail) = PostgresErrors.translate(ended, address: "postgresql:///kehu") else {
            Issue.record("\(PostgresErrors.translate(ended, address: "postgresql:///kehu"))")
            return
        }
        #expect(path == "postgresql:///kehu" && detail == "terminating connection due to administrator command")
        // Another server error stays itself.
        #expect(PostgresErrors.translate(PostgresLink.Failure.server(state: "23505", message: "duplicate", statement: ""), address: "") is PostgresLink.Failure)
    }

    /// Opening asks for the schema's versions in one statement: a database without kehu's
    /// schema answers that the table is undefined, which is "not kehu's", with nothing made;
    /// the same connection then sets kehu up when asked to create.
    @Test func anEmptyDatabaseIsRefusedUntouchedThenSetUpOnTheSameConnection() throws {
        let name = try Self.emptyDatabase()
        let address = try TestEngine.address(name)
        do {
            _ = try KehuDatabase.open(postgres: address, login: TestEngine.login.name, home: TestEngine.login.home, create: false, now: testNow)
            Issue.record("an empty database was opened")
        } catch StoreError.notAKehuDatabase(_, let detail) {
            #expect(detail.contains("no kehu schema"), "\(detail)")
        }
        let link = try PostgresLink.open(address, login: TestEngine.login.name, home: TestEngine.login.home)
        #expect(try PostgresMigrations.appliedAtOpening(link) == [])
        #expect(try link.flag("SELECT to_regnamespace('kehu') IS NULL"))
        // The statement that failed leaves the connection ready: the next one on it works.
        #expect(try PostgresMigrations.appliedAtOpening(link) == [])
        link.close()
        let made = try KehuDatabase.open(postgres: address, login: TestEngine.login.name, home: TestEngine.login.home, create: true, now: testNow)
        try made.close()
        let again = try PostgresLink.open(address, login: TestEngine.login.name, home: TestEngine.login.home)
        #expect(try PostgresMigrations.appliedAtOpening(again) == PostgresMigrations.applied(again))
        #expect(try PostgresMigrations.appliedAtOpening(again).last == PostgresMigrations.schemaVersion)
        again.close()
    }

    /// A database an older kehu left at v16 is brought up to date when its owner opens it:
    /// the customers counted by v16's row triggers stay counted, and the count follows
    /// the writes after, now kept per statement.
    @Test func aDatabaseAtV16IsBroughtUpToDateWithItsCount() throws {
        let name = try Self.emptyDatabase()
        let address = try TestEngine.address(name)
        let link = try PostgresLink.open(address, login: TestEngine.login.name, home: TestEngine.login.home)
        try PostgresMigrations.migrate(link, at: "2026-11-01 09:00", upTo: 16)
        #expect(try PostgresMigrations.applied(link) == [16])
        try link.transaction {
            try link.execute("SET LOCAL ROLE kehu_owner")
            for (code, title) in [("Ca-粤GZ0001", "广州华南机械"), ("Ca-粤GZ0002", "广州南方五金")] {
                try link.execute("""
                    INSERT INTO kehu.customers(code, name, type, grade, source, status, createdAt, updatedAt)
                    VALUES ($1, $2, 'dealer', 'general', 'phoneSales', 'b', '2026-11-01 09:00', '2026-11-01 09:00')
                    """, [code.databaseValue, title.databaseValue])
            }
        }
        link.close()
        let db = try KehuDatabase.open(postgres: address, login: TestEngine.login.name, home: TestEngine.login.home, create: false, now: testNow)
        #expect(try db.read { try Int.fetchAll($0, sql: "SELECT version FROM schemaVersion ORDER BY version") } == [16, 17, 18])
        #expect(try db.customerCount() == 2)
        try db.add(sampleCustomer("Ca-粤GZ0003", "广州东方机电"), by: testActor)
        _ = try db.importCustomers((0..<3).map { n in
            CustomerImportRow(line: n + 2, fields: ["佛山宏达\(n)号", "广州"], headers: ["单位名称", "城市"], mapping: .standard, now: testNow)
        }, ownerID: nil, teamID: nil, dryRun: false, skipBad: false, by: testActor)
        #expect(try db.customerCount() == 6)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM customers") } == 6)
        #expect(try db.searchCustomers("宏达").count == 3)
        try db.close()
    }

    /// A database at v17 is brought to v18 when its owner opens it: the owner's indexes
    /// carry the customer's id (a salesperson's customers read from them alone), the
    /// one-column owner index is gone, and the salesperson's lists read as before.
    @Test func aDatabaseAtV17GetsTheOwnersIndexesWithTheID() throws {
        let name = try Self.emptyDatabase()
        let address = try TestEngine.address(name)
        let link = try PostgresLink.open(address, login: TestEngine.login.name, home: TestEngine.login.home)
        try PostgresMigrations.migrate(link, at: "2026-11-01 09:00", upTo: 17)
        #expect(try PostgresMigrations.applied(link) == [16, 17])
        link.close()
        let db = try KehuDatabase.open(postgres: address, login: TestEngine.login.name, home: TestEngine.login.home, create: false, now: testNow)
        let owner = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: testActor)
        var customer = sampleCustomer("Ca-粤GZ0001", "广州华南机械")
        customer.ownerID = owner
        customer.status = .cooperating
        let id = try db.add(customer, by: testActor)
        let indexes = try db.read { database in
            try StoreRow.fetchAll(database, sql: "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'kehu' AND tablename = 'customers'")
                .reduce(into: [String: String]()) { $0[$1["indexname"]] = $1["indexdef"] }
        }
        #expect(indexes["customers_owner"] == nil)
        #expect(indexes["customers_owner_status"]?.hasSuffix("INCLUDE (id)") == true)
        #expect(indexes["customers_owner_nextfollowup"]?.hasSuffix("INCLUDE (id)") == true)
        #expect(try db.customerPage(offset: 0, limit: 5).map(\.id) == [id])
        #expect(try db.scoped(to: Viewer(try #require(try db.user(login: "zhangwei")))).customerPage(offset: 0, limit: 5).map(\.id) == [id])
        try db.close()
    }

    /// An import's rows go in batches of 500 to a statement prepared once per kind of
    /// batch: the values come back as written whatever each column held — NULL in a whole
    /// batch, a text, an integer, a real, bytes — and a column holding two types of value
    /// still goes in, unprepared.
    @Test func rowsWrittenInPreparedBatchesComeBackAsWritten() throws {
        let name = try Self.emptyDatabase()
        let link = try PostgresLink.open(try TestEngine.address(name), login: TestEngine.login.name, home: TestEngine.login.home)
        defer { link.close() }
        try link.execute("CREATE TABLE batched (id bigint PRIMARY KEY, note text, amount float8, picture bytea, count bigint)")
        let batch = PostgresRowBatch(link, table: "batched", columns: ["id", "note", "amount", "picture", "count"], numbersRows: false)
        #expect(batch.rowsPerStatement == 500)
        var written: [[DatabaseValue]] = []
        for n in 0..<1_730 {
            // Batch 1: no notes at all; batch 2: notes; batch 3: a note that is a number in
            // every tenth row; the rest, a shorter last batch.
            let note: DatabaseValue = n < 500 ? .null : n >= 1_000 && n < 1_500 && n % 10 == 0 ? Int64(n).databaseValue
                : "第\(n)行，“引号”\n\\".databaseValue
            let row: [DatabaseValue] = [Int64(n).databaseValue, note, n % 7 == 0 ? .null : (Double(n) / 4).databaseValue,
                                        n % 3 == 0 ? .null : Data([UInt8(n % 256), 0, 255]).databaseValue,
                                        n % 5 == 0 ? .null : Int64(n * 1_000_003).databaseValue]
            try batch.add(row)
            written.append(n >= 1_000 && n < 1_500 && n % 10 == 0 ? [row[0], String(n).databaseValue] + row[2...] : row)
        }
        try batch.flush()
        #expect(batch.waiting == 0)
        let read = try link.rows("SELECT id, note, amount, picture, count FROM batched ORDER BY id")
        #expect(read.count == written.count)
        for (got, wanted) in zip(read, written) where got != wanted {
            Issue.record("row \(wanted[0]): \(got) != \(wanted)")
            break
        }
        // The first two batches went prepared (no notes, then notes), the mixed one not.
        #expect(try link.value("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO batched%'") == (2 as Int64).databaseValue)

        // Batches go without waiting for their answers: the next statement sees their
        // rows, and a batch the server refuses fails its transaction with its own error
        // (a repeated id in the second batch), everything rolled back, the connection
        // ready for the next.
        try link.execute("TRUNCATE batched")
        let outcome = Result {
            try link.transaction {
                for n in 0..<1_000 {
                    try batch.add([Int64(n == 700 ? 3 : n).databaseValue, "行\(n)".databaseValue, .null, .null, .null])
                    if n == 499 {
                        try batch.flush()
                        #expect(try link.value("SELECT count(*) FROM batched") == (500 as Int64).databaseValue)
                    }
                }
                try batch.flush()
            }
        }
        guard case .failure(let error) = outcome, let failure = error as? PostgresLink.Failure else {
            Issue.record("the repeated id was not refused: \(outcome)")
            return
        }
        #expect(failure.state == "23505", "\(failure)")
        // The same when the work itself gives up while a refused batch is on its way: the
        // transaction is still rolled back, and the connection answers the next statement.
        struct GaveUp: Error {}
        #expect(throws: GaveUp.self) {
            try link.transaction {
                for n in 0..<1_500 { try batch.add([Int64(n == 600 ? 3 : n).databaseValue, .null, .null, .null, .null]) }
                try batch.flush()
                throw GaveUp()
            }
        }
        #expect(try link.value("SELECT count(*) FROM batched") == (0 as Int64).databaseValue)
    }

    /// A new, empty database on the run's cluster (dropped at the end of the run).
    static func emptyDatabase() throws -> String {
        let name = "kehu_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try TestEngine.administer("CREATE DATABASE \(name) ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0")
        TestEngine.made(name)
        return name
    }

    final class OutcomeBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Result<Int, Error>?
        func set(_ result: Result<Int, Error>) { lock.withLock { value = result } }
        func get() -> Result<Int, Error>? { lock.withLock { value } }
    }
}
