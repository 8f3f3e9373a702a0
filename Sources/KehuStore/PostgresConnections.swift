import Foundation
import Synchronization

/// The connections one kehu process keeps to its PostgreSQL database, all as the same
/// login: one is taken for each read or write and handed back after, so a background
/// read (the list's next rows) never waits behind the screen's own.
final class PostgresConnections: Sendable {
    let address: PostgresAddress
    let login: String
    private let home: String
    private let idle = Mutex<[PostgresLink]>([])

    /// How often a write PostgreSQL gave up to stay serializable is tried (two people
    /// registering customers in one city at the same moment collide on its code counter).
    static let attempts = 40

    private init(address: PostgresAddress, login: String, home: String) {
        self.address = address
        self.login = login
        self.home = home
    }

    /// Connects once (so a wrong address or a refused login is told at once) and keeps it.
    static func open(_ address: PostgresAddress, login: String, home: String) throws -> PostgresConnections {
        let connections = PostgresConnections(address: address, login: login, home: home)
        let first = try PostgresLink.open(address, login: login, home: home)
        connections.idle.withLock { $0.append(first) }
        return connections
    }

    /// `body` with a connection of its own; a connection the server closed is not kept.
    func with<T>(_ body: (PostgresLink) throws -> T) throws -> T {
        // Connections the server ended while they waited here are let go (they close).
        var kept = idle.withLock { $0.popLast() }
        while let link = kept, link.isClosed { kept = idle.withLock { $0.popLast() } }
        let link = try kept ?? PostgresLink.open(address, login: login, home: home)
        do {
            let result = try body(link)
            // No batch goes back to the pool unanswered (`PostgresLink.sendPrepared`).
            try link.settle()
            idle.withLock { $0.append(link) }
            return result
        } catch let failure as PostgresLink.Failure {
            // A connection the server ended answers its next statement with the server's
            // last word (57P01) before its socket is seen closed: it is not kept for the
            // next read, which would meet the closed socket.
            if failure.endsConnection { link.close() } else { idle.withLock { $0.append(link) } }
            throw failure
        } catch {
            idle.withLock { $0.append(link) }
            throw error
        }
    }

    /// `body` in one serializable transaction, run again from the start when PostgreSQL
    /// refused it for a colleague's concurrent write (as SQLite's writers wait their turn).
    func write<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try with { link in
            var attempt = 1
            while true {
                do {
                    return try link.transaction(serializable: true) {
                        let result = try body(StoreConnection(postgres: link))
                        try Self.tellListeners(link)
                        return result
                    }
                } catch let failure as PostgresLink.Failure where failure.isSerializationFailure && attempt < Self.attempts {
                    attempt += 1
                    Self.pause(attempt)
                }
            }
        }
    }

    /// The channel every kehu that shows this database listens on: told at each commit
    /// of a write (PostgreSQL sends it once the transaction commits, and only then).
    static let changes = "kehu_changes"

    /// Tells every listening kehu that this transaction wrote (a hint: they read again).
    static func tellListeners(_ link: PostgresLink) throws {
        try link.execute("NOTIFY " + changes)
    }

    /// A connection of its own that hears every kehu's commits, for the live refresh.
    func listener(_ heard: @Sendable @escaping () -> Void) throws -> PostgresLink {
        let link = try PostgresLink.open(address, login: login, home: home)
        try link.listen(Self.changes, heard)
        return link
    }

    /// A short pause before trying a refused transaction again, growing with each attempt
    /// and a little random, so the writers that collided do not collide again.
    static func pause(_ attempt: Int) {
        let step = min(attempt, 8)
        usleep(useconds_t(Int.random(in: 500...1_500) * step * step))
    }

    /// `body` on one snapshot of the database: what it reads holds together.
    func read<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try with { link in try link.transaction(readOnly: true) { try body(StoreConnection(postgres: link)) } }
    }

    /// `body`, which sends exactly one statement, outside any transaction: one statement
    /// sees one snapshot by itself, so the read costs one round trip to the server instead
    /// of three (with `BEGIN` and `COMMIT`).
    /// `plannedOnce`: the statement is planned once for any values (a generic plan) even
    /// when PostgreSQL would plan it again for each (see `KehuDatabase.readOne`).
    func readOne<T>(plannedOnce: Bool = false, _ body: (StoreConnection) throws -> T) throws -> T {
        try with { link in
            if plannedOnce { try link.execute("SET plan_cache_mode = force_generic_plan") }
            let before = link.statementsSent
            let result: T
            do {
                result = try body(StoreConnection(postgres: link))
            } catch {
                if plannedOnce { _ = try? link.execute("RESET plan_cache_mode") }
                throw error
            }
            assert(link.statementsSent - before <= 1, "readOne's body sent \(link.statementsSent - before) statements: use read")
            if plannedOnce { try link.execute("RESET plan_cache_mode") }
            return result
        }
    }

    /// `body` on a connection outside any transaction: it opens its own.
    func alone<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try with { link in try body(StoreConnection(postgres: link)) }
    }

    /// How many connections wait for the next read (for the tests).
    var idleCount: Int { idle.withLock { $0.count } }

    func close() {
        for link in idle.withLock({ links in defer { links.removeAll() }; return links }) { link.close() }
    }
}
