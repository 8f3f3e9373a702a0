import Foundation
import GRDB

/// Notices commits made by anyone — a colleague's kehu, a command, this process's own
/// store — by asking SQLite's `PRAGMA data_version` on a connection of its own: GRDB's
/// observation sees only this process's writes. Asking is one cheap read of a counter
/// SQLite keeps in shared memory, so the screen can ask a few times a second while idle.
public final class ChangeWatcher {
    private let queue: DatabaseQueue
    private var seen: Int?

    init(path: String) throws {
        var config = KehuDatabase.configuration(path: path, busyTimeout: 1)
        config.readonly = true
        config.label = "kehu-watcher"
        queue = try DatabaseQueue(path: path, configuration: config)
        seen = try? version()
    }

    private func version() throws -> Int {
        try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// Whether anything was committed since the last call (false when the file cannot be
    /// read just now: the next call asks again).
    public func hasChanged() -> Bool {
        guard let now = try? version() else { return false }
        defer { seen = now }
        return seen != nil && now != seen
    }

    public func close() { try? queue.close() }
}

extension KehuDatabase {
    /// A watcher on this database's file, for the screen's live refresh.
    public func changeWatcher() throws -> ChangeWatcher {
        do { return try ChangeWatcher(path: path) }
        catch { throw KehuDatabase.translate(error, path: path) }
    }
}
