import GRDB
import KehuCore

extension KehuDatabase {
    public func user(login: String) throws -> User? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM users WHERE login = ?", arguments: [login]).map(User.init(row:)) }
    }

    public func team(named name: String) throws -> Team? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM teams WHERE name = ?", arguments: [name]).map(Team.init(row:)) }
    }

    /// Changes a user's record (name, role, team, region, active), with the audit history.
    public func update(user original: User, to edited: User, by actor: Actor) throws {
        guard let id = original.id else { throw StoreError.notFound(table: "users", rowID: 0) }
        try write { db in
            _ = try RecordWriter.update(db, table: "users", id: id, original: original.columnValues, edited: edited.columnValues,
                                    actor: actor.login, at: actor.clock.now)
        }
    }
}
