import Foundation
import GRDB
import KehuCore

/// Damage noticed on open, not halfway through someone's work. SQLite reads a damaged
/// page only when a query reaches it, so a damaged file could serve a list and take
/// writes for days. Once a day (the first open of the day), kehu runs SQLite's structural
/// check (`PRAGMA quick_check`: every page and b-tree, about a second at 100,000
/// customers); the screen runs it behind the first frame, commands before their work.
/// A damaged file is then never written to again by this process (`DamageMark`), and any
/// statement that meets a damaged page marks it too.
extension KehuDatabase {
    static let structureCheckedKey = "structure.checkedOn"

    /// Whether today's structural check is still to be run (never on PostgreSQL, which
    /// checks each page as it reads it and keeps its own files).
    public func structureCheckDue(today: LocalDate) throws -> Bool {
        guard !isPostgres else { return false }
        return try setting(Self.structureCheckedKey) != today.description
    }

    /// Runs the structural check on a connection of its own, so the screen's reads go on
    /// meanwhile. Returns what is damaged, and marks the store so it writes nothing more;
    /// nil when the file is whole, recorded for the day when that takes no waiting.
    public func checkStructure(today: LocalDate) -> String? {
        guard !isPostgres else { return nil }
        var config = KehuDatabase.configuration(path: path, busyTimeout: 1)
        config.readonly = true
        config.label = "kehu-structure"
        let found: String?
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            let lines = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(20)") }
            found = lines == ["ok"] ? nil : lines.prefix(3).joined(separator: "; ")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            found = error.message ?? "database disk image is malformed"
        } catch {
            return nil   // not a verdict (locked, gone): the next open tries again
        }
        if let found {
            damage.mark(found)
            return found
        }
        recordStructureChecked(today: today)
        return nil
    }

    /// `checkStructure` on a thread of its own, for the screen: its reads and keys go on
    /// meanwhile (the check reads every page: 12 s at a million customers, a start that
    /// ran it first answered no key until then), while any write waits for the verdict, so
    /// nothing is written to a damaged file. `before` runs on that thread first (a test's
    /// hold). `damage` tells when it is done (`checkUnderWay`) and what it found.
    public func checkStructureBehind(today: LocalDate, before: (@Sendable () -> Void)? = nil) {
        damage.checkBegun()
        let thread = Thread { [self] in
            before?()
            _ = checkStructure(today: today)
            damage.checkSettled()
        }
        thread.name = "kehu-structure-check"
        thread.start()
    }

    /// Notes the day's check done, only if no one else is writing this instant: a
    /// report must never wait for a colleague's import for this.
    private func recordStructureChecked(today: LocalDate) {
        guard !isReadOnly else { return }
        var config = KehuDatabase.configuration(path: path, busyTimeout: 0)
        config.busyMode = .immediateError
        config.label = "kehu-structure-record"
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return }
        defer { try? queue.close() }
        try? queue.write { db in
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [Self.structureCheckedKey, today.description])
        }
    }
}

/// What damage this open file has shown, shared by every store on it: once set, every
/// write is refused before it starts. While the day's check runs behind the screen, a
/// write waits for its verdict (reads go on).
public final class DamageMark: @unchecked Sendable {
    private let condition = NSCondition()
    private var found: String?
    private var checking = false
    private var listener: (@Sendable () -> Void)?

    public var detail: String? { condition.withLock { found } }

    /// Whether the day's check is running behind the screen (writes wait meanwhile).
    public var checkUnderWay: Bool { condition.withLock { checking } }

    func mark(_ detail: String) {
        condition.withLock { if found == nil { found = detail } }
    }

    /// Called (on the waiting write's thread, before it waits) when a write must wait for
    /// the day's check to finish.
    public func onWaitingForCheck(_ listener: (@Sendable () -> Void)?) {
        condition.withLock { self.listener = listener }
    }

    func checkBegun() { condition.withLock { checking = true } }

    func checkSettled() {
        condition.withLock {
            checking = false
            condition.broadcast()
        }
    }

    /// The damage found, once no check is under way (waited for, if one is).
    func verdict() -> String? {
        condition.lock()
        defer { condition.unlock() }
        if checking, let listener {
            condition.unlock()
            listener()
            condition.lock()
        }
        while checking { condition.wait() }
        return found
    }
}
