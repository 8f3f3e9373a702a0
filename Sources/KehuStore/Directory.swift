import GRDB
import KehuCore

/// Who the user is, as the status line shows it: name, role, team.
public struct UserProfile: Hashable, Sendable {
    public let user: User
    public let teamName: String?
}

extension KehuDatabase {
    /// The person this door was opened for.
    public func profile() throws -> UserProfile {
        guard let viewer, let profile = try profile(login: viewer.login) else {
            throw StoreError.notFound(table: "users", rowID: viewer?.userID ?? 0)
        }
        return profile
    }

    func profile(login: String) throws -> UserProfile? {
        try readOne { db in
            try StoreRow.fetchOne(db, sql: """
                SELECT u.*, t.name AS teamName FROM users u LEFT JOIN teams t ON t.id = u.teamID
                WHERE u.login = ?
                """, arguments: [login]).map { UserProfile(user: User(row: $0), teamName: $0["teamName"]) }
        }
    }

    /// The people the viewer may know of: everyone for an admin and the general manager,
    /// a manager's region, otherwise one's own team (and oneself).
    public func users() throws -> [User] {
        let (sql, arguments) = visibleUsers()
        return try read { db in
            try StoreRow.fetchAll(db, sql: "SELECT u.* FROM users u WHERE \(sql) ORDER BY u.id", arguments: arguments).map(User.init(row:))
        }
    }

    /// The teams the viewer may know of, as `users()`.
    public func teams() throws -> [Team] {
        let (sql, arguments) = visibleTeams()
        return try read { db in
            try StoreRow.fetchAll(db, sql: "SELECT t.* FROM teams t WHERE \(sql) ORDER BY t.id", arguments: arguments).map(Team.init(row:))
        }
    }

    /// Whether the viewer may know of user `id` (their Today, warnings, maintenance).
    func knowsOf(userID id: Int64) throws -> Bool {
        guard viewer != nil else { return true }
        let (sql, arguments) = visibleUsers()
        return try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM users u WHERE u.id = ? AND \(sql))", arguments: [id] + arguments) ?? false
        }
    }

    /// Whether the viewer looks after a whole team (a salesperson looks after only their own).
    func looksAfter(teamID: Int64) throws -> Bool {
        guard let viewer else { return true }
        switch viewer.scope {
        case .everything: return true
        case .team(let team): return team == teamID
        case .own: return false
        case .region(let region):
            return try read { db in try String.fetchOne(db, sql: "SELECT region FROM teams WHERE id = ?", arguments: [teamID]) } == region
        }
    }

    /// A condition on users aliased `u`.
    func visibleUsers() -> (sql: String, arguments: SQLArguments) {
        guard let viewer else { return ("TRUE", []) }
        switch viewer.scope {
        case .everything: return ("TRUE", [])
        case .region(let region):
            return ("(u.region = ? OR u.teamID IN (SELECT id FROM teams WHERE region = ?) OR u.id = ?)", [region, region, viewer.userID])
        case .team(let team), .own(_, let team?):
            return ("(u.teamID = ? OR u.id = ?)", [team, viewer.userID])
        case .own(let me, nil):
            return ("u.id = ?", [me])
        }
    }

    /// A condition on teams aliased `t`.
    func visibleTeams() -> (sql: String, arguments: SQLArguments) {
        guard let viewer else { return ("TRUE", []) }
        switch viewer.scope {
        case .everything: return ("TRUE", [])
        case .region(let region): return ("t.region = ?", [region])
        case .team(let team), .own(_, let team?): return ("t.id = ?", [team])
        case .own(_, nil): return ("0", [])
        }
    }
}
