import GRDB
import KehuCore

/// 潜在VIP客户开发进度: how many potential VIP customers there were at each month's end,
/// how many joined and left in the month, and where each current one stood in the funnel
/// month by month.
public struct VIPProgressReport: Sendable {
    public struct Month: Hashable, Sendable {
        public let month: String
        public let count: Int
        public let joined: Int
        public let left: Int
    }
    public let months: [Month]
    /// Current potential VIP customers with their stage at each month's end (nil: no
    /// follow-up yet by then).
    public let customers: [(code: String, name: String, owner: String?, stages: [FunnelStage?])]
}

extension KehuDatabase {
    public func vipProgress(from: LocalDate, to: LocalDate) throws -> VIPProgressReport {
        let (condition, arguments) = visible()
        var months: [LocalDate] = []   // first days
        var month = LocalDate(year: from.year, month: from.month, day: 1)!
        while month <= to { months.append(month); month = month.adding(months: 1) }
        return try read { db in
            let current = try StoreRow.fetchAll(db, sql: """
                SELECT c.id, c.code, c.name, u.displayName AS owner FROM customers c LEFT JOIN users u ON u.id = c.ownerID
                WHERE c.grade = 'potentialVIP' AND \(condition) ORDER BY c.code
                """, arguments: arguments)
            // Grade changes into and out of potential VIP, from the audit history.
            let changes = try StoreRow.fetchAll(db, sql: """
                SELECT a.rowID, substr(a.at, 1, 10) AS day, a.oldValue, a.newValue FROM auditLog a JOIN customers c ON c.id = a.rowID
                WHERE a.tableName = 'customers' AND a.field = 'grade' AND (a.oldValue = 'potentialVIP' OR a.newValue = 'potentialVIP')
                  AND \(condition)
                """, arguments: arguments)
            var results: [VIPProgressReport.Month] = []
            for first in months {
                let end = first.adding(months: 1).adding(days: -1)
                let after = changes.filter { (LocalDate(column: $0["day"]) ?? end) > end }
                let within = changes.filter { guard let day = LocalDate(column: $0["day"]) else { return false }; return day >= first && day <= end }
                // Count at the month's end: today's, undoing what changed since.
                let count = current.count - after.filter { ($0["newValue"] as String?) == "potentialVIP" }.count
                    + after.filter { ($0["oldValue"] as String?) == "potentialVIP" }.count
                results.append(.init(month: first.yearMonth, count: max(0, count),
                                     joined: within.filter { ($0["newValue"] as String?) == "potentialVIP" }.count,
                                     left: within.filter { ($0["oldValue"] as String?) == "potentialVIP" }.count))
            }
            let customers = try current.map { row -> (code: String, name: String, owner: String?, stages: [FunnelStage?]) in
                let id: Int64 = row["id"]
                let levels = try StoreRow.fetchAll(db, sql: """
                    SELECT substr(occurredAt, 1, 10) AS day, levelJudged FROM activities INDEXED BY activities_timeline
                    WHERE customerID = ? AND levelJudged IS NOT NULL ORDER BY occurredAt
                    """, arguments: [id])
                let stages = months.map { first -> FunnelStage? in
                    let end = first.adding(months: 1).adding(days: -1)
                    guard let last = levels.last(where: { (LocalDate(column: $0["day"]) ?? end) <= end }),
                          let level = IntentLevel(rawValue: last["levelJudged"]) else { return nil }
                    return FunnelStage.of(level: level, followUps: 1)
                }
                return (row["code"], row["name"], row["owner"], stages)
            }
            return VIPProgressReport(months: results, customers: customers)
        }
    }
}
