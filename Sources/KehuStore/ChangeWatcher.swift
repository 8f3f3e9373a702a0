import Foundation
import GRDB
import Synchronization

/// Notices commits made by anyone — a colleague's kehu, a command, this process's own
/// store. On SQLite by asking `PRAGMA data_version` on a connection of its own (GRDB's
/// observation sees only this process's writes): one cheap read of a counter SQLite keeps
/// in shared memory, so the screen can ask a few times a second while idle. On PostgreSQL
/// by listening: every kehu write tells the channel `kehu_changes` as it commits, and a
/// connection of the watcher's own hears it. Either way a change is a hint: the screen
/// reads again what it shows.
public final class ChangeWatcher {
    private enum Source {
        case sqlite(DatabaseQueue)
        case postgres(PostgresLink)
    }
    private let source: Source
    private var seen: Int?
    /// Set by the listening connection's thread when a commit was heard.
    private let heard = Flag()

    private final class Flag: Sendable {
        let flag = Mutex(false)
    }

    init(path: String) throws {
        var config = KehuDatabase.configuration(path: path, busyTimeout: 1)
        config.readonly = true
        config.label = "kehu-watcher"
        source = .sqlite(try DatabaseQueue(path: path, configuration: config))
        seen = try? version()
    }

    init(postgres connections: PostgresConnections) throws {
        let heard = self.heard
        source = .postgres(try connections.listener { heard.flag.withLock { $0 = true } })
    }

    private func version() throws -> Int {
        guard case .sqlite(let queue) = source else { return 0 }
        return try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// Whether anything was committed since the last call (false when the file cannot be
    /// read just now: the next call asks again).
    public func hasChanged() -> Bool {
        switch source {
        case .sqlite:
            guard let now = try? version() else { return false }
            defer { seen = now }
            return seen != nil && now != seen
        case .postgres:
            return heard.flag.withLock { was in
                defer { was = false }
                return was
            }
        }
    }

    public func close() {
        switch source {
        case .sqlite(let queue): try? queue.close()
        case .postgres(let link): link.close()
        }
    }
}

extension KehuDatabase {
    /// A watcher on this database, for the screen's live refresh.
    public func changeWatcher() throws -> ChangeWatcher {
        switch engine {
        case .sqlite:
            do { return try ChangeWatcher(path: path) }
            catch { throw KehuDatabase.translate(error, path: path) }
        case .postgres(let connections):
            do { return try ChangeWatcher(postgres: connections) }
            catch { throw PostgresErrors.translate(error, address: path) }
        }
    }
}
