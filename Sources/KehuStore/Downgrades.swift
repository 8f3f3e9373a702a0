import GRDB
import KehuCore

extension KehuDatabase {
    public func downgradeRules() throws -> DowngradeRules {
        let standard = DowngradeRules.standard
        func value(_ key: String, _ fallback: Int) throws -> Int { try setting(key).flatMap { Int($0) } ?? fallback }
        return DowngradeRules(vipMonthlyYuan: try value("downgrade.vipMonthlyYuan", standard.vipMonthlyYuan),
                              keyMonthlyYuan: try value("downgrade.keyMonthlyYuan", standard.keyMonthlyYuan),
                              vipMonths: try value("downgrade.vipMonths", standard.vipMonths),
                              keyMonths: try value("downgrade.keyMonths", standard.keyMonths))
    }

    /// Files a downgrade proposal (in the grade's approval chain) for every cooperating VIP
    /// or key customer below its standard for the months the rules ask, proposed in the
    /// name of the team's assistant (or the owner) as the archive rules say. At most one
    /// per customer and month, never beside a pending proposal: running it again changes
    /// nothing.
    /// - Returns: the proposals filed.
    @discardableResult
    func proposeDowngrades(today: LocalDate, by actor: Actor) throws -> [Int64] {
        let rules = try downgradeRules()
        let firstMonth = LocalDate(year: today.year, month: today.month, day: 1)!.adding(months: -max(rules.vipMonths, rules.keyMonths))
        let now = actor.clock.now
        return try write { db in
            let candidates = try StoreRow.fetchAll(db, sql: """
                SELECT c.id, c.grade, c.createdAt, c.ownerID,
                       (SELECT u.id FROM users u WHERE u.teamID = c.teamID AND u.role = 'assistant' AND u.active = 1 ORDER BY u.id LIMIT 1) AS assistantID,
                       (SELECT MAX(a.at) FROM auditLog a WHERE a.tableName = 'customers' AND a.rowID = c.id AND a.field = 'grade') AS gradedAt
                FROM customers c
                WHERE c.status = 'a' AND c.grade IN ('vip', 'key')
                  AND NOT EXISTS (SELECT 1 FROM gradeProposals p WHERE p.customerID = c.id
                                  AND (p.state = 'pending' OR (p.reason != '' AND substr(p.proposedAt, 1, 7) = ?)))
                """, arguments: [today.yearMonth])
            guard !candidates.isEmpty else { return [] }
            var monthly: [Int64: [String: Int]] = [:]
            for row in try StoreRow.fetchAll(db, sql: """
                SELECT o.customerID, substr(o.orderedOn, 1, 7) AS month, SUM(o.amountYuan) AS total
                FROM orders o JOIN customers c ON c.id = o.customerID
                WHERE c.status = 'a' AND c.grade IN ('vip', 'key') AND o.orderedOn >= ? AND o.approvalState <> 'rejected'
                GROUP BY o.customerID, month
                """, arguments: [firstMonth.description]) {
                monthly[row["customerID"], default: [:]][row["month"]] = row["total"]
            }
            var filed: [Int64] = []
            for row in candidates {
                let id: Int64 = row["id"]
                guard let grade = CustomerGrade(rawValue: row["grade"]),
                      let proposerID = (row["assistantID"] as Int64?) ?? (row["ownerID"] as Int64?) else { continue }
                let gradedOn = LocalDateTime(column: row["gradedAt"])?.date ?? LocalDateTime(column: row["createdAt"])?.date ?? today
                guard let proposal = rules.proposal(grade: grade, gradedOn: gradedOn, monthlyYuan: monthly[id] ?? [:], today: today) else { continue }
                let values: ColumnValues = [
                    ("customerID", id.databaseValue), ("fromGrade", grade.rawValue.databaseValue),
                    ("toGrade", proposal.to.rawValue.databaseValue), ("score", 0.databaseValue), ("scoreSheet", "".databaseValue),
                    ("proposerID", proposerID.databaseValue), ("proposedAt", now.description.databaseValue),
                    ("state", GradeProposal.State.pending.rawValue.databaseValue),
                    ("reason", "\(proposal.firstMonth)..\(proposal.lastMonth)".databaseValue)]
                filed.append(try RecordWriter.insert(db, table: "gradeProposals", values: values, actor: actor.login, at: now))
            }
            return filed
        }
    }

    /// Whether today's calendar rules have run already (by any session).
    public func companyRulesApplied(today: LocalDate) throws -> Bool {
        try setting("rules.appliedOn") == today.description
    }

    /// Everything the company's rules decide by the calendar — pool drops, churn,
    /// downgrade proposals — applied for `today`. Called whenever kehu or a batch command
    /// starts, so no cron job is needed. The rules count in whole days, so the first start
    /// of a day applies them and later starts that day skip the work (a second pass would
    /// change nothing anyway); `force` applies them regardless.
    /// They are the company's, not the viewer's: applied to every customer whoever starts
    /// kehu, and they reveal nothing to that person.
    /// On PostgreSQL each person's connection is held by row-level security to what they
    /// may see, so the rules are applied only by a kehu whose person sees the whole
    /// company (an admin or the general manager); anyone else's start leaves them for that.
    public func applyCompanyRules(today: LocalDate, by actor: Actor, force: Bool = false) throws {
        if isPostgres, let viewer, viewer.scope != .everything { return }
        if !force, try companyRulesApplied(today: today) { return }
        let company = KehuDatabase(path: path, engine: engine, lockWait: lockWait, damage: damage, readPlace: readPlace)
        try company.applyPoolDrops(today: today, by: actor)
        try company.applyChurn(today: today, by: actor)
        try company.proposeDowngrades(today: today, by: actor)
        try write { db in
            try db.execute(sql: """
                INSERT INTO settings(key, value) VALUES ('rules.appliedOn', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, arguments: [today.description])
        }
    }
}
