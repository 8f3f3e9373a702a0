import GRDB
import KehuCore

/// Who the user is, as the status line shows it: name, role, team.
public struct UserProfile: Hashable, Sendable {
    public let user: User
    public let teamName: String?
}

extension KehuDatabase {
    public func profile(login: String) throws -> UserProfile? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT u.*, t.name AS teamName FROM users u LEFT JOIN teams t ON t.id = u.teamID
                WHERE u.login = ?
                """, arguments: [login]).map { UserProfile(user: User(row: $0), teamName: $0["teamName"]) }
        }
    }

    public func users() throws -> [User] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY id").map(User.init(row:)) }
    }

    public func teams() throws -> [Team] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM teams ORDER BY id").map(Team.init(row:)) }
    }
}
