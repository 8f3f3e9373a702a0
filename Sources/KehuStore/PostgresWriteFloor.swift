import Foundation
import GRDB

/// How long PostgreSQL itself takes to write what an import wrote: the floor under any
/// import into it, however its client sends the rows. For the benchmark, which sets kehu's
/// import beside it (issue 20 asks PostgreSQL's import to come within 2× of SQLite's).
///
/// The rows the import left (customers, contacts, their three search lines, the audit
/// records) are copied by the server alone, `INSERT … SELECT`, into new tables made like
/// theirs (`LIKE … INCLUDING ALL`: the same columns and the same indexes, GIN ones
/// included; no foreign keys, triggers or row-level security, which only cost more). No
/// statement per row, no values sent, nothing parsed: only the writing of the rows, their
/// write-ahead log and their indexes. Twice: with the indexes kept as the rows go in (as
/// every import on PostgreSQL keeps them), and with the indexes made after (as a large
/// SQLite import does; on PostgreSQL that would lock every colleague out of the customers
/// until the commit). All in one transaction, rolled back: nothing is left behind.
package struct PostgresWriteFloor: Sendable {
    /// Milliseconds with the indexes kept as the rows go in.
    package var indexesKept: Double
    /// Milliseconds with the indexes made after the rows (writing, then making them).
    package var indexesMadeAfter: Double
    /// Of `indexesMadeAfter`, the milliseconds spent making the indexes.
    package var makingIndexes: Double
    /// The rows each way wrote (every row of the tables an import writes).
    package var rows: Int

    /// The tables an import writes, in the order their rows go in.
    static let tables = ["customers", "contacts", "searchHan", "searchLatin", "searchDigits", "auditLog"]

    /// Measures the database at `address` as it is now (just after an import), as `login`,
    /// who must be a superuser (the benchmarks' throw-away cluster): row-level security
    /// would hide rows from anyone else.
    package static func measure(_ address: PostgresAddress, login: String, home: String) throws -> PostgresWriteFloor {
        let link = try PostgresLink.open(address, login: login, home: home)
        defer { link.close() }
        _ = try link.execute("BEGIN")
        defer { try? link.rollback() }
        let kept = try copyTables(link, suffix: "_floorkept", indexesAfter: false)
        let after = try copyTables(link, suffix: "_floorafter", indexesAfter: true)
        return PostgresWriteFloor(indexesKept: kept.total, indexesMadeAfter: after.total, makingIndexes: after.indexes, rows: kept.rows)
    }

    /// Copies each table into a new one named with `suffix`; the milliseconds of the
    /// copying statements alone (making the empty tables is not counted), and the rows copied.
    private static func copyTables(_ link: PostgresLink, suffix: String, indexesAfter: Bool) throws -> (total: Double, indexes: Double, rows: Int) {
        var total = 0.0, indexes = 0.0, copied = 0
        var definitions: [String] = []
        for table in tables {
            let copy = table + suffix
            _ = try link.execute("CREATE TABLE \(copy) (LIKE \(table) INCLUDING ALL)")
            guard indexesAfter else { continue }
            // The copy's own indexes (named for it by PostgreSQL), those behind a key aside:
            // a primary key or UNIQUE is checked as each row goes in, on SQLite too.
            let rows = try link.rows("""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                """, [copy.lowercased().databaseValue])
            for row in rows {
                guard let name = String.fromDatabaseValue(row[0]), let definition = String.fromDatabaseValue(row[1]) else { continue }
                _ = try link.execute("DROP INDEX \(name)")
                definitions.append(definition)
            }
        }
        for table in tables {
            total += try milliseconds { copied += try link.execute("INSERT INTO \(table + suffix) SELECT * FROM \(table)") }
        }
        for definition in definitions {
            indexes += try milliseconds { _ = try link.execute(definition) }
        }
        return (total + indexes, indexes, copied)
    }

    private static func milliseconds(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }
}
