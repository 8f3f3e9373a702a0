import GRDB
import KehuCore

/// A customer the retention rule lets go, with what would be removed.
public struct PurgeCandidate: Hashable, Sendable {
    public let customerID: Int64
    public let code: String
    public let name: String
    public let lastSettled: LocalDate
    public let orders: Int
    public let activities: Int
}

extension KehuDatabase {
    public func retentionRule() throws -> RetentionRule {
        RetentionRule(years: try setting("retention.years").flatMap { Int($0) } ?? RetentionRule.standard.years)
    }

    /// Customers whose orders are all settled, the last one at least the retention period
    /// ago, with no open card and nothing logged since: what `kehu purge` would remove.
    public func purgeCandidates(today: LocalDate) throws -> [PurgeCandidate] {
        try requireAdmin()
        let cutoff = try retentionRule().latestPurgeableSettlement(today: today)
        return try read { db in try Self.purgeCandidates(db, cutoff: cutoff) }
    }

    static func purgeCandidates(_ db: StoreConnection, cutoff: LocalDate) throws -> [PurgeCandidate] {
        try StoreRow.fetchAll(db, sql: """
            SELECT c.id, c.code, c.name, o.lastSettled, o.orders,
                   (SELECT COUNT(*) FROM activities a WHERE a.customerID = c.id) AS activities
            FROM customers c
            JOIN (SELECT customerID, MAX(settledOn) AS lastSettled, COUNT(*) AS orders, COUNT(settledOn) AS settled
                  FROM orders GROUP BY customerID) o ON o.customerID = c.id
            WHERE o.settled = o.orders AND o.lastSettled <= ?1
              AND NOT EXISTS (SELECT 1 FROM intentCards k WHERE k.customerID = c.id AND k.state IN ('open', 'defeatPending'))
              AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.customerID = c.id AND a.occurredAt > ?1)
            ORDER BY o.lastSettled, c.code
            """, arguments: [cutoff.description]).map { row in
            PurgeCandidate(customerID: row["id"], code: row["code"], name: row["name"],
                           lastSettled: LocalDate(column: row["lastSettled"]) ?? cutoff, orders: row["orders"], activities: row["activities"])
        }
    }

    /// Removes the customers the retention rule lets go — with their contacts, cards,
    /// activities, orders and the history of those rows — in one transaction, leaving one
    /// audit entry per customer (code, name, last settlement, who purged). The list is
    /// worked out again inside the transaction, so a customer who got an order meanwhile
    /// stays. Admins only (the caller checks the role).
    /// - Returns: the customers removed.
    @discardableResult
    public func purge(today: LocalDate, by actor: Actor) throws -> [PurgeCandidate] {
        try requireAdmin()
        let cutoff = try retentionRule().latestPurgeableSettlement(today: today)
        return try write { db in
            let candidates = try Self.purgeCandidates(db, cutoff: cutoff)
            for candidate in candidates {
                let id = candidate.customerID
                // Rows with a history of their own go with that history.
                let audited: [(table: String, condition: String)] = [
                    ("gradeApprovals", "proposalID IN (SELECT id FROM gradeProposals WHERE customerID = ?)"),
                    ("gradeProposals", "customerID = ?"),
                    ("activityCorrections", "activityID IN (SELECT id FROM activities WHERE customerID = ?)"), ("contractDecisions", "orderID IN (SELECT id FROM orders WHERE customerID = ?)"), ("activities", "customerID = ?"), ("orders", "customerID = ?"),
                    ("intentCards", "customerID = ?"), ("contacts", "customerID = ?"), ("churnEvents", "customerID = ?"),
                    ("poolReleases", "customerID = ?"), ("drafts", "customerID = ?"),
                ]
                for (table, condition) in audited {
                    try db.execute(sql: "DELETE FROM auditLog WHERE tableName = ? AND rowID IN (SELECT id FROM \(table) WHERE \(condition))",
                                   arguments: [table, id])
                    try db.execute(sql: "DELETE FROM \(table) WHERE \(condition)", arguments: [id])
                }
                try db.execute(sql: "DELETE FROM auditLog WHERE tableName = 'leadVerdicts' AND rowID = ?", arguments: [id])
                for table in ["customerMembers", "formerCodes", "searchHan", "searchLatin", "searchDigits", "leadVerdicts"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE customerID = ?", arguments: [id])
                }
                try db.execute(sql: "DELETE FROM auditLog WHERE tableName = 'customers' AND rowID = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM customers WHERE id = ?", arguments: [id])
                try AuditLog.record(db, at: actor.clock.now, actor: actor.login, table: "customers", rowID: id, field: "purged",
                                    old: "\(candidate.code) \(candidate.name)",
                                    new: "retention: last settled \(candidate.lastSettled), \(candidate.orders) orders, \(candidate.activities) activities")
            }
            return candidates
        }
    }
}
