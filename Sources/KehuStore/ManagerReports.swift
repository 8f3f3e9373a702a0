import GRDB
import KehuCore

/// 销售漏斗 and forecast: open cards now, per stage and per intent level.
public struct FunnelReport: Hashable, Sendable {
    public struct Stage: Hashable, Sendable {
        public let stage: FunnelStage
        public let cards: Int
        public let amountYuan: Int
        public let probabilityPercent: Int
        public var weightedYuan: Int { amountYuan * probabilityPercent / 100 }
    }
    public let stages: [Stage]
    public let byLevel: [(level: IntentLevel, cards: Int)]
    public var forecastYuan: Int { stages.reduce(0) { $0 + $1.weightedYuan } }

    public static func == (a: FunnelReport, b: FunnelReport) -> Bool {
        a.stages == b.stages && a.byLevel.map { "\($0.level)\($0.cards)" } == b.byLevel.map { "\($0.level)\($0.cards)" }
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(stages) }
}

/// Customers ranked by order value in a period.
public struct ParetoReport: Sendable {
    public let customers: [(code: String, name: String, amountYuan: Int)]
}

/// Defeats (战败) approved or applied for in a period.
public struct DefeatReport: Sendable {
    /// `doubtful`: marked 虚假战败 in the evening check.
    public let defeats: [(code: String, name: String, on: LocalDate, reason: String, competitor: String, product: String, doubtful: Bool)]
}

/// Leads per source in a period, and how many became deals.
public struct SourceReport: Sendable {
    public let sources: [(source: LeadSource, leads: Int, won: Int)]
}

extension KehuDatabase {
    public func funnelProbabilities() throws -> [FunnelStage: Int] {
        var result: [FunnelStage: Int] = [:]
        for stage in FunnelStage.allCases {
            result[stage] = try setting("funnel.probability.\(stage.rawValue)").flatMap { Int($0) } ?? stage.defaultProbabilityPercent
        }
        return result
    }

    /// Open cards (and those waiting on a defeat decision) as they stand now.
    public func funnel(teamID: Int64? = nil) throws -> FunnelReport {
        let probabilities = try funnelProbabilities()
        let (condition, arguments) = visible()
        let team = teamID == nil ? "TRUE" : "c.teamID = ?"
        return try read { db in
            var stages: [FunnelStage: (cards: Int, amount: Int)] = [:]
            var levels: [IntentLevel: Int] = [:]
            for row in try StoreRow.fetchAll(db, sql: """
                SELECT k.level, COALESCE(k.budgetYuan, 0) AS amount,
                       EXISTS(SELECT 1 FROM activities a WHERE a.cardID = k.id) AS followed
                FROM intentCards k JOIN customers c ON c.id = k.customerID
                WHERE k.state IN ('open', 'defeatPending') AND \(condition) AND \(team)
                """, arguments: arguments + SQLArguments(teamID.map { [$0] } ?? [])) {
                guard let level = IntentLevel(rawValue: row["level"]) else { continue }
                let stage = FunnelStage.of(level: level, followUps: (row["followed"] as Bool) ? 1 : 0)
                stages[stage, default: (0, 0)].cards += 1
                stages[stage, default: (0, 0)].amount += row["amount"] as Int
                levels[level, default: 0] += 1
            }
            return FunnelReport(
                stages: FunnelStage.allCases.map { stage in
                    FunnelReport.Stage(stage: stage, cards: stages[stage]?.cards ?? 0, amountYuan: stages[stage]?.amount ?? 0,
                                       probabilityPercent: probabilities[stage] ?? stage.defaultProbabilityPercent)
                },
                byLevel: IntentLevel.allCases.map { ($0, levels[$0] ?? 0) })
        }
    }

    public func pareto(from: LocalDate, to: LocalDate) throws -> ParetoReport {
        let (condition, arguments) = visible()
        return try read { db in
            ParetoReport(customers: try StoreRow.fetchAll(db, sql: """
                SELECT c.code, c.name, SUM(o.amountYuan) AS amount FROM orders o JOIN customers c ON c.id = o.customerID
                WHERE o.orderedOn BETWEEN ? AND ? AND o.approvalState <> 'rejected' AND \(condition)
                GROUP BY c.id ORDER BY amount DESC, c.code
                """, arguments: [from.description, to.description] + arguments).map { ($0["code"], $0["name"], $0["amount"]) })
        }
    }

    public func defeats(from: LocalDate, to: LocalDate) throws -> DefeatReport {
        let (condition, arguments) = visible()
        return try read { db in
            DefeatReport(defeats: try StoreRow.fetchAll(db, sql: """
                SELECT c.code, c.name, COALESCE(k.closedOn, k.defeatAppliedOn) AS day, k.closeReason, k.competitor, k.chosenProduct, k.defeatDoubtful
                FROM intentCards k JOIN customers c ON c.id = k.customerID
                WHERE k.state IN ('lost', 'defeatPending') AND COALESCE(k.closedOn, k.defeatAppliedOn) BETWEEN ? AND ? AND \(condition)
                ORDER BY day, c.code
                """, arguments: [from.description, to.description] + arguments).map {
                ($0["code"], $0["name"], LocalDate(column: $0["day"]) ?? from, $0["closeReason"], $0["competitor"], $0["chosenProduct"], $0["defeatDoubtful"])
            })
        }
    }

    public func sources(from: LocalDate, to: LocalDate) throws -> SourceReport {
        let (condition, arguments) = visible()
        return try read { db in
            var counts: [LeadSource: (leads: Int, won: Int)] = [:]
            for row in try StoreRow.fetchAll(db, sql: """
                SELECT k.source, COUNT(*) AS leads, SUM(CASE WHEN k.state = 'won' THEN 1 ELSE 0 END) AS won
                FROM intentCards k JOIN customers c ON c.id = k.customerID
                WHERE k.createdOn BETWEEN ? AND ? AND \(condition) GROUP BY k.source
                """, arguments: [from.description, to.description] + arguments) {
                if let source = LeadSource(rawValue: row["source"]) { counts[source] = (row["leads"], row["won"]) }
            }
            return SourceReport(sources: LeadSource.allCases.map { ($0, counts[$0]?.leads ?? 0, counts[$0]?.won ?? 0) })
        }
    }
}
