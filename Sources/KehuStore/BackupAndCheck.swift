import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif
import KehuCore

/// Something `kehu check` found wrong, in words.
public enum HealthProblem: Hashable, Sendable {
    /// A line of SQLite's own integrity check (damaged pages, broken indexes).
    case integrity(String)
    /// A row pointing at a row that does not exist.
    case danglingReference(table: String, rowID: Int64, parent: String)
    /// A customer code that does not have the archive's shape.
    case malformedCode(customerID: Int64, code: String)
    /// A code prefix whose counter is below a serial already in use.
    case serialBehind(prefix: String, counter: Int, highest: Int)
}

extension KehuDatabase {
    /// A consistent copy of the whole database as the bytes of a SQLite file, taken while
    /// others keep working (SQLite's online backup into memory). The caller writes it with
    /// the user's own rights, so an installed kehu's group privilege never opens the
    /// target. Admins only: it holds every customer.
    /// `progress` hears the pages copied of the pages there are.
    public func backupImage(progress: ((Int, Int) -> Void)? = nil) throws -> Data {
        try requireAdmin()
        do {
            let copy = try DatabaseQueue()
            // In steps, inside one read: the copy is still of one moment.
            try pool.backup(to: copy, pagesPerStep: 1024) { step in progress?(step.completedPageCount, step.totalPageCount) }
            return try copy.inDatabase { db -> Data in
                var size: sqlite3_int64 = 0
                guard let bytes = sqlite3_serialize(db.sqliteConnection, "main", &size, 0) else {
                    throw StoreError.cannotOpen(path: path, detail: "not enough memory for a copy")
                }
                defer { sqlite3_free(bytes) }
                return Data(bytes: bytes, count: Int(size))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw KehuDatabase.translate(error, path: path)
        }
    }

    /// SQLite's integrity and foreign-key checks (on a file), and kehu's own: every code well formed,
    /// every code counter ahead of the serials in use. Empty when all is well.
    /// Admins only: the check reads every customer.
    public func check() throws -> [HealthProblem] {
        try requireAdmin()
        return try read { db in
            var problems: [HealthProblem] = []
            // PostgreSQL keeps its references itself and checks its pages as it reads
            // them; kehu's own checks below hold on both engines.
            if !db.isPostgres {
                for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                    problems.append(.integrity(line))
                }
                // A damaged file is named by SQLite's lines; reading its rows for kehu's own
                // checks would only stop at the damaged page and hide those lines.
                if !problems.isEmpty { return problems }
                for row in try StoreRow.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                    problems.append(.danglingReference(table: row[0], rowID: row[1] ?? 0, parent: row[2]))
                }
            }
            var highest: [String: Int] = [:]
            for row in try StoreRow.fetchAll(db, sql: "SELECT id, code FROM customers") {
                let code: String = row["code"]
                guard let parts = CustomerCode.parse(code) else {
                    problems.append(.malformedCode(customerID: row["id"], code: code))
                    continue
                }
                highest[parts.prefix] = max(highest[parts.prefix] ?? 0, parts.serial)
            }
            let counters = Dictionary(uniqueKeysWithValues: try StoreRow.fetchAll(db, sql: "SELECT prefix, lastSerial FROM codeSerials").map {
                ($0["prefix"] as String, $0["lastSerial"] as Int)
            })
            for (prefix, serial) in highest.sorted(by: { $0.key < $1.key }) where (counters[prefix] ?? 0) < serial {
                problems.append(.serialBehind(prefix: prefix, counter: counters[prefix] ?? 0, highest: serial))
            }
            return problems
        }
    }
}
