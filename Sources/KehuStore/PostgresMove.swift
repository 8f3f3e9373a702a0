import Foundation
import GRDB
import KehuCore
import KehuHost

/// What `kehu migrate --to` copied: each table's rows and the checksum both engines gave.
public struct PostgresMoveReport: Hashable, Sendable {
    public struct Table: Hashable, Sendable {
        public let name: String
        public let rows: Int
        /// SHA-256 of the table's rows in key order, as read back from PostgreSQL (the
        /// same as SQLite's, or the move would have been rolled back).
        public let checksum: String
    }
    public let address: String
    public let tables: [Table]
    /// The login roles made for kehu's users (those the server had already are not listed).
    public let loginsMade: [String]
}

/// Why a move to PostgreSQL did not happen; nothing was written to the target.
public enum PostgresMoveProblem: Error, Equatable, Sendable {
    case cannotConnect(address: String, detail: String)
    /// The target database already holds kehu's tables with rows in them.
    case targetNotEmpty(address: String)
    /// The target does not keep text as kehu needs: UTF-8, with a character type that
    /// knows Chinese characters for letters (`C.UTF-8`, not `C`), or search cannot index them.
    case targetTextSettings(address: String, encoding: String, characterType: String)
    /// A newer kehu migrated the target.
    case targetNewer(address: String, versions: [Int])
    /// The login may not make kehu's roles and schema there.
    case notAllowed(address: String, detail: String)
    /// A table came back different from what was sent (rows or checksum).
    case verificationFailed(table: String, detail: String)
    /// PostgreSQL refused a row or statement (a reference SQLite did not enforce, say).
    case refused(table: String, detail: String)
}

extension KehuDatabase {
    /// Copies this whole database into the PostgreSQL database at `address`, as `login`
    /// (the kernel's), in one transaction there: kehu's roles and schema are made, every
    /// table is copied with its ids, the identity counters are moved past them, a login
    /// role is made for each user, and each table is read back and compared with SQLite's,
    /// row count and SHA-256 of its rows in key order. Any difference rolls all of it back.
    /// Admins only; SQLite is only read (one snapshot, while others keep working).
    public func moveToPostgres(_ address: PostgresAddress, as login: VerifiedLogin, at now: LocalDateTime,
                               progress: ((_ table: String, _ done: Int, _ of: Int) -> Void)? = nil) throws -> PostgresMoveReport {
        try require([.admin])
        let link: PostgresLink
        do {
            link = try PostgresLink.open(address, login: login.name, home: login.home ?? "/nonexistent")
        } catch {
            throw PostgresMoveProblem.cannotConnect(address: address.shown, detail: String(describing: error))
        }
        defer { link.close() }
        let applied = try? PostgresMigrations.applied(link)
        if let newer = applied?.filter({ $0 > PostgresMigrations.schemaVersion }), !newer.isEmpty {
            throw PostgresMoveProblem.targetNewer(address: address.shown, versions: newer)
        }
        if let applied, !applied.isEmpty,
           try link.flag("SELECT EXISTS (SELECT 1 FROM kehu.users) OR EXISTS (SELECT 1 FROM kehu.customers)") {
            throw PostgresMoveProblem.targetNotEmpty(address: address.shown)
        }
        let text = try link.rows("SELECT pg_encoding_to_char(encoding), datctype FROM pg_database WHERE datname = current_database()").first
        if let text, case .string(let encoding) = text[0].storage, case .string(let characterType) = text[1].storage,
           encoding != "UTF8" || ["C", "POSIX"].contains(characterType) {
            throw PostgresMoveProblem.targetTextSettings(address: address.shown, encoding: encoding, characterType: characterType)
        }
        var problem: PostgresMoveProblem?
        let report = try pool.read { db -> PostgresMoveReport? in
            do {
                let tables = try Self.movedTables(db)
                return try link.transaction {
                    try PostgresMigrations.migrate(link, at: now.description, inTransaction: true)
                    let users = try String.fetchAll(db, sql: "SELECT login FROM users ORDER BY id")
                    let made = try users.filter { try link.value("SELECT 1 FROM pg_roles WHERE rolname = $1", [$0.databaseValue]) == nil }
                    try PostgresMigrations.addLogins(link, users)
                    let copied = try PostgresMigrations.asOwner(link) {
                        try copy(tables, from: db, to: link, progress: progress)
                    }
                    return PostgresMoveReport(address: address.shown, tables: copied, loginsMade: made)
                }
            } catch let found as PostgresMoveProblem {
                problem = found
            } catch PostgresMigrations.Problem.newer(let versions) {
                problem = .targetNewer(address: address.shown, versions: versions)
            } catch PostgresMigrations.Problem.notAllowed(let detail) {
                problem = .notAllowed(address: address.shown, detail: detail)
            } catch let failure as PostgresLink.Failure {
                problem = .refused(table: "", detail: failure.description)
            }
            return nil
        }
        guard let report else { throw problem ?? PostgresMoveProblem.refused(table: "", detail: "") }
        // The planner's statistics of the tables just filled, before anyone opens them:
        // without them its first guesses are an empty database's (the evening queue took
        // 1.4 s instead of 0.4, a duplicate check 95 ms instead of 3, until the server's
        // own analysis came round). The database's owner may analyse every table in it.
        _ = try? link.execute("ANALYZE")
        return report
    }

    /// A table to copy: its columns in SQLite's order and the columns of its key.
    struct MovedTable {
        let name: String
        let columns: [String]
        let key: [String]
        let identity: Bool
    }

    /// Every table of kehu's schema but SQLite's own and the full-text indexes (PostgreSQL
    /// searches the lines themselves), parents before the rows that refer to them.
    static func movedTables(_ db: Database) throws -> [MovedTable] {
        let order = PostgresMigrations.v16TableNames
        var tables: [MovedTable] = []
        for name in order {
            let columns = try db.columns(in: name)
            let key = try db.primaryKey(name).columns
            tables.append(MovedTable(name: name, columns: columns.map(\.name), key: key,
                                     identity: key == ["id"] && !["customerTotal", "leadVerdicts"].contains(name)
                                        && !name.hasPrefix("search")))
        }
        let known = Set(order)
        let others = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
            AND name NOT LIKE 'search%Index%'
            """).filter { !known.contains($0) }
        // A table this kehu does not know is a newer schema's: refuse rather than drop it.
        if let other = others.first { throw PostgresMoveProblem.refused(table: other, detail: "not in kehu's schema v\(PostgresMigrations.schemaVersion)") }
        return tables
    }

    private func copy(_ tables: [MovedTable], from db: Database, to link: PostgresLink,
                      progress: ((String, Int, Int) -> Void)?) throws -> [PostgresMoveReport.Table] {
        // Derived data is copied as it is, not made again by the triggers row by row; and
        // COPY takes no rows under row-level security, so the owner is exempt meanwhile
        // (inside this transaction: nobody else ever sees a table without it).
        for table in tables {
            try link.execute("ALTER TABLE \(table.name) DISABLE TRIGGER USER")
            try link.execute("ALTER TABLE \(table.name) NO FORCE ROW LEVEL SECURITY")
        }
        try link.execute("DELETE FROM customerTotal")
        // teams and users refer to each other: a team's supervisor is set once users are in.
        let deferred = ["teams": ["supervisorID"]]
        var sent: [String: (rows: Int, sum: String)] = [:]
        for table in tables {
            sent[table.name] = try insert(table, from: db, to: link, leavingOut: deferred[table.name] ?? [], progress: progress)
        }
        for (table, columns) in deferred {
            for column in columns {
                try refused(table) {
                    try link.execute("""
                        UPDATE \(table) t SET \(column) = v.value FROM (SELECT unnest($1::bigint[]) AS id, unnest($2::bigint[]) AS value) v
                        WHERE t.id = v.id
                        """, try Self.pairs(db, table: table, column: column))
                }
            }
        }
        for table in tables where table.identity {
            try link.execute("""
                SELECT setval(pg_get_serial_sequence('kehu.\(table.name)', 'id'), coalesce(max(id), 0) + 1, false) FROM \(table.name)
                """)
        }
        for table in tables {
            try link.execute("ALTER TABLE \(table.name) ENABLE TRIGGER USER")
            try link.execute("ALTER TABLE \(table.name) FORCE ROW LEVEL SECURITY")
        }
        var report: [PostgresMoveReport.Table] = []
        for table in tables {
            let copied = try checksum(of: table, on: link), original = sent[table.name]!
            guard copied.rows == original.rows, copied.sum == original.sum else {
                throw PostgresMoveProblem.verificationFailed(
                    table: table.name,
                    detail: "rows \(original.rows) → \(copied.rows), sha256 \(original.sum.prefix(12)) → \(copied.sum.prefix(12))")
            }
            report.append(.init(name: table.name, rows: copied.rows, checksum: copied.sum))
        }
        return report
    }

    /// One table's rows streamed with COPY in key order; returns how many there were and
    /// their checksum as SQLite holds them.
    private func insert(_ table: MovedTable, from db: Database, to link: PostgresLink, leavingOut deferred: [String],
                        progress: ((String, Int, Int) -> Void)?) throws -> (rows: Int, sum: String) {
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
        progress?(table.name, 0, total)
        let width = table.columns.count
        let left = Set(deferred.compactMap { table.columns.firstIndex(of: $0) })
        var done = 0
        var sum = Checksum()
        try refused(table.name) {
            try link.copy(into: table.name, columns: table.columns) { send in
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.key.joined(separator: ", "))
                    """)
                var values: [DatabaseValue] = []
                var chunk = ""
                chunk.reserveCapacity(300_000)
                while let row = try cursor.next() {
                    values.removeAll(keepingCapacity: true)
                    for index in 0..<width {
                        let value = row[index] as DatabaseValue
                        values.append(value)
                        if index > 0 { chunk += "\t" }
                        CopyText.append(left.contains(index) ? .null : value, to: &chunk)
                    }
                    chunk += "\n"
                    sum.add(values)
                    done += 1
                    if chunk.utf8.count >= 256_000 {
                        try send(chunk)
                        chunk.removeAll(keepingCapacity: true)
                        progress?(table.name, done, total)
                    }
                }
                if !chunk.isEmpty { try send(chunk) }
            }
        }
        progress?(table.name, done, total)
        return (done, sum.hex)
    }

    /// PostgreSQL's refusal of a table's rows, named as such.
    private func refused(_ table: String, _ body: () throws -> Void) throws {
        do { try body() } catch let failure as PostgresLink.Failure {
            throw PostgresMoveProblem.refused(table: table, detail: failure.description)
        }
    }

    /// A team's deferred column as two arrays (ids, values) in PostgreSQL's array text.
    private static func pairs(_ db: Database, table: String, column: String) throws -> [DatabaseValue] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, \(column) FROM \(table) WHERE \(column) IS NOT NULL ORDER BY id")
        let ids = rows.map { String($0[0] as Int64) }, values = rows.map { String($0[1] as Int64) }
        return ["{" + ids.joined(separator: ",") + "}", "{" + values.joined(separator: ",") + "}"].map { $0.databaseValue }
    }

    /// A table read back from PostgreSQL in key order, a few thousand rows at a time.
    private func checksum(of table: MovedTable, on link: PostgresLink) throws -> (rows: Int, sum: String) {
        try link.execute("""
            DECLARE moved NO SCROLL CURSOR FOR SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name)
            ORDER BY \(table.key.joined(separator: ", "))
            """)
        defer { _ = try? link.execute("CLOSE moved") }
        var sum = Checksum(), rows = 0
        while true {
            let page = try link.rows("FETCH 5000 FROM moved")
            if page.isEmpty { break }
            for row in page { sum.add(row) }
            rows += page.count
        }
        return (rows, sum.hex)
    }
}
