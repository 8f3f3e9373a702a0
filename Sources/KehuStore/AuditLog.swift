import GRDB
import KehuCore

/// One change to one field, as the history overlay shows it.
public struct AuditEntry: Hashable, Sendable {
    public let at: LocalDateTime
    public let actor: String
    public let table: String
    public let rowID: Int64
    public let field: String
    public let oldValue: String?
    public let newValue: String?
    /// Filled for a customer's history (`customerHistory`): which row it is in words — the
    /// contact's name, the card's number, the visit's number and day, the order's contract.
    public var subject = ""
    /// The person who worked (display name), and the login who actually typed it when an
    /// admin worked as them (`--as`); empty when the actor is not a known login.
    public var actorName = ""
    public var actingLogin = ""
    /// For a column that holds a row's id (owner, team, handler, contact …): the names the
    /// old and new ids stand for.
    public var oldName: String?
    public var newName: String?
}

/// Writes the audit history inside the caller's transaction, so a change and its record
/// are committed together or not at all.
enum AuditLog {
    static func record(_ db: StoreConnection, at: LocalDateTime, actor: String, table: String, rowID: Int64,
                       field: String, old: String?, new: String?) throws {
        try record(db, at: at, actor: actor, table: table, rowID: rowID, fields: [(field, old, new)])
    }

    /// One row's changed fields, in this order, in one statement (on PostgreSQL one round
    /// trip, where a follow-up's card took three: its level, its date and the record).
    static func record(_ db: StoreConnection, at: LocalDateTime, actor: String, table: String, rowID: Int64,
                       fields: [(field: String, old: String?, new: String?)]) throws {
        guard !fields.isEmpty else { return }
        try db.cachedStatement(sql: insert(rows: fields.count))
            .execute(arguments: arguments(at: at, actor: actor, table: table, rowID: rowID, fields: fields))
    }

    /// The INSERT of `rows` records, each taking the seven arguments `arguments` gives.
    static func insert(rows: Int) -> String {
        """
        INSERT INTO auditLog(at, actor, tableName, rowID, field, oldValue, newValue)
        VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
        """
    }

    static func arguments(at: LocalDateTime, actor: String, table: String, rowID: Int64,
                          fields: [(field: String, old: String?, new: String?)]) -> SQLArguments {
        var arguments: SQLArguments = []
        for change in fields { arguments += [at.description, actor, table, rowID, change.field, change.old, change.new] }
        return arguments
    }

    static func entries(_ db: StoreConnection, table: String, rowID: Int64) throws -> [AuditEntry] {
        try StoreRow.fetchAll(db, sql: """
            SELECT * FROM auditLog WHERE tableName = ? AND rowID = ? ORDER BY at DESC, id DESC
            """, arguments: [table, rowID]).map(entry)
    }

    static func entry(_ row: StoreRow) -> AuditEntry {
        AuditEntry(at: LocalDateTime(column: row["at"]) ?? LocalDateTime(date: LocalDate(dayNumber: 0), hour: 0, minute: 0)!,
                   actor: row["actor"], table: row["tableName"], rowID: row["rowID"], field: row["field"],
                   oldValue: row["oldValue"], newValue: row["newValue"])
    }
}

extension KehuDatabase {
    /// Who changed what on one row, newest first.
    public func history(table: String, rowID: Int64) throws -> [AuditEntry] {
        try read { db in try AuditLog.entries(db, table: table, rowID: rowID) }
    }
}
