import GRDB
import KehuCore

/// A lead's verdict with the name of who judged it, for the card.
public struct JudgedLead: Hashable, Sendable {
    public let verdict: LeadVerdict
    public let judgeName: String
}

/// The weekly summary of leads (客户跟进单): how many came in and were judged, the
/// effective ones to hand out, and the sources they came from.
public struct LeadSummary: Hashable, Sendable {
    public struct Lead: Hashable, Sendable {
        public let code: String
        public let name: String
        public let phone: String
        public let source: String
        public let ownerName: String?
        public let judgeName: String
        public let judgedOn: LocalDate
        public let effective: Bool
        public let note: String
    }

    /// Potential customers registered in the period.
    public let newLeads: Int
    /// Of those, still without a verdict.
    public let unjudged: Int
    /// Verdicts given in the period, effective first, then by date and code.
    public let judged: [Lead]

    public var effective: [Lead] { judged.filter(\.effective) }
    public var ineffective: [Lead] { judged.filter { !$0.effective } }
}

extension KehuDatabase {
    /// Judges a lead effective or not, replacing an earlier verdict; in the audit history.
    /// Assistants, supervisors, managers and admins (`LeadVerdict.mayJudge`), on customers
    /// they see.
    public func judgeLead(customerID: Int64, effective: Bool, note: String, judgeID: Int64, by actor: Actor) throws {
        if let viewer, !LeadVerdict.mayJudge(viewer.role) { throw StoreError.refused(.roleMayNot) }
        let verdict = LeadVerdict(effective: effective, note: note.trimmingWhitespace(), judgedByID: judgeID, judgedAt: actor.clock.now)
        let problems = verdict.validate()
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        try write { db in
            try requireVisible(db, customerID: customerID)
            let old = try StoreRow.fetchOne(db, sql: "SELECT effective, note FROM leadVerdicts WHERE customerID = ?", arguments: [customerID])
            try db.execute(sql: """
                INSERT INTO leadVerdicts(customerID, effective, note, judgedByID, judgedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(customerID) DO UPDATE SET effective = excluded.effective, note = excluded.note,
                  judgedByID = excluded.judgedByID, judgedAt = excluded.judgedAt
                """, arguments: [customerID, effective, verdict.note, judgeID, verdict.judgedAt.description])
            let oldEffective = (old?["effective"] as Bool?).map { $0 ? "1" : "0" }
            if oldEffective != (effective ? "1" : "0") {
                try AuditLog.record(db, at: actor.clock.now, actor: actor.login, table: "leadVerdicts", rowID: customerID,
                                    field: "effective", old: oldEffective, new: effective ? "1" : "0")
            }
            if (old?["note"] as String?) != verdict.note {
                try AuditLog.record(db, at: actor.clock.now, actor: actor.login, table: "leadVerdicts", rowID: customerID,
                                    field: "note", old: old?["note"], new: verdict.note)
            }
        }
    }

    /// The lead's verdict, if it has one.
    public func leadVerdict(customerID: Int64) throws -> JudgedLead? {
        try read { db in
            guard try isVisible(db, customerID: customerID) else { return nil }
            return try Self.judgedLead(db, customerID: customerID)
        }
    }

    static func judgedLead(_ db: StoreConnection, customerID: Int64) throws -> JudgedLead? {
        try StoreRow.fetchOne(try db.cachedStatement(sql: judgedLeadQuery(customer: "?")), arguments: [customerID]).map(judgedLead(row:))
    }

    /// The verdict on the customer `customer` names (a parameter, or a column of an outer
    /// query) with its judge's name.
    static func judgedLeadQuery(customer: String) -> String {
        "SELECT v.*, u.displayName AS judgeName FROM leadVerdicts v JOIN users u ON u.id = v.judgedByID WHERE v.customerID = \(customer)"
    }

    /// A customer's verdict with its judge's name, as `judgedLeadQuery(customer:)` reads it.
    static func judgedLead(row: StoreRow) -> JudgedLead {
        JudgedLead(verdict: LeadVerdict(effective: row["effective"], note: row["note"], judgedByID: row["judgedByID"],
                                        judgedAt: LocalDateTime(column: row["judgedAt"]) ?? LocalDateTime(date: LocalDate(dayNumber: 0), hour: 0, minute: 0)!),
                   judgeName: row["judgeName"])
    }

    /// The leads of `from...to` that the viewer may see: registered, judged, still to judge.
    public func leadSummary(from: LocalDate, to: LocalDate) throws -> LeadSummary {
        let (condition, arguments) = visible()
        let range: SQLArguments = [from.description, to.description + " 99"]
        return try read { db in
            let counts = try StoreRow.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, SUM(CASE WHEN v.customerID IS NULL THEN 1 ELSE 0 END) AS unjudged FROM customers c
                LEFT JOIN leadVerdicts v ON v.customerID = c.id
                WHERE c.createdAt BETWEEN ? AND ? AND (c.status = 'b' OR v.customerID IS NOT NULL) AND \(condition)
                """, arguments: range + arguments)
            let judged = try StoreRow.fetchAll(db, sql: """
                SELECT c.code, c.name, c.phone, c.source, o.displayName AS ownerName, j.displayName AS judgeName,
                       v.judgedAt, v.effective, v.note
                FROM leadVerdicts v INDEXED BY leadVerdicts_judgedAt
                JOIN customers c ON c.id = v.customerID
                JOIN users j ON j.id = v.judgedByID
                LEFT JOIN users o ON o.id = c.ownerID
                WHERE v.judgedAt BETWEEN ? AND ? AND \(condition)
                ORDER BY v.effective DESC, v.judgedAt, c.code
                """, arguments: range + arguments).map { row in
                LeadSummary.Lead(code: row["code"], name: row["name"], phone: row["phone"] ?? "", source: row["source"] ?? "",
                                 ownerName: row["ownerName"], judgeName: row["judgeName"],
                                 judgedOn: LocalDateTime(column: row["judgedAt"])?.date ?? from,
                                 effective: row["effective"], note: row["note"])
            }
            return LeadSummary(newLeads: counts?["n"] ?? 0, unjudged: counts?["unjudged"] ?? 0, judged: judged)
        }
    }
}
