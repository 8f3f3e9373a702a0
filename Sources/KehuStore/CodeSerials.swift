import GRDB
import KehuCore

/// Serial numbers of customer codes, one run per code prefix (粤GZ). Taken inside the
/// caller's write transaction: SQLite lets one writer in at a time, and PostgreSQL's
/// writes are serializable (the second of two writers taking the same prefix is run
/// again), so two kehu processes creating customers in the same city get consecutive
/// serials, never the same one, and no serial is skipped.
package enum CodeSerials {
    /// The next serial for `prefix`, recorded as taken.
    static func take(_ db: StoreConnection, prefix: String) throws -> Int {
        let next = (try Int.fetchOne(db.cachedStatement(sql: "SELECT lastSerial FROM codeSerials WHERE prefix = ?"), arguments: [prefix]) ?? 0) + 1
        try db.cachedStatement(sql: """
            INSERT INTO codeSerials(prefix, lastSerial) VALUES (?, ?)
            ON CONFLICT(prefix) DO UPDATE SET lastSerial = excluded.lastSerial
            """).execute(arguments: [prefix, next])
        return next
    }

    /// The last serial given out for `prefix` (0 when none).
    static func last(_ db: StoreConnection, prefix: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT lastSerial FROM codeSerials WHERE prefix = ?"), arguments: [prefix]) ?? 0
    }

    /// Records that `serial` is in use, so the counter never hands it out again.
    static func hold(_ db: StoreConnection, prefix: String, serial: Int) throws {
        try db.execute(sql: """
            INSERT INTO codeSerials(prefix, lastSerial) VALUES (?, ?)
            ON CONFLICT(prefix) DO UPDATE SET lastSerial = max(codeSerials.lastSerial, excluded.lastSerial)
            """, arguments: [prefix, serial])
    }

    /// Sets every prefix's counter to the highest serial in use among current and former
    /// codes: for the migration that brings the counters, and after demo data is written.
    package static func backfill(_ db: StoreConnection) throws {
        var highest: [String: Int] = [:]
        let codes = try String.fetchAll(db, sql: "SELECT code FROM customers UNION ALL SELECT oldValue FROM auditLog WHERE tableName = 'customers' AND field = 'code' AND oldValue IS NOT NULL")
        for code in codes {
            guard let parts = CustomerCode.parse(code) else { continue }
            highest[parts.prefix] = max(highest[parts.prefix] ?? 0, parts.serial)
        }
        for (prefix, serial) in highest { try hold(db, prefix: prefix, serial: serial) }
    }
}
