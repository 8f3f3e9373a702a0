import GRDB
import KehuCore

/// Something a colleague changed that concerns the viewer, read from the audit history:
/// a comment on my follow-up, a customer given to me or taken from me, my defeat
/// application decided.
public struct ChangeForMe: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case comment(by: String)
        case customerGiven
        case customerTaken
        case defeatApproved
        case defeatReturned
    }
    public let kind: Kind
    public let customerName: String
}

extension KehuDatabase {
    /// The audit history's newest entry: where "since" starts for `changesForMe`.
    public func latestChange() throws -> Int64 {
        try readOne { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM auditLog") ?? 0 }
    }

    /// What others changed for the viewer after audit entry `after`, oldest first, and the
    /// newest entry read (the next `after`). The viewer's own changes are not news.
    public func changesForMe(after: Int64) throws -> (changes: [ChangeForMe], latest: Int64) {
        guard let viewer else { return ([], after) }
        let me = viewer.userID
        return try read { db in
            let latest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM auditLog") ?? after
            guard latest > after else { return ([], after) }
            // Who did it is the login they worked as ("root (as lizhuguan)" is 李强): the
            // viewer's own changes, even made through an administrator's --as, are not news.
            let rows = try StoreRow.fetchAll(db, sql: """
                SELECT a.tableName, a.field, a.oldValue, a.newValue, a.actor,
                       CASE a.tableName
                           WHEN 'customers' THEN (SELECT name FROM customers WHERE id = a.rowID)
                           WHEN 'activities' THEN (SELECT c.name FROM activities x JOIN customers c ON c.id = x.customerID WHERE x.id = a.rowID)
                           ELSE (SELECT c.name FROM intentCards k JOIN customers c ON c.id = k.customerID WHERE k.id = a.rowID)
                       END AS customerName
                FROM auditLog a
                WHERE a.id > ? AND (
                    (a.tableName = 'activities' AND a.field = 'supervisorComment' AND a.newValue IS NOT NULL
                     AND a.rowID IN (SELECT id FROM activities WHERE handlerID = ?))
                    OR (a.tableName = 'customers' AND a.field = 'ownerID' AND (a.newValue = ? OR a.oldValue = ?))
                    OR (a.tableName = 'intentCards' AND a.field = 'state' AND a.oldValue = 'defeatPending'
                        AND a.rowID IN (SELECT id FROM intentCards WHERE filledByID = ?)))
                ORDER BY a.id
                """, arguments: [after, me, String(me), String(me), me])
            var names: [String: String] = [:]
            let changes: [ChangeForMe] = try rows.compactMap { row in
                let worker = Actor.workedAs(row["actor"])
                guard worker != viewer.login else { return nil }
                let name: String = row["customerName"] ?? ""
                switch (row["tableName"] as String, row["field"] as String) {
                case ("activities", _):
                    if names[worker] == nil {
                        names[worker] = try String.fetchOne(db, sql: "SELECT displayName FROM users WHERE login = ?", arguments: [worker]) ?? worker
                    }
                    return ChangeForMe(kind: .comment(by: names[worker] ?? worker), customerName: name)
                case ("customers", _):
                    return ChangeForMe(kind: (row["newValue"] as String?) == String(me) ? .customerGiven : .customerTaken, customerName: name)
                default:
                    return ChangeForMe(kind: (row["newValue"] as String?) == "open" ? .defeatReturned : .defeatApproved, customerName: name)
                }
            }
            return (changes, latest)
        }
    }
}
