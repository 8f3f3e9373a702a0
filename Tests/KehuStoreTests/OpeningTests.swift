import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

@Suite(.disabled(if: TestEngine.isPostgres, "SQLite files: how they open, lock, and are refused"))
struct OpeningTests {
    @Test func aNewFileIsMigratedFromEmptyInWALMode() throws {
        let folder = TemporaryFolder()
        let path = folder.file("sub/dir/kehu.db")   // the folder is created too
        let db = try KehuDatabase.open(path: path)
        #expect(try db.appliedMigrations() == Migrations.knownIdentifiers)
        let (mode, tables) = try db.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        }
        #expect(mode == "wal")
        for table in ["activities", "auditLog", "contacts", "customers", "intentCards", "settings", "teams", "users"] {
            #expect(tables.contains(table))
        }
        #expect(try db.cadenceDays() == [.h: 0, .a: 7, .b: 14, .c: 30])
        // The newest migration leaves its number in the header (a current file then opens
        // without a look on a connection of its own): every new migration must set it.
        let newest = try #require(Migrations.knownIdentifiers.last)
        let number = Int32(newest.dropFirst().prefix { $0.isNumber }) ?? 0
        #expect(try db.read { try Int32.fetchOne($0, sql: "PRAGMA user_version") } == number)
        #expect(Migrations.schemaVersion == number)
        try db.close()
        // Opening again changes nothing.
        let again = try KehuDatabase.open(path: path)
        #expect(try again.appliedMigrations() == Migrations.knownIdentifiers)
    }

    /// The customer screen's first reads run on the writer connection the pool opened
    /// anyway (no reader connection, no second reading of the schema, before the first
    /// frame): one snapshot in which nothing may be written. Once the screen says its
    /// first frame is drawn, reads go to the readers, as every other store's do.
    @Test func theScreensFirstReadsRunOnTheWriterUntilItsFirstFrame() throws {
        let folder = TemporaryFolder()
        let path = folder.file("screen.db")
        let plain = try KehuDatabase.open(path: path)
        #expect(try plain.read { $0.sqlite.description }.contains("reader"))
        try plain.close()

        let store = try KehuDatabase.open(path: path, create: false, readingOnTheWriter: true)
        let scoped = store.scoped(to: Viewer(User(login: "zhangwei", displayName: "张伟", role: .admin)))
        #expect(try store.read { $0.sqlite.description }.hasSuffix("writer"))
        #expect(try scoped.read { $0.sqlite.description }.hasSuffix("writer"))
        #expect(try store.read { try Int.fetchOne($0.sqlite, sql: "SELECT count(*) FROM users") } == 0)
        #expect(throws: (any Error).self) {
            try store.read { try $0.sqlite.execute(sql: "INSERT INTO settings(key, value) VALUES ('x', 'y')") }
        }
        #expect(try store.read { try Int.fetchOne($0.sqlite, sql: "SELECT count(*) FROM settings WHERE key = 'x'") } == 0)
        // Writes still work between the reads, on the same connection.
        try store.write { try $0.sqlite.execute(sql: "INSERT INTO settings(key, value) VALUES ('x', 'y')") }
        #expect(try store.read { try String.fetchOne($0.sqlite, sql: "SELECT value FROM settings WHERE key = 'x'") } == "y")

        #expect(scoped.firstScreenDrawn())
        #expect(!store.firstScreenDrawn())
        #expect(try store.read { $0.sqlite.description }.contains("reader"))
        #expect(try scoped.read { $0.sqlite.description }.contains("reader"))
        try store.close()
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let folder = TemporaryFolder()
        let path = folder.file("notes.db")
        let original = Data("客户名单\n王芳 13800138000\n".utf8)
        try original.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notAKehuDatabase(path: path, detail: "not an SQLite database")) {
            try KehuDatabase.open(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    }

    @Test func anotherProgramsSQLiteFileIsRefusedUntouched() throws {
        let folder = TemporaryFolder()
        let path = folder.file("other.db")
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(before[18] == 1 && before[19] == 1)              // a rollback-journal file
        do {
            _ = try KehuDatabase.open(path: path)
            Issue.record("opened another program's database")
        } catch let StoreError.notAKehuDatabase(errorPath, detail) {
            #expect(errorPath == path)
            #expect(detail.contains("invoices"))
        }
        // Byte for byte as it was — not even switched to WAL mode — and nothing beside it.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") && !FileManager.default.fileExists(atPath: path + "-shm"))
        let check = try DatabaseQueue(path: path)
        let tables = try check.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(tables == ["invoices"])
    }

    /// `kehu check` or a report on an empty file does not build a database in it.
    @Test func anEmptyFileIsOnlyMadeADatabaseWhenAskedTo() throws {
        let folder = TemporaryFolder()
        let path = folder.file("empty.db")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(throws: StoreError.notAKehuDatabase(path: path, detail: "the file is empty")) {
            try KehuDatabase.open(path: path, create: false)
        }
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") && !FileManager.default.fileExists(atPath: path + "-shm"))
        try KehuDatabase.open(path: path, create: true).close()           // the first run's own file
        #expect(try KehuDatabase.open(path: path, create: false).appliedMigrations() == Migrations.knownIdentifiers)
    }

    /// A write-ahead log damaged in the middle: SQLite would read it as ending there and
    /// drop the commits after it without a word. kehu refuses the file and leaves the log.
    @Test func aDamagedWriteAheadLogIsRefusedNotSilentlyCutShort() throws {
        let folder = TemporaryFolder()
        let path = folder.file("kehu.db")
        try KehuDatabase.open(path: path).close()
        // Five commits still in the log, copied as a crash would leave them.
        let writer = try DatabaseQueue(path: path)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            for n in 1...5 { try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?)", arguments: ["test.\(n)", "\(n)"]) }
        }
        let crashed = folder.file("crashed.db"), damaged = folder.file("damaged.db")
        for copy in [crashed, damaged] {
            for suffix in ["", "-wal"] { try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix) }
        }
        try writer.close()
        // The log as left by the crash reads whole: every commit is there.
        #expect(try KehuDatabase.open(path: crashed).setting("test.5") == "5")
        // One byte of the second frame's page changed.
        var log = try Data(contentsOf: URL(fileURLWithPath: damaged + "-wal"))
        let pageSize = Int(log[8]) << 24 | Int(log[9]) << 16 | Int(log[10]) << 8 | Int(log[11])
        log[32 + (24 + pageSize) + 24 + 100] ^= 0xFF
        try log.write(to: URL(fileURLWithPath: damaged + "-wal"))
        let before = try Data(contentsOf: URL(fileURLWithPath: damaged + "-wal"))
        do {
            _ = try KehuDatabase.open(path: damaged)
            Issue.record("opened a database whose log lost commits")
        } catch let StoreError.damaged(errorPath, detail) {
            #expect(errorPath == damaged && detail.contains("frame 2"), "\(detail)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: damaged + "-wal")) == before)
    }

    /// After a crash in the middle of a write, SQLite writes the next commit over the
    /// killed write's frames; a shorter commit leaves the rest of them in the log, chained
    /// to frames that are gone. Nothing committed is missing: the file opens.
    @Test func framesLeftByAKilledWriteAreNotDamage() throws {
        let folder = TemporaryFolder()
        let path = folder.file("kehu.db")
        try KehuDatabase.open(path: path).close()
        let killed = folder.file("killed.db"), again = folder.file("again.db")
        func copy(_ from: String, to: String) throws {
            for suffix in ["", "-wal"] { try FileManager.default.copyItem(atPath: from + suffix, toPath: to + suffix) }
        }
        // A long write that spills into the log, copied before its commit as a kill leaves it.
        let writer = try DatabaseQueue(path: path)
        try writer.inDatabase { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = 10")
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('test.before', 'kept')")
            try db.execute(sql: "BEGIN")
            for n in 1...200 { try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?)", arguments: ["test.lost.\(n)", String(repeating: "x", count: 2000)]) }
            try copy(path, to: killed)
            try db.execute(sql: "ROLLBACK")
        }
        try writer.close()
        // The next session commits a little over the killed write's first frames, and is
        // killed too: the log now holds this run's frames after a break, none of them a commit.
        let next = try DatabaseQueue(path: killed)
        try next.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('test.after', 'kept')")
        }
        try copy(killed, to: again)
        try next.close()
        #expect(WALInspection.damage(ofLogBeside: again) == nil)
        let reopened = try KehuDatabase.open(path: again)
        #expect(try reopened.setting("test.before") == "kept" && reopened.setting("test.after") == "kept")
        #expect(try reopened.setting("test.lost.1") == nil)
    }

    /// Every SQLite failure kehu can meet comes out as one of its own, each with its exit
    /// code and words: never "SQLite error 13".
    @Test func sqliteFailuresBecomeKehusOwn() {
        let path = "/srv/kehu/kehu.db"
        let cases: [(ResultCode, StoreError)] = [
            (.SQLITE_BUSY, .locked(path: path)), (.SQLITE_LOCKED, .locked(path: path)),
            (.SQLITE_FULL, .diskFull(path: path)), (.SQLITE_READONLY, .readOnly(path: path)),
            (.SQLITE_CORRUPT, .damaged(path: path, detail: "broken")), (.SQLITE_NOTADB, .notAKehuDatabase(path: path, detail: "broken")),
            (.SQLITE_CANTOPEN, .cannotOpen(path: path, detail: "broken")), (.SQLITE_IOERR, .cannotOpen(path: path, detail: "broken")),
        ]
        for (code, expected) in cases {
            let translated = KehuDatabase.translate(DatabaseError(resultCode: code, message: "broken"), path: path)
            #expect(translated as? StoreError == expected, "\(code)")
        }
    }

    @Test func aDatabaseFromANewerKehuIsRefusedUnchanged() throws {
        let folder = TemporaryFolder()
        let path = folder.file("kehu.db")
        try KehuDatabase.open(path: path).close()
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-future')") }
        try queue.close()
        let files = { try ["", "-wal", "-shm"].map { FileManager.default.fileExists(atPath: path + $0) ? try Data(contentsOf: URL(fileURLWithPath: path + $0)) : nil } }
        let before = try files()
        #expect(throws: StoreError.newerSchema(path: path, unknownMigrations: ["v99-future"])) {
            try KehuDatabase.open(path: path)
        }
        #expect(try files() == before)                           // "the file was not changed" is true
    }

    @Test func aLockedDatabaseGivesUpWithAClearError() throws {
        let folder = TemporaryFolder()
        let path = folder.file("kehu.db")
        try KehuDatabase.open(path: path).close()
        // Another process holding an exclusive lock, as a stuck sqlite3 shell would.
        var config = Configuration()
        config.prepareDatabase { try $0.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
        let holder = try DatabaseQueue(path: path, configuration: config)
        try holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN EXCLUSIVE; UPDATE settings SET value = value; COMMIT") }
        #expect(throws: StoreError.locked(path: path)) {
            try KehuDatabase.open(path: path, busyTimeout: 0.2)
        }
        try holder.close()
        #expect(throws: Never.self) { try KehuDatabase.open(path: path, busyTimeout: 0.2) }
    }

    /// A colleague's import holds the write lock: opening an up-to-date file and reading
    /// from it do not wait for it (in WAL mode readers never need that lock).
    @Test func readersDoNotWaitForAWriter() throws {
        let folder = TemporaryFolder()
        let path = folder.file("kehu.db")
        let first = try KehuDatabase.open(path: path)
        try first.add(sampleCustomer("Ca-粤GZ0001", "广州白云电器"), by: testActor)
        try first.add(User(login: "zhangwei", displayName: "张伟", role: .admin), by: testActor)
        try first.close()
        let writer = try DatabaseQueue(path: path)
        try writer.writeWithoutTransaction { holder in
            try holder.execute(sql: "BEGIN IMMEDIATE; UPDATE settings SET value = value")
            // A busy timeout of zero: any wait for the lock would fail at once.
            let reader = try KehuDatabase.open(path: path, busyTimeout: 0)
            // What `kehu open` does at each start on a file of one's own: nothing to adopt
            // in a file with users, so nothing to wait for.
            #expect(throws: Never.self) { try reader.adoptFirstAdmin("zhangwei", clock: FixedClock(testNow)) }
            #expect(try reader.customerCount() == 1)
            #expect(try reader.customerPage(offset: 0, limit: 10).first?.name == "广州白云电器")
            try reader.close()
            try holder.execute(sql: "ROLLBACK")
        }
        try writer.close()
    }

    @Test func aDamagedDatabaseIsReportedNotCrashedOn() throws {
        let folder = TemporaryFolder()
        let path = folder.file("kehu.db")
        let db = try KehuDatabase.open(path: path)
        for i in 0..<200 { try db.add(sampleCustomer(String(format: "Ca-粤GZ%04d", i), "客户\(i)"), by: testActor) }
        try db.close()
        // Keep the header, scribble over the pages behind it.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 4096)
        handle.write(Data(repeating: 0xA5, count: 4096 * 6))
        try handle.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        do {
            let reopened = try KehuDatabase.open(path: path)
            _ = try reopened.customerPage(offset: 0, limit: 300)
            Issue.record("read a damaged database without an error")
        } catch let error as StoreError {
            switch error {
            case .damaged(let p, _), .notAKehuDatabase(let p, _): #expect(p == path)
            default: Issue.record("unexpected error \(error)")
            }
        }
    }

    /// The day's check behind the screen: a write waits for its verdict (told first), then
    /// goes through on a whole file, and is refused when the check found damage.
    @Test func aWriteWaitsForTheChecksVerdictBehindTheScreen() throws {
        let folder = TemporaryFolder()
        let db = try KehuDatabase.open(path: folder.file("kehu.db"))
        let today = LocalDate(year: 2026, month: 11, day: 22)!
        let hold = DispatchSemaphore(value: 0), waiting = DispatchSemaphore(value: 0), written = DispatchSemaphore(value: 0)
        db.damage.onWaitingForCheck { waiting.signal() }
        db.checkStructureBehind(today: today, before: { hold.wait() })
        #expect(db.damage.checkUnderWay)
        nonisolated(unsafe) var saved: Result<Void, Error>?
        Thread { saved = Result { try db.add(sampleCustomer("Ca-粤GZ0001", "检查时的客户"), by: testActor) }; written.signal() }.start()
        waiting.wait()
        #expect(written.wait(timeout: .now() + 0.2) == .timedOut)
        #expect(try db.customerCount() == 0)
        hold.signal()
        written.wait()
        #expect(!db.damage.checkUnderWay && db.damage.detail == nil)
        #expect((try? saved?.get()) != nil)
        #expect(try db.customerCount() == 1)
        #expect(try db.structureCheckDue(today: today) == false)

        // A check that finds damage: the waiting write is refused, nothing written.
        db.checkStructureBehind(today: today, before: { hold.wait(); db.damage.mark("page 7: broken") })
        Thread { saved = Result { try db.add(sampleCustomer("Ca-粤GZ0002", "损坏后的客户"), by: testActor) }; written.signal() }.start()
        waiting.wait()
        hold.signal()
        written.wait()
        #expect(!db.damage.checkUnderWay)
        guard case .failure(StoreError.damaged(_, let detail))? = saved else { Issue.record("saved on a damaged file: \(String(describing: saved))"); return }
        #expect(detail == "page 7: broken")
        #expect(try db.customerCount() == 1)
    }

    @Test func theDatabasePathFollowsOptionThenEnvironmentThenXDG() {
        #expect(DatabaseLocation.resolve(explicit: "/tmp/a.db", environment: ["KEHU_DB": "/tmp/b.db"]) == "/tmp/a.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["KEHU_DB": "/tmp/b.db"]) == "/tmp/b.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/zw"]) == "/data/kehu/kehu.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/home/zw"]) == "/home/zw/.local/share/kehu/kehu.db")
        #expect(DatabaseLocation.resolve(explicit: "~/crm.db", environment: ["HOME": "/home/zw"]) == "/home/zw/crm.db")
        #expect(DatabaseLocation.demo(environment: ["HOME": "/home/zw"]) == "/home/zw/.local/share/kehu/demo.db")
    }
}
