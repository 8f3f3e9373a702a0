import GRDB
import KehuCore

/// An unsaved form kept for its user: written when a session ends mid-form (the SSH link
/// drops) and offered back at the next start.
public struct Draft: Hashable, Sendable {
    public let id: Int64
    public let login: String
    public let kind: String
    public let customerID: Int64?
    /// The form's fields as JSON; the view-model that wrote it reads it back.
    public let payload: String
    public let savedAt: LocalDateTime
}

extension KehuDatabase {
    /// Keeps the viewer's draft of one form kind and customer: a newer one replaces the
    /// older. Drafts live in the (protected) database, each visible only to its writer.
    @discardableResult
    public func saveDraft(kind: String, customerID: Int64?, payload: String, at: LocalDateTime) throws -> Int64 {
        try saveDraft(login: try ownLogin(), kind: kind, customerID: customerID, payload: payload, at: at)
    }

    /// The viewer's own drafts, newest first.
    public func drafts() throws -> [Draft] {
        guard let login = viewer?.login else { return [] }
        return try drafts(login: login)
    }

    /// Removes one of the viewer's own drafts (someone else's is left alone).
    public func deleteDraft(id: Int64) throws {
        let login = try ownLogin()
        try write { db in try db.execute(sql: "DELETE FROM drafts WHERE id = ? AND login = ?", arguments: [id, login]) }
    }

    private func ownLogin() throws -> String {
        guard let login = viewer?.login else { throw StoreError.refused(.roleMayNot) }
        return login
    }

    @discardableResult
    func saveDraft(login: String, kind: String, customerID: Int64?, payload: String, at: LocalDateTime) throws -> Int64 {
        try write { db in
            try db.execute(sql: "DELETE FROM drafts WHERE login = ? AND kind = ? AND customerID IS ?",
                           arguments: [login, kind, customerID])
            return try db.insert(sql: "INSERT INTO drafts(login, kind, customerID, payload, savedAt) VALUES (?, ?, ?, ?, ?)",
                                 arguments: [login, kind, customerID, payload, at.description])
        }
    }

    func drafts(login: String) throws -> [Draft] {
        try readOne { db in
            try StoreRow.fetchAll(db, sql: "SELECT * FROM drafts WHERE login = ? ORDER BY savedAt DESC, id DESC", arguments: [login]).map { row in
                Draft(id: row["id"], login: row["login"], kind: row["kind"], customerID: row["customerID"], payload: row["payload"],
                      savedAt: LocalDateTime(column: row["savedAt"]) ?? LocalDateTime(date: LocalDate(dayNumber: 0), hour: 0, minute: 0)!)
            }
        }
    }
}
