import GRDB
import KehuCore

/// Daily and weekly activity targets per salesperson (SPEC "Daily rhythm and KPIs"):
/// effective remote contacts a day, visits and face-to-face visits a week — company
/// settings `kpi.remotePerDay` (15), `kpi.visitsPerWeek` (25), `kpi.faceToFacePerWeek` (10).
public struct KPITargets: Hashable, Sendable {
    public var remotePerDay = 15
    public var visitsPerWeek = 25
    public var faceToFacePerWeek = 10
    public init() {}
}

/// One salesperson's numbers over a period.
public struct KPIRow: Hashable, Sendable {
    public let name: String
    public let team: String
    /// Working days (Monday to Friday) of the period up to today.
    public let workingDays: Int
    public let remoteContacts: Int
    /// Working days with fewer remote contacts than the target.
    public let daysBelowTarget: Int
    public let visits: Int
    public let faceToFace: Int
    /// Card follow-ups logged by their due date, and after it.
    public let onTime: Int
    public let late: Int
    /// Open cards past their date today.
    public let overdueNow: Int

    /// Weeks in the period (at least one), for the weekly averages.
    public var weeks: Double { max(1, Double(workingDays) / 5) }
}

extension KehuDatabase {
    public func kpiTargets() throws -> KPITargets {
        var targets = KPITargets()
        if let value = try setting("kpi.remotePerDay").flatMap({ Int($0) }) { targets.remotePerDay = value }
        if let value = try setting("kpi.visitsPerWeek").flatMap({ Int($0) }) { targets.visitsPerWeek = value }
        if let value = try setting("kpi.faceToFacePerWeek").flatMap({ Int($0) }) { targets.faceToFacePerWeek = value }
        return targets
    }

    /// The numbers of every salesperson whose customers the viewer may see (a salesperson:
    /// their own), over `from...to`.
    public func kpi(from: LocalDate, to: LocalDate, today: LocalDate, teamID: Int64? = nil) throws -> [KPIRow] {
        let targets = try kpiTargets()
        let end = min(to, today)
        let days = from <= end ? (0...from.days(until: end)).map { from.adding(days: $0) }.filter { $0.isoWeekday <= 5 } : []
        let (condition, arguments) = visible()
        let range: StatementArguments = [from.description, end.description + " 99"]
        return try read { db in
            let people = try Row.fetchAll(db, sql: """
                SELECT u.id, u.displayName, COALESCE(t.name, '') AS team FROM users u LEFT JOIN teams t ON t.id = u.teamID
                WHERE u.role = 'salesperson' AND u.active = 1 \(teamID == nil ? "" : "AND u.teamID = ?")
                  AND EXISTS (SELECT 1 FROM customers c WHERE c.ownerID = u.id AND \(condition))
                ORDER BY team, u.displayName
                """, arguments: StatementArguments(teamID.map { [$0] } ?? []) + arguments)
            return try people.map { person in
                let id: Int64 = person["id"]
                var remotePerDay: [String: Int] = [:]
                var visits = 0, faceToFace = 0
                for row in try Row.fetchAll(db, sql: """
                    SELECT substr(occurredAt, 1, 10) AS day, method, COUNT(*) AS n FROM activities INDEXED BY activities_handler
                    WHERE handlerID = ? AND occurredAt BETWEEN ? AND ? GROUP BY day, method
                    """, arguments: [id] + range) {
                    let n: Int = row["n"]
                    let method = ContactMethod(rawValue: row["method"])
                    visits += n
                    if method?.isFaceToFace == true { faceToFace += n }
                    if method == .phone || method == .message { remotePerDay[row["day"], default: 0] += n }
                }
                // On time: logged no later than the date the card's previous follow-up set.
                let timing = try Row.fetchOne(db, sql: """
                    SELECT SUM(substr(occurredAt, 1, 10) <= due) AS onTime, SUM(substr(occurredAt, 1, 10) > due) AS late FROM (
                      SELECT a.occurredAt, LAG(a.nextVisitOn) OVER (PARTITION BY a.cardID ORDER BY a.occurredAt, a.id) AS due, a.handlerID
                      FROM activities a WHERE a.cardID IN (SELECT DISTINCT cardID FROM activities WHERE handlerID = ?1 AND cardID IS NOT NULL
                                                           AND occurredAt BETWEEN ?2 AND ?3)
                    ) WHERE handlerID = ?1 AND due IS NOT NULL AND occurredAt BETWEEN ?2 AND ?3
                    """, arguments: [id] + range)
                let overdue = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM intentCards k JOIN customers c ON c.id = k.customerID
                    WHERE c.ownerID = ? AND k.state IN ('open', 'defeatPending') AND k.nextVisitOn < ?
                    """, arguments: [id, today.description]) ?? 0
                return KPIRow(name: person["displayName"], team: person["team"], workingDays: days.count,
                              remoteContacts: remotePerDay.values.reduce(0, +),
                              daysBelowTarget: days.filter { (remotePerDay[$0.description] ?? 0) < targets.remotePerDay }.count,
                              visits: visits, faceToFace: faceToFace, onTime: timing?["onTime"] ?? 0, late: timing?["late"] ?? 0,
                              overdueNow: overdue)
            }
        }
    }
}
