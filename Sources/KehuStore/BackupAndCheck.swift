import Foundation
import GRDB
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
    /// A consistent copy of the whole database at `destination` while others keep working
    /// (SQLite's online backup inside one read transaction). Written beside the
    /// destination and renamed into place, so a copy is never left half-written; an
    /// existing file is never overwritten.
    public func backup(to destination: String) throws {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: destination) else {
            throw StoreError.cannotOpen(path: destination, detail: "a file is already there; kehu will not overwrite it")
        }
        let partial = destination + ".partial"
        for suffix in ["", "-journal", "-wal", "-shm"] { try? fm.removeItem(atPath: partial + suffix) }
        do {
            let copy = try DatabaseQueue(path: partial)
            try pool.backup(to: copy)
            try copy.close()
            try fm.moveItem(atPath: partial, toPath: destination)
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? fm.removeItem(atPath: partial + suffix) }
            if let storeError = error as? StoreError { throw storeError }
            throw KehuDatabase.translate(error, path: destination)
        }
    }

    /// SQLite's integrity and foreign-key checks, and kehu's own: every code well formed,
    /// every code counter ahead of the serials in use. Empty when all is well.
    public func check() throws -> [HealthProblem] {
        try read { db in
            var problems: [HealthProblem] = []
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                problems.append(.integrity(line))
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append(.danglingReference(table: row[0], rowID: row[1] ?? 0, parent: row[2]))
            }
            var highest: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, code FROM customers") {
                let code: String = row["code"]
                guard let parts = CustomerCode.parse(code) else {
                    problems.append(.malformedCode(customerID: row["id"], code: code))
                    continue
                }
                highest[parts.prefix] = max(highest[parts.prefix] ?? 0, parts.serial)
            }
            let counters = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT prefix, lastSerial FROM codeSerials").map {
                ($0["prefix"] as String, $0["lastSerial"] as Int)
            })
            for (prefix, serial) in highest.sorted(by: { $0.key < $1.key }) where (counters[prefix] ?? 0) < serial {
                problems.append(.serialBehind(prefix: prefix, counter: counters[prefix] ?? 0, highest: serial))
            }
            return problems
        }
    }
}
