import Foundation
import GRDB
import KehuCore
import KehuHost

/// The one way into a kehu database from outside the store: opened for the person the
/// kernel names, and scoped to what that person's role lets them see. Nothing public
/// hands out an unscoped store; `open(path:create:)` and `scoped(to:)` are internal,
/// used by the store itself (company rules, the demo writer) and by the package's tests.
extension KehuDatabase {
    /// The database at `path` for `login`, who must be an active user of it.
    /// `forScreen`: the customer screen's store, whose reads run on the connection open
    /// already until its first frame is drawn (`firstScreenDrawn()`).
    public static func open(path: String, as login: VerifiedLogin,
                            busyTimeout: TimeInterval = defaultBusyTimeout, forScreen: Bool = false) throws -> KehuDatabase {
        let database = try open(path: path, create: false, busyTimeout: busyTimeout, readingOnTheWriter: forScreen)
        return try database.door(for: login.name)
    }

    /// Opens the database at `path`, creating it first when there is none; the person
    /// who creates a database is its first admin (a single user's own file).
    public static func openCreating(path: String, as login: VerifiedLogin, clock: any Clock,
                                    busyTimeout: TimeInterval = defaultBusyTimeout, forScreen: Bool = false) throws -> KehuDatabase {
        let database = try open(path: path, create: true, busyTimeout: busyTimeout, readingOnTheWriter: forScreen)
        try database.adoptFirstAdmin(login.name, clock: clock)
        return try database.door(for: login.name)
    }

    /// A new, empty database at `path` whose only user is `admin` (the installer names
    /// the admin of a shared database). Refuses a file that holds users already.
    public static func create(path: String, admin: String, displayName: String? = nil, clock: any Clock) throws -> KehuDatabase {
        let database = try open(path: path, create: true)
        guard try database.read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0 }) == 0 else {
            throw StoreError.cannotOpen(path: path, detail: "it is a kehu database with users already")
        }
        try database.add(User(login: admin, displayName: displayName ?? admin, role: .admin), by: Actor(login: admin, clock: clock))
        return try database.door(for: admin)
    }

    /// The store scoped to one active user.
    func door(for login: String) throws -> KehuDatabase {
        // The person and their team's name in one read: the first screen shows both.
        guard let profile = try profile(login: login), profile.user.active else { throw StoreError.unknownUser(login: login, path: path) }
        return KehuDatabase(path: path, engine: engine, viewer: Viewer(profile.user), lockWait: lockWait, damage: damage,
                            readPlace: readPlace, profileAtOpening: profile)
    }

    /// An empty database takes its first login as its admin.
    func adoptFirstAdmin(_ login: String, clock: any Clock) throws {
        // Asked with a read first: a write transaction takes the write lock even to look,
        // and every command would wait for a colleague's import just to open.
        guard try read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0 }) == 0 else { return }
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM users") == 0 else { return }
            try RecordWriter.insert(db, table: "users", values: User(login: login, displayName: login, role: .admin).columnValues,
                                    actor: login, at: clock.now)
        }
    }

    /// Who this store is for (nil only inside the store and its tests).
    public var viewerLogin: String? { viewer?.login }

    /// An admin's look through someone else's eyes (`kehu --as LOGIN`): the same door
    /// scoped to that person. Anyone but an admin is refused.
    public func viewing(as login: String) throws -> KehuDatabase {
        try requireAdmin()
        return try door(for: login)
    }

    /// The same door narrowed to one team, for `--team` on reports: a team within what
    /// the viewer may see (a manager's region, a supervisor's own team), else refused.
    /// A salesperson stays limited to their own customers.
    public func narrowed(toTeam teamID: Int64) throws -> KehuDatabase {
        guard let viewer else { return self }
        guard let team = try read({ db in try StoreRow.fetchOne(db, sql: "SELECT * FROM teams WHERE id = ?", arguments: [teamID]) }).map(Team.init(row:)) else {
            throw StoreError.notFound(table: "teams", rowID: teamID)
        }
        switch viewer.scope {
        case .everything: break
        case .region(let region): guard team.region == region else { throw StoreError.refused(.roleMayNot) }
        case .team(let own), .own(_, let own?): guard own == teamID else { throw StoreError.refused(.roleMayNot) }
        case .own(_, nil): throw StoreError.refused(.roleMayNot)
        }
        if viewer.role == .salesperson { return self }
        return scoped(to: Viewer(User(id: viewer.userID, login: viewer.login, displayName: "", role: .supervisor, teamID: teamID)))
    }

    /// Refuses everyone but an admin (user and team management, backup, purge, check).
    func requireAdmin() throws {
        if let viewer, viewer.role != .admin { throw StoreError.refused(.roleMayNot) }
    }

    /// Refuses roles not in `roles`.
    func require(_ roles: Set<Role>) throws {
        if let viewer, !roles.contains(viewer.role) { throw StoreError.refused(.roleMayNot) }
    }
}
