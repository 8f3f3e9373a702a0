import GRDB
import KehuCore

/// Daily and weekly targets per salesperson (SPEC "Daily rhythm and KPIs", 000 §3.2, §6.2):
/// customers reached remotely a day, prospects visited a week and of those met face to
/// face — company settings `kpi.remotePerDay` (15), `kpi.visitsPerWeek` (25),
/// `kpi.faceToFacePerWeek` (10). Counted in customers, as `KPITally` says.
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
    /// Customers reached by phone or message, a customer once a day, summed over the days.
    public let remoteCustomerDays: Int
    /// Working days with fewer customers reached remotely than the target.
    public let daysBelowTarget: Int
    /// Prospects visited (any contact), a prospect once a week, summed over the weeks.
    public let prospectsVisited: Int
    /// Of those, the ones met face to face.
    public let prospectsMetFaceToFace: Int
    /// Card follow-ups logged by their due date, and after it.
    public let onTime: Int
    public let late: Int
    /// Open cards past their date today.
    public let overdueNow: Int
    /// Their follow-ups in the period, and defeats applied for in it on their customers, that
    /// the evening check marked doubtful (虚假跟进, 虚假战败).
    public var doubtful: Int = 0

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

    /// The numbers of every active salesperson the viewer may know of (a salesperson:
    /// their own), whether they own customers yet or not, over `from...to`.
    public func kpi(from: LocalDate, to: LocalDate, today: LocalDate, teamID: Int64? = nil) throws -> [KPIRow] {
        let targets = try kpiTargets()
        let end = min(to, today)
        let days = from <= end ? (0...from.days(until: end)).map { from.adding(days: $0) }.filter { $0.isoWeekday <= 5 } : []
        let people = kpiPeople()
        let range: SQLArguments = [from.description, end.description + " 99"]
        return try read { db in
            let people = try StoreRow.fetchAll(db, sql: """
                SELECT u.id, u.displayName, COALESCE(t.name, '') AS team FROM users u LEFT JOIN teams t ON t.id = u.teamID
                WHERE u.role = 'salesperson' AND u.active = 1 \(teamID == nil ? "" : "AND u.teamID = ?") AND \(people.sql)
                ORDER BY team, u.displayName
                """, arguments: SQLArguments(teamID.map { [$0] } ?? []) + people.arguments)
            return try people.map { person in
                let id: Int64 = person["id"]
                // Each (day, customer, method) once, and whether it was prospect work.
                var tally = KPITally()
                let contacts = try StoreRow.fetchCursor(db, sql: """
                    SELECT substr(a.occurredAt, 1, 10), a.customerID, a.method, MAX(CASE WHEN a.cardID IS NOT NULL OR c.status = 'b' THEN 1 ELSE 0 END)
                    FROM activities a INDEXED BY activities_handler JOIN customers c ON c.id = a.customerID
                    WHERE a.handlerID = ? AND a.occurredAt BETWEEN ? AND ?
                    GROUP BY 1, 2, 3
                    """, arguments: [id] + range)
                while let row = try contacts.next() {
                    guard let day = LocalDate(column: row[0] as String?), let method = ContactMethod(rawValue: row[2]) else { continue }
                    tally.add(.init(day: day, customerID: row[1], method: method, prospect: row[3]))
                }
                // On time: logged no later than the date the card's previous follow-up set.
                let timing = try StoreRow.fetchOne(db, sql: """
                    SELECT SUM(CASE WHEN substr(occurredAt, 1, 10) <= due THEN 1 ELSE 0 END) AS onTime,
                           SUM(CASE WHEN substr(occurredAt, 1, 10) > due THEN 1 ELSE 0 END) AS late FROM (
                      SELECT a.occurredAt, LAG(a.nextVisitOn) OVER (PARTITION BY a.cardID ORDER BY a.occurredAt, a.id) AS due, a.handlerID
                      FROM activities a WHERE a.cardID IN (SELECT DISTINCT cardID FROM activities WHERE handlerID = ?1 AND cardID IS NOT NULL
                                                           AND occurredAt BETWEEN ?2 AND ?3)
                    ) timed WHERE handlerID = ?1 AND due IS NOT NULL AND occurredAt BETWEEN ?2 AND ?3
                    """, arguments: [id] + range)
                let overdue = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM intentCards k JOIN customers c ON c.id = k.customerID
                    WHERE c.ownerID = ? AND k.state IN ('open', 'defeatPending') AND k.nextVisitOn < ?
                    """, arguments: [id, today.description]) ?? 0
                let doubtful = try Int.fetchOne(db, sql: """
                    SELECT (SELECT COUNT(*) FROM activities INDEXED BY activities_handler
                            WHERE handlerID = ?1 AND occurredAt BETWEEN ?2 AND ?3 AND doubtful = 1)
                         + (SELECT COUNT(*) FROM intentCards k JOIN customers c ON c.id = k.customerID
                            WHERE c.ownerID = ?1 AND k.defeatDoubtful = 1 AND k.defeatAppliedOn BETWEEN ?2 AND ?3)
                    """, arguments: [id] + range) ?? 0
                var row = KPIRow(name: person["displayName"], team: person["team"], workingDays: days.count,
                                 remoteCustomerDays: tally.remoteCustomerDays,
                                 daysBelowTarget: days.filter { tally.remoteCustomers(on: $0) < targets.remotePerDay }.count,
                                 prospectsVisited: tally.prospectVisits, prospectsMetFaceToFace: tally.faceToFaceVisits,
                                 onTime: timing?["onTime"] ?? 0, late: timing?["late"] ?? 0, overdueNow: overdue)
                row.doubtful = doubtful
                return row
            }
        }
    }

    /// The salespeople whose numbers the viewer may read: their own for a salesperson,
    /// the people they may know of for anyone else (`visibleUsers`).
    private func kpiPeople() -> (sql: String, arguments: SQLArguments) {
        if let viewer, case .own = viewer.scope { return ("u.id = ?", [viewer.userID]) }
        return visibleUsers()
    }
}
