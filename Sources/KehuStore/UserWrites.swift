import GRDB
import KehuCore

extension KehuDatabase {
    /// A user the viewer may know of (see `users()`), by login.
    public func user(login: String) throws -> User? {
        let (sql, arguments) = visibleUsers()
        return try readOne { db in
            try StoreRow.fetchOne(db, sql: "SELECT u.* FROM users u WHERE u.login = ? AND \(sql)", arguments: [login] + arguments).map(User.init(row:))
        }
    }

    /// A team the viewer may know of, by name.
    public func team(named name: String) throws -> Team? {
        let (sql, arguments) = visibleTeams()
        return try read { db in
            try StoreRow.fetchOne(db, sql: "SELECT t.* FROM teams t WHERE t.name = ? AND \(sql)", arguments: [name] + arguments).map(Team.init(row:))
        }
    }

    /// Changes a user's record (name, role, team, region, active), with the audit history.
    /// Admins only.
    public func update(user original: User, to edited: User, by actor: Actor) throws {
        try updateAsAdmin("users", id: original.id, original.columnValues, edited.columnValues, by: actor)
    }

    /// Changes a team's name, region or supervisor, with the audit history. Admins only.
    public func update(team original: Team, to edited: Team, by actor: Actor) throws {
        try updateAsAdmin("teams", id: original.id, original.columnValues, edited.columnValues, by: actor)
    }

    private func updateAsAdmin(_ table: String, id: Int64?, _ original: ColumnValues, _ edited: ColumnValues, by actor: Actor) throws {
        try requireAdmin()
        guard let id else { throw StoreError.notFound(table: table, rowID: 0) }
        try write { db in
            _ = try RecordWriter.update(db, table: table, id: id, original: original, edited: edited, actor: actor.login, at: actor.clock.now)
        }
    }
}
