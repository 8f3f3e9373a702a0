import Foundation
import GRDB
import KehuStore
import KehuCore

/// The demo's order history, written after the customers with a random sequence of its
/// own (so the customers, cards and visits of a seed stay as they were). It puts every
/// order rule to work: amounts on both sides of the contract approval thresholds; VIP and
/// key customers buying every month, some slipping below their standard for exactly the
/// months that trigger a downgrade proposal and some one month short; settled and open
/// orders; lost customers with the owners' reasons; and a few lost customers whose last
/// settlement is past the retention period.
struct DemoOrders {
    let db: Database
    let today: LocalDate
    var rng: SeededRandom
    var written = 0

    init(db: Database, today: LocalDate, seed: UInt64) {
        self.db = db
        self.today = today
        rng = SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x0D)
    }

    mutating func run() throws {
        let customers = try Row.fetchAll(db, sql: "SELECT id, grade, status, lastOrderOn, createdAt FROM customers WHERE lastOrderOn IS NOT NULL ORDER BY id")
        let insert = try BulkStatement(db, sql: """
            INSERT INTO orders(customerID, orderedOn, amountYuan, product, contractNumber, approval, settledOn) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let moveLastOrder = try db.makeStatement(sql: "UPDATE customers SET lastOrderOn = ? WHERE id = ?")
        let rules = ContractApprovalRules.standard
        // A customer's orders are drawn on a thread of their own while the ones before are
        // written (as the customers were).
        try handOff(read: { hand in
            for row in customers {
                let id: Int64 = row["id"]
                guard let grade = CustomerGrade(rawValue: row["grade"]), let last = LocalDate(column: row["lastOrderOn"]) else { continue }
                let created = LocalDateTime(column: row["createdAt"])?.date ?? last.adding(days: -400)
                let cooperating = (row["status"] as String) == "a"
                var orders = history(grade: grade, cooperating: cooperating, last: last, created: created)
                // The customer's last order moves to the newest drawn.
                let newest = orders.last?.date
                let moved = newest == last ? nil : newest
                if orders.isEmpty { orders = [(last, rng.int(in: 5...90) * 1_000)] }
                var rows: [[DatabaseValue]] = []
                for (date, amount) in orders {
                    written += 1
                    var settled: LocalDate?
                    if date.days(until: today) > 45 || rng.chance(50) { settled = min(today, date.adding(days: rng.int(in: 20...60))) }
                    let product: String = rng.pick(DemoVocabulary.products)
                    let contract = "HT" + String(date.description.prefix(4)) + "-" + zeroPadded(written, 5)
                    rows.append(rowValues([id, date.description, amount, product, contract,
                                           rules.approver(amountYuan: amount).rawValue, settled?.description]))
                }
                try hand((id, moved, rows))
            }
        }, prepare: { $0 }, write: { (customer: (id: Int64, moved: LocalDate?, rows: [[DatabaseValue]])) in
            if let moved = customer.moved { try moveLastOrder.execute(arguments: [moved.description, customer.id]) }
            for row in customer.rows { try insert.execute(row) }
        })
        try retire()
        try recordLosses()
        try recordDefeats()
    }

    static let defeatReasons = ["价格高于竞品", "客户预算不足，项目取消", "竞品交期更短", "决策人倾向老供应商", "售后网点太远", "付款条件谈不拢"]

    /// Defeat applications with their reason, competitor and what the customer bought;
    /// some approved months ago — and won cards from every source, not only calls: the
    /// defeats and sources reports have something to say.
    mutating func recordDefeats() throws {
        let pending = try Row.fetchAll(db, sql: "SELECT id, createdOn FROM intentCards WHERE state = 'defeatPending' ORDER BY id")
        for row in pending {
            let created = LocalDate(column: row["createdOn"]) ?? today.adding(days: -60)
            let applied = max(created, today.adding(days: -rng.int(in: 0...6)))
            let values: [(any DatabaseValueConvertible)?] = [rng.pick(Self.defeatReasons), rng.pick(DemoVocabulary.competitors),
                                                              rng.pick(DemoVocabulary.products), rng.int(in: 8...60) * 10_000,
                                                              applied.description, row["id"] as Int64]
            try db.cachedStatement(sql: """
                UPDATE intentCards SET closeReason = ?, competitor = ?, chosenProduct = ?, chosenPriceYuan = ?, defeatAppliedOn = ? WHERE id = ?
                """).execute(arguments: StatementArguments(values))
        }
        // Lost customers' last open card was a defeat, approved on its last visit.
        let lost = try Row.fetchAll(db, sql: """
            SELECT k.id, (SELECT MAX(substr(a.occurredAt, 1, 10)) FROM activities a INDEXED BY activities_card WHERE a.cardID = k.id) AS last
            FROM intentCards k JOIN customers c ON c.id = k.customerID
            WHERE c.status = 'c' AND k.state = 'open' ORDER BY k.id
            """)
        for row in lost {
            let closed = LocalDate(column: row["last"]) ?? today.adding(days: -rng.int(in: 30...300))
            let values: [(any DatabaseValueConvertible)?] = [rng.pick(Self.defeatReasons), rng.pick(DemoVocabulary.competitors),
                                                              rng.pick(DemoVocabulary.products), closed.description, closed.description,
                                                              row["id"] as Int64]
            try db.cachedStatement(sql: """
                UPDATE intentCards SET state = 'lost', closeReason = ?, competitor = ?, chosenProduct = ?, defeatAppliedOn = ?, closedOn = ?,
                  nextVisitOn = NULL, nextVisitTime = NULL WHERE id = ?
                """).execute(arguments: StatementArguments(values))
        }
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM intentCards WHERE state = 'won' ORDER BY id") {
            try db.cachedStatement(sql: "UPDATE intentCards SET source = ? WHERE id = ?")
                .execute(arguments: [rng.pick(LeadSource.allCases).rawValue, id])
        }
    }

    /// The orders of one customer, oldest first; the last one is the date the customer row
    /// keeps unless the customer is a steady VIP or key buyer (then recent).
    mutating func history(grade: CustomerGrade, cooperating: Bool, last: LocalDate, created: LocalDate) -> [(date: LocalDate, amount: Int)] {
        let steady = cooperating && (grade == .vip || grade == .key) && last.days(until: today) < 150
        guard steady else {
            let count = rng.int(in: 1...(cooperating ? 6 : 4))
            var orders: [(date: LocalDate, amount: Int)] = []
            for back in stride(from: count - 1, through: 0, by: -1) {
                let gap: Int = rng.int(in: 60...120)
                let amount: Int = rng.int(in: 5...90) * 1_000
                orders.append((max(created, last.adding(days: -back * gap)), amount))
            }
            return orders.sorted { $0.date < $1.date }
        }
        let standard = grade == .vip ? DowngradeRules.standard.vipMonthlyYuan : DowngradeRules.standard.keyMonthlyYuan
        let runLength = grade == .vip ? DowngradeRules.standard.vipMonths : DowngradeRules.standard.keyMonths
        // Slipping customers buy little for the last `slip` whole months: the full run (a
        // downgrade proposal at start) or one month short of it (proposed next month).
        var slip = 0
        if rng.chance(4) { slip = runLength } else if rng.chance(4) { slip = runLength - 1 }
        let thisMonth = LocalDate(year: today.year, month: today.month, day: 1)!
        // Thousands of yuan: below the standard when slipping, up to eight times it otherwise.
        let lowRange: ClosedRange<Int> = (standard / 10_000)...max(1, standard * 8 / 10_000)
        let highRange: ClosedRange<Int> = (standard / 1_000)...(standard * 8 / 1_000)
        var orders: [(date: LocalDate, amount: Int)] = []
        for back in stride(from: 12, through: 0, by: -1) {
            let day = thisMonth.adding(months: -back).adding(days: rng.int(in: 0...20))
            guard day >= created, day < today else { continue }
            let low = back >= 1 && back <= slip
            let amount: Int = rng.int(in: low ? lowRange : highRange) * 1_000
            // The month under way may not have an order yet.
            if back == 0 && rng.chance(50) { continue }
            orders.append((day, amount))
        }
        return orders
    }

    /// Some lost customers are long gone: their whole history (creation, visits, cards,
    /// orders) moved back past the retention period and every order settled, so
    /// `kehu purge --dry-run` has something to show.
    mutating func retire() throws {
        let cutoff = RetentionRule.standard.latestPurgeableSettlement(today: today)
        let candidates = try Row.fetchAll(db, sql: """
            SELECT c.id, c.lastOrderOn, (SELECT MAX(substr(a.occurredAt, 1, 10)) FROM activities a WHERE a.customerID = c.id) AS lastActivity
            FROM customers c
            WHERE c.status = 'c' AND c.lastOrderOn IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM intentCards k WHERE k.customerID = c.id AND k.state IN ('open', 'defeatPending'))
            ORDER BY c.id
            """)
        for row in candidates where rng.chance(15) {
            let id: Int64 = row["id"]
            guard let lastOrder = LocalDate(column: row["lastOrderOn"]) else { continue }
            let latest = max(lastOrder.adding(days: 60), LocalDate(column: row["lastActivity"]) ?? lastOrder)
            let margin: Int = rng.int(in: 10...300)
            let shift: Int = -margin - cutoff.days(until: latest)   // days to move (negative: back)
            for sql in [
                """
                UPDATE customers SET createdAt = strftime('%Y-%m-%d %H:%M', createdAt, ?1), updatedAt = strftime('%Y-%m-%d %H:%M', updatedAt, ?1),
                  lastOrderOn = date(lastOrderOn, ?1) WHERE id = ?2
                """,
                "UPDATE activities SET occurredAt = strftime('%Y-%m-%d %H:%M', occurredAt, ?1) WHERE customerID = ?2",
                "UPDATE intentCards SET createdOn = date(createdOn, ?1), closedOn = date(closedOn, ?1), nextVisitOn = date(nextVisitOn, ?1) WHERE customerID = ?2",
                "UPDATE orders SET orderedOn = date(orderedOn, ?1), settledOn = date(orderedOn, ?1, '+30 days') WHERE customerID = ?2",
            ] {
                try db.execute(sql: sql, arguments: ["\(shift) days", id])
            }
        }
    }

    static let churnReasons = ["价格高于竞品，转向低价供应商", "客户自身经营困难，停止采购", "售后响应慢，客户不满意",
                               "决策人更换，新负责人有固定供应商", "产品需求变化，不再需要我司设备", "被竞争对手以账期条件抢走"]

    /// Lost customers were lost six months after their last order, most with the owner's
    /// reason: the churn report of any recent month has something in it.
    mutating func recordLosses() throws {
        let lost = try Row.fetchAll(db, sql: "SELECT id, ownerID, grade, lastOrderOn FROM customers WHERE status = 'c' AND lastOrderOn IS NOT NULL ORDER BY id")
        let months = ChurnRules.standard.lostAfterMonths
        for row in lost {
            guard let last = LocalDate(column: row["lastOrderOn"]) else { continue }
            let lostOn = last.adding(months: months)
            guard lostOn <= today else { continue }
            // The reason is still owed for some of the most recent.
            var reason: String? = rng.pick(Self.churnReasons)
            if lostOn.days(until: today) < 20, rng.chance(60) { reason = nil }
            let id: Int64 = row["id"]
            let ownerID: Int64? = row["ownerID"]
            let grade: String = row["grade"]
            let values: [(any DatabaseValueConvertible)?] = [id, ownerID, grade, lostOn.description, reason]
            try db.cachedStatement(sql: "INSERT INTO churnEvents(customerID, ownerID, grade, lostOn, reason) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: StatementArguments(values))
        }
    }
}
