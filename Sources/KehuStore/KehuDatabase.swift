import Foundation
import CSQLiteTuning
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif

/// A kehu database file: opened in WAL mode so one team's processes can read while one
/// writes, migrated to the schema this binary knows, and refused with a clear reason when
/// it is not kehu's, is newer than this binary, is damaged, or stays locked.
public final class KehuDatabase: Sendable {
    /// The file's path, or the PostgreSQL address as it may be shown (no password).
    public let path: String
    /// Which engine keeps this database.
    enum Engine: Sendable {
        case sqlite(DatabasePool)
        case postgres(PostgresConnections)
    }
    let engine: Engine
    /// Whose view of the archive this store gives; nil for tools that see everything
    /// (demo writing, checks, tests).
    public let viewer: Viewer?
    /// Told when a write waits for another process's lock (see `LockWait`).
    public let lockWait: LockWait
    /// Damage this file has shown; once marked, nothing more is written to it.
    public let damage: DamageMark
    /// Which connections reads use (the writer's, for the screen's first reads).
    let readPlace: ReadPlace
    /// The viewer as the door read them, with their team's name: what a start shows in
    /// its status line, without reading it again (on PostgreSQL a round trip).
    public let profileAtOpening: UserProfile?
    /// Opened read-only: the file is not writable for this user. Every write is refused
    /// with `StoreError.readOnly`.
    public var isReadOnly: Bool {
        if case .sqlite(let pool) = engine { return pool.configuration.readonly }
        return false
    }

    /// The SQLite pool, for what only a file has (backups, its log, its own migrations);
    /// reaching it on PostgreSQL is a programming error: callers ask `isPostgres` first.
    var pool: DatabasePool {
        guard case .sqlite(let pool) = engine else { preconditionFailure("a SQLite-only path reached on PostgreSQL") }
        return pool
    }

    /// Whether this database is kept by a PostgreSQL server rather than in a file.
    public var isPostgres: Bool {
        if case .postgres = engine { return true }
        return false
    }

    /// How long a write waits for another process's transaction before giving up.
    public static let defaultBusyTimeout: TimeInterval = 5

    init(path: String, engine: Engine, viewer: Viewer? = nil, lockWait: LockWait, damage: DamageMark, readPlace: ReadPlace = ReadPlace(),
         profileAtOpening: UserProfile? = nil) {
        self.path = path
        self.engine = engine
        self.viewer = viewer
        self.lockWait = lockWait
        self.damage = damage
        self.readPlace = readPlace
        self.profileAtOpening = profileAtOpening
    }

    /// SQLite's process-wide settings, given once before its first use (afterwards SQLite
    /// refuses them and nothing changes): no allocation counts, whose global mutex was
    /// taken on every allocation — a tenth of a large import's writing thread.
    package static func prepareSQLite() { _ = sqliteSettings }
    private static let sqliteSettings: Int32 = kehu_sqlite_without_memory_counts()

    /// Opens (and with `create`, creates with its folder) the database at `path`, for no
    /// one in particular: internal, so only the store and its tests hold an unscoped store.
    /// Everyone else comes in through the door (`open(path:as:)`).
    /// `readingOnTheWriter`: reads run on the writer connection until `firstScreenDrawn()`
    /// (the customer screen's first reads; see `ReadPlace`).
    static func open(path: String, create: Bool = true,
                            busyTimeout: TimeInterval = defaultBusyTimeout, readingOnTheWriter: Bool = false) throws -> KehuDatabase {
        prepareSQLite()
        // Where a setgid kehu's SQLite puts temporary files is set for the whole process
        // (`SortSpill`), so before any connection of this file is open.
        _ = SortSpill.allowed(forDatabaseAt: path)
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        var current = false
        if exists {
            current = try checkHeader(path)
            // An empty file becomes a database only when asked to create one: a check or a
            // report on it leaves it empty, as found.
            if !create, (try? fm.attributesOfItem(atPath: path)[.size] as? Int) == 0 {
                throw StoreError.notAKehuDatabase(path: path, detail: "the file is empty")
            }
            // Read before SQLite would recover the log by forgetting what follows a damage.
            if let damage = WALInspection.damage(ofLogBeside: path) {
                throw StoreError.damaged(path: path, detail: damage)
            }
        } else {
            guard create else { throw StoreError.cannotOpen(path: path, detail: "no such file") }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !fm.fileExists(atPath: folder) {
                do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                catch { throw StoreError.cannotOpen(path: path, detail: "cannot create folder \(folder): \(error.localizedDescription)") }
            }
        }
        // A file the user may only read opens read-only: reports, exports, the screens work;
        // a write is refused with a clear message (exit 7) instead of the whole file.
        let writable = !exists || SideFiles.writable(path)
        if exists && writable { try SideFiles.mendModes(besides: path) }
        let lockWait = LockWait(timeout: busyTimeout)
        var config = configuration(path: path, busyTimeout: busyTimeout, lockWait: lockWait)
        config.readonly = !writable
        // Side files this attempt creates are removed again if the file is refused.
        let sideFiles = ["-wal", "-shm"].map { path + $0 }.filter { !fm.fileExists(atPath: $0) }
        let pool: DatabasePool
        do {
            // Look before touching: opening the pool switches the file to WAL mode, so
            // whose file it is and which schema it has are read first, read-only.
            // (A file this kehu brought to its newest version in WAL mode needs no look:
            // the pool leaves it as it is, and checks it again before anything is written.)
            if exists && !current { try inspect(path, busyTimeout: busyTimeout) }
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            removeSideFiles(sideFiles)
            if let refused = error as? StoreError { throw refused }
            throw translate(error, path: path)
        }
        return try finishOpening(pool, path: path, sideFiles: sideFiles, lockWait: lockWait, readPlace: ReadPlace(onWriter: readingOnTheWriter))
    }

    /// How every connection to a kehu file is set up (the store's own, and a watcher's).
    static func configuration(path: String, busyTimeout: TimeInterval, lockWait: LockWait? = nil) -> Configuration {
        var config = Configuration()
        config.busyMode = lockWait.map { .callback($0.busyCallback) } ?? .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "kehu"
        // Every kehu file keeps its -wal and -shm for good. A file a group shares (0660,
        // the shared install) so keeps the owner, group and mode the installer gave them
        // whoever opens the database first, also after a crash; otherwise the first opener
        // would own them. And no file's WAL is ever left empty or missing: GRDB then writes
        // a table and drops it at every open — a write that waits for a colleague's import
        // holding the lock, so even a report would wait, and even a read would change the
        // file. (No size limit, for the same reason.)
        config.prepareDatabase { db in
            var persist: Int32 = 1
            _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
            // Sorts and temporary tables stay in memory: a temporary file would belong to
            // the user, who could read another team's rows from it.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return config
    }

    /// Checks the file is kehu's and migrates it; on refusal closes it and removes the side
    /// files this attempt made.
    private static func finishOpening(_ pool: DatabasePool, path: String, sideFiles: [String], lockWait: LockWait,
                                      readPlace: ReadPlace) throws -> KehuDatabase {
        do {
            // Checked again in the pool: another program may have written in between.
            // (On the writer, open already, when the screen's first reads are to be.)
            let check = { (db: Database) in try checkIdentity(db, path: path); try checkSchema(db, path: path) }
            if readPlace.onWriter { try readOnTheWriter(pool, check) } else { try pool.read(check) }
            // Each migration runs in its own transaction: a failure leaves the file at the
            // last complete version, never half-migrated. (An up-to-date file is only read:
            // GRDB asks which migrations ran before it writes.) A read-only file is used as
            // it is when it is up to date; one that needs migrating cannot be.
            if pool.configuration.readonly {
                guard try pool.read({ try Migrations.migrator.hasCompletedMigrations($0) }) else { throw StoreError.readOnly(path: path) }
            } else {
                try Migrations.migrator.migrate(pool)
            }
        } catch {
            try? pool.close()
            removeSideFiles(sideFiles)
            if let error = error as? StoreError { throw error }
            throw translate(error, path: path)
        }
        return KehuDatabase(path: path, engine: .sqlite(pool), lockWait: lockWait, damage: DamageMark(), readPlace: readPlace)
    }

    /// A read on the writer connection as the pool's readers read: one snapshot (a
    /// deferred transaction) in which nothing may be written.
    private static func readOnTheWriter<T>(_ pool: DatabasePool, _ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            try db.readOnly {
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// The customer screen's first frame is drawn: reads move to the pool's readers.
    /// Returns whether they ran elsewhere until now (a SQLite store opened `forScreen`).
    @discardableResult
    public func firstScreenDrawn() -> Bool { readPlace.moveToReaders() }

    private static func removeSideFiles(_ paths: [String]) {
        for path in paths { unlink(path) }
    }

    /// A SQLite file starts with these 16 bytes; anything else is not a database at all.
    /// Returns whether the header shows a kehu file in WAL mode that this kehu migrated to
    /// its newest version (application id, read and write versions 2, user_version).
    private static func checkHeader(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotOpen(path: path, detail: "cannot read the file (permissions?)")
        }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 100))
        if head.isEmpty { return false }   // an empty file becomes a new database
        if !head.starts(with: Array("SQLite format 3\0".utf8)) {
            throw StoreError.notAKehuDatabase(path: path, detail: "not an SQLite database")
        }
        guard head.count == 100 else { return false }
        func number(at offset: Int) -> Int32 { head[offset..<offset + 4].reduce(0) { $0 << 8 | Int32($1) } }
        return head[18] == 2 && head[19] == 2 && number(at: 68) == Migrations.applicationID
            && number(at: 60) == Migrations.schemaVersion
    }

    /// Reads a file's owner and schema on a read-only connection, so a file kehu refuses
    /// keeps its bytes and its journal mode.
    private static func inspect(_ path: String, busyTimeout: TimeInterval) throws {
        var config = configuration(path: path, busyTimeout: busyTimeout)   // keeps the WAL too
        config.readonly = true
        config.label = "kehu-inspect"
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        try queue.read { db in
            try checkIdentity(db, path: path)
            try checkSchema(db, path: path)
        }
    }

    /// Refuses a file a newer kehu has migrated: its schema is not ours to write.
    private static func checkSchema(_ db: Database, path: String) throws {
        let migrator = Migrations.migrator
        guard try migrator.hasBeenSuperseded(db) else { return }
        let unknown = try migrator.appliedIdentifiers(db).subtracting(Migrations.knownIdentifiers).sorted()
        throw StoreError.newerSchema(path: path, unknownMigrations: unknown)
    }

    /// Refuses SQLite files made by other programs: their tables are not ours to migrate.
    private static func checkIdentity(_ db: Database, path: String) throws {
        let appID = try Int32(truncatingIfNeeded: Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
        if appID == Migrations.applicationID { return }
        if appID != 0 {
            throw StoreError.notAKehuDatabase(path: path, detail: String(format: "application id 0x%08X belongs to another program", appID))
        }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if !tables.isEmpty {
            throw StoreError.notAKehuDatabase(path: path, detail: "it already holds tables of another program: \(tables.prefix(5).joined(separator: ", "))")
        }
    }

    package static func translate(_ error: Error, path: String) -> Error {
        guard let dbError = error as? DatabaseError else {
            return StoreError.cannotOpen(path: path, detail: String(describing: error))
        }
        switch dbError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.locked(path: path)
        case .SQLITE_NOTADB:
            return StoreError.notAKehuDatabase(path: path, detail: dbError.message ?? "file is not a database")
        case .SQLITE_CORRUPT:
            return StoreError.damaged(path: path, detail: dbError.message ?? "database disk image is malformed")
        case .SQLITE_FULL:
            return StoreError.diskFull(path: path)
        case .SQLITE_READONLY:
            return StoreError.readOnly(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR:
            return StoreError.cannotOpen(path: path, detail: dbError.message ?? "\(dbError.resultCode)")
        default:
            return dbError
        }
    }

    /// Runs `body` in one write transaction; any thrown error rolls everything back.
    /// (On PostgreSQL the transaction is serializable, and run again when a colleague's
    /// concurrent write made the server give it up: what SQLite's one writer guarantees.)
    func write<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try refuseIfDamaged()
        do {
            switch engine {
            case .sqlite(let pool): return try pool.write { db in try body(StoreConnection(sqlite: db)) }
            case .postgres(let connections): return try connections.write(body)
            }
        } catch { throw kehusOwn(error) }
    }

    /// Runs `body` on the writer connection outside a transaction (it opens its own, with
    /// its own kind or settings); the engine's errors come out as kehu's, like `write`'s.
    func writeAlone<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try refuseIfDamaged()
        do {
            switch engine {
            case .sqlite(let pool): return try pool.writeWithoutTransaction { db in try body(StoreConnection(sqlite: db)) }
            case .postgres(let connections): return try connections.alone(body)
            }
        } catch { throw kehusOwn(error) }
    }

    /// Runs `body` on one consistent snapshot of the database.
    package func read<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        do {
            switch engine {
            case .sqlite(let pool):
                if readPlace.onWriter { return try Self.readOnTheWriter(pool) { db in try body(StoreConnection(sqlite: db)) } }
                return try pool.read { db in try body(StoreConnection(sqlite: db)) }
            case .postgres(let connections): return try connections.read(body)
            }
        } catch { throw kehusOwn(error) }
    }

    /// `read` for a body that runs exactly one statement, which sees one snapshot by itself:
    /// on PostgreSQL it is sent without a transaction around it, one round trip instead of
    /// three (a start makes about a dozen such reads, a list window two). The same as `read`
    /// on SQLite. (Checked in debug builds on PostgreSQL.)
    /// `plannedOnce` (PostgreSQL): the statement is planned once for any values and the plan
    /// kept, even where PostgreSQL would plan it again for each run because a plan for the
    /// values at hand looks cheaper (two round trips more, to set that and back).
    package func readOne<T>(plannedOnce: Bool = false, _ body: (StoreConnection) throws -> T) throws -> T {
        guard case .postgres(let connections) = engine else { return try read(body) }
        do { return try connections.readOne(plannedOnce: plannedOnce, body) } catch { throw kehusOwn(error) }
    }

    /// A damaged file is never written to: not even a write that would not reach the
    /// damaged pages (SQLite could still rewrite them, and a backup is the way back).
    private func refuseIfDamaged() throws {
        if let detail = damage.verdict() { throw StoreError.damaged(path: path, detail: detail) }
    }

    /// The engine's error as kehu's; a damaged page met by any statement marks the file.
    private func kehusOwn(_ error: Error) -> Error {
        if isPostgres { return error is StoreError ? error : PostgresErrors.translate(error, address: path) }
        let translated = error is StoreError ? error : KehuDatabase.translate(error, path: path)
        if case StoreError.damaged(_, let detail)? = translated as? StoreError { damage.mark(detail) }
        return translated
    }

    /// The migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Migrations.migrator.appliedIdentifiers(db) }.sorted {
            (Migrations.knownIdentifiers.firstIndex(of: $0) ?? .max) < (Migrations.knownIdentifiers.firstIndex(of: $1) ?? .max)
        }
    }

    /// Copies what the log holds into the database file, without waiting for anyone (a
    /// passive checkpoint: frames a colleague still reads stay in the log). kehu's log is
    /// kept for good and its closing copies nothing, so without this every start read and
    /// checked the whole log since it last began again: megabytes after an import. Done
    /// once a session, after the first frame; the next write then starts the log over.
    /// Nothing to do for a file opened read-only.
    public func copyLogIntoDatabase() {
        guard !isReadOnly, !isPostgres else { return }
        try? pool.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
    }

    /// Closes the connections now rather than when the last reference goes.
    public func close() throws {
        switch engine {
        case .sqlite(let pool): try pool.close()
        case .postgres(let connections): connections.close()
        }
    }
}
