import Foundation
import KehuCore
import KehuHost

/// The door to a kehu database on a PostgreSQL server: connected as the person the kernel
/// names (the server checks it: peer authentication on its socket, a password or a
/// certificate over TCP), scoped as on SQLite, and, beneath that, held by the server's
/// own row-level security to what that person's role may see.
extension KehuDatabase {
    /// The database at `address` for `login`, who must be an active user of it.
    public static func open(postgres address: PostgresAddress, as login: VerifiedLogin) throws -> KehuDatabase {
        let database = try open(postgres: address, login: login.name, home: login.home ?? "/", create: false)
        return try database.door(for: login.name)
    }

    /// The database at `address` for no one in particular (tests, the demo writer),
    /// connected as `login`; with `create`, a database without kehu's schema gets it
    /// (which takes a login allowed to make roles, as `kehu migrate` does).
    package static func open(postgres address: PostgresAddress, login: String, home: String, create: Bool,
                     now: LocalDateTime? = nil) throws -> KehuDatabase {
        let shown = address.shown
        let connections: PostgresConnections
        do { connections = try PostgresConnections.open(address, login: login, home: home) }
        catch { throw PostgresErrors.translate(error, address: shown) }
        var found: [Int] = []
        do {
            try connections.with { link in
                let applied = try PostgresMigrations.appliedAtOpening(link)
                found = applied
                let newer = applied.filter { $0 > PostgresMigrations.schemaVersion }
                if !newer.isEmpty {
                    throw StoreError.newerSchema(path: shown, unknownMigrations: newer.map { "v\($0)" })
                }
                if applied.isEmpty && !create {
                    throw StoreError.notAKehuDatabase(path: shown, detail: "it holds no kehu schema (an admin moves a team in with kehu migrate)")
                }
                if applied.count < PostgresMigrations.migrations.count {
                    try link.transaction {
                        try PostgresMigrations.migrate(link, at: now?.description ?? Self.minuteNow(), inTransaction: true)
                        // A database made here rather than moved in starts as a new file does.
                        if applied.isEmpty { try PostgresMigrations.asOwner(link) { try PostgresMigrations.seedNew(link) } }
                    }
                }
            }
        } catch {
            connections.close()
            if case .notAllowed? = error as? PostgresMigrations.Problem, let last = found.last {
                // A newer kehu meets the schema an older one left, opened by someone who
                // may not change it.
                throw StoreError.cannotOpen(path: shown, detail: "its kehu schema is v\(last) and this kehu needs "
                    + "v\(PostgresMigrations.schemaVersion): the database's owner (an admin) opens it once with this kehu to bring it up to date")
            }
            if let problem = error as? PostgresMigrations.Problem {
                throw StoreError.cannotOpen(path: shown, detail: "\(problem)")
            }
            throw PostgresErrors.translate(error, address: shown)
        }
        return KehuDatabase(path: shown, engine: .postgres(connections), lockWait: LockWait(timeout: defaultBusyTimeout), damage: DamageMark())
    }

    /// This minute as kehu stores moments ("2026-12-01 17:30", local time).
    private static func minuteNow() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date())
    }

    /// Makes a new, empty database on the server of `address` (as kehu wants them: UTF-8,
    /// byte order, Chinese characters as letters), as `login`, who must be allowed to
    /// (the benchmarks' throw-away cluster).
    package static func makePostgresDatabase(_ name: String, near address: PostgresAddress, login: String, home: String) throws {
        try onServer(of: address, login: login, home: home,
                     "CREATE DATABASE \(name) ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0")
    }

    /// Drops a database `makePostgresDatabase` made (its connections ended first).
    package static func dropPostgresDatabase(_ name: String, near address: PostgresAddress, login: String, home: String) throws {
        try onServer(of: address, login: login, home: home, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs `sql` on the server's own `postgres` database.
    private static func onServer(of address: PostgresAddress, login: String, home: String, _ sql: String) throws {
        var server = address
        server.database = "postgres"
        let link = try PostgresLink.open(server, login: login, home: home)
        defer { link.close() }
        try link.execute(sql)
    }

    /// A new, empty kehu database made at `address` (which must name a database with no
    /// kehu schema yet) whose only user is `admin`, for the connecting login (the
    /// benchmarks' imports; a company's database comes from `kehu migrate`).
    package static func create(postgres address: PostgresAddress, admin: String, home: String, clock: any Clock) throws -> KehuDatabase {
        let database = try open(postgres: address, login: admin, home: home, create: true, now: clock.now)
        try database.add(User(login: admin, displayName: admin, role: .admin), by: Actor(login: admin, clock: clock))
        return try database.door(for: admin)
    }
}
