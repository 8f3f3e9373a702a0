import GRDB
import KehuCore

extension KehuDatabase {
    /// Everything that changed on a customer — its archive, contacts, cards, visits,
    /// orders and their signatures, grade reviews and lead verdict — newest first, each
    /// entry told in words: which contact, card, visit or order it was, who worked (an
    /// admin working as someone named as well), and the names behind ids (owner, team,
    /// handler, contact, card).
    public func customerHistory(customerID: Int64, limit: Int = 500) throws -> [AuditEntry] {
        try read { db in
            guard try isVisible(db, customerID: customerID) else { return [] }
            let entries = try StoreRow.fetchAll(db, sql: """
                SELECT * FROM auditLog WHERE
                   (tableName = 'customers' AND rowID = ?1)
                OR (tableName = 'leadVerdicts' AND rowID = ?1)
                OR (tableName = 'contacts' AND rowID IN (SELECT id FROM contacts WHERE customerID = ?1))
                OR (tableName = 'intentCards' AND rowID IN (SELECT id FROM intentCards WHERE customerID = ?1))
                OR (tableName = 'activities' AND rowID IN (SELECT id FROM activities WHERE customerID = ?1))
                OR (tableName = 'orders' AND rowID IN (SELECT id FROM orders WHERE customerID = ?1))
                OR (tableName = 'contractDecisions' AND rowID IN
                      (SELECT d.id FROM contractDecisions d JOIN orders o ON o.id = d.orderID WHERE o.customerID = ?1))
                OR (tableName = 'gradeProposals' AND rowID IN (SELECT id FROM gradeProposals WHERE customerID = ?1))
                OR (tableName = 'customers' AND field = 'mergedInto' AND newValue IN
                      (SELECT code FROM customers WHERE id = ?1 UNION SELECT code FROM formerCodes WHERE customerID = ?1))
                ORDER BY at DESC, id DESC LIMIT ?2
                """, arguments: [customerID, limit]).map(AuditLog.entry)
            let names = HistoryNames(db)
            return try entries.map { entry in
                var told = entry
                told.subject = try names.subject(entry.table, entry.rowID)
                let worked = Actor.workedAs(entry.actor)
                if let person = try names.user(login: worked) {
                    told.actorName = person
                    told.actingLogin = worked == entry.actor ? "" : String(entry.actor.prefix { $0 != " " })
                }
                if let kind = HistoryNames.reference(entry.table, entry.field) {
                    told.oldName = try entry.oldValue.flatMap { Int64($0) }.flatMap { try names.name(kind, $0) }
                    told.newName = try entry.newValue.flatMap { Int64($0) }.flatMap { try names.name(kind, $0) }
                }
                return told
            }
        }
    }
}

/// Names for a history, each asked of the database once.
private final class HistoryNames {
    let db: StoreConnection
    var cache: [String: String?] = [:]

    init(_ db: StoreConnection) { self.db = db }

    enum Reference { case user, team, contact, card, customer }

    /// Which kind of row a column's ids name.
    static func reference(_ table: String, _ column: String) -> Reference? {
        switch column {
        case "ownerID", "handlerID", "filledByID", "commentSignerID", "reviewerID", "correctedByID", "recordedByID",
             "approverID", "proposerID", "judgedByID":
            return .user
        case "teamID": return .team
        case "contactID": return .contact
        case "cardID": return .card
        case "customerID": return .customer
        default: return nil
        }
    }

    private func cached(_ key: String, _ read: () throws -> String?) rethrows -> String? {
        if let known = cache[key] { return known }
        let value = try read()
        cache[key] = value
        return value
    }

    func user(login: String) throws -> String? {
        try cached("login:" + login) { try String.fetchOne(db, sql: "SELECT displayName FROM users WHERE login = ?", arguments: [login]) }
    }

    func name(_ kind: Reference, _ id: Int64) throws -> String? {
        let sql: String
        switch kind {
        case .user: sql = "SELECT displayName FROM users WHERE id = ?"
        case .team: sql = "SELECT name FROM teams WHERE id = ?"
        case .contact: sql = "SELECT name FROM contacts WHERE id = ?"
        case .card: sql = "SELECT number FROM intentCards WHERE id = ?"
        case .customer:
            // A customer merged away is gone: named by the code it had.
            sql = """
                SELECT coalesce((SELECT code || ' ' || name FROM customers WHERE id = ?1),
                                (SELECT oldValue FROM auditLog WHERE tableName = 'customers' AND rowID = ?1 AND field = 'mergedInto'))
                """
        }
        return try cached("\(kind):\(id)") { try String.fetchOne(db, sql: sql, arguments: [id]) }
    }

    /// The row in words: a contact's name, a card's number, a visit's number and day, an
    /// order's contract (or day and amount), a grade review's target.
    func subject(_ table: String, _ id: Int64) throws -> String {
        let sql: String
        switch table {
        case "contacts": sql = "SELECT name FROM contacts WHERE id = ?"
        case "intentCards": sql = "SELECT number FROM intentCards WHERE id = ?"
        case "activities": sql = "SELECT '#' || visitNumber || ' ' || substr(occurredAt, 6, 5) FROM activities WHERE id = ?"
        case "orders":
            sql = "SELECT CASE contractNumber WHEN '' THEN orderedOn || ' ' || amountYuan ELSE contractNumber END FROM orders WHERE id = ?"
        case "contractDecisions":
            sql = """
                SELECT CASE o.contractNumber WHEN '' THEN o.orderedOn ELSE o.contractNumber END
                FROM contractDecisions d JOIN orders o ON o.id = d.orderID WHERE d.id = ?
                """
        default: return ""
        }
        return try cached("\(table)#\(id)") { try String.fetchOne(db, sql: sql, arguments: [id]) } ?? ""
    }
}
