import Foundation
import GRDB
import KehuCore
import KehuStore

/// The contracts of the demo's orders (002 §3): the last ten days' open orders partly still
/// awaiting approval (some with the first signature given), the rest approved and under
/// way — shipped after a week, partly paid — so the Approvals view, the card's amounts
/// owed and the outstanding report all have something on the first start. Every order
/// names its owner as the one who recorded it. A random sequence of its own.
struct DemoContracts {
    let db: Database
    let now: LocalDateTime
    var rng: SeededRandom
    var pending = 0

    init(db: Database, now: LocalDateTime, seed: UInt64) {
        self.db = db
        self.now = now
        rng = SeededRandom(seed: seed &* 0x5851_F42D_4C95_7F2D &+ 0x2B)
    }

    mutating func run() throws {
        try db.execute(sql: """
            UPDATE orders SET recordedByID = (SELECT ownerID FROM customers c WHERE c.id = orders.customerID),
                              recordedAt = orderedOn || 'T10:00';
            UPDATE orders SET shippedYuan = amountYuan, receivedYuan = amountYuan WHERE settledOn IS NOT NULL;
            """)
        var signers: [Role: [(id: Int64, region: String)]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, role, region FROM users WHERE active = 1 ORDER BY id") {
            guard let role = Role(rawValue: row["role"]) else { continue }
            signers[role, default: []].append((row["id"], row["region"]))
        }
        let since = now.date.adding(days: -10)
        let open = try Row.fetchAll(db, sql: """
            SELECT o.id, o.orderedOn, o.amountYuan, o.approval, c.region FROM orders o JOIN customers c ON c.id = o.customerID
            WHERE o.settledOn IS NULL ORDER BY o.id
            """)
        for row in open {
            let id: Int64 = row["id"], amount: Int = row["amountYuan"]
            guard let ordered = LocalDate(column: row["orderedOn"]) else { continue }
            if ordered >= since, rng.chance(40), let band = ContractApprover(rawValue: row["approval"]) {
                pending += 1
                try db.execute(sql: "UPDATE orders SET approvalState = 'pending' WHERE id = ?", arguments: [id])
                // Half of them have their first signature.
                guard rng.chance(50), let step = band.chain.first,
                      let role = step.defaultSigners.first, let people = signers[role], !people.isEmpty else { continue }
                let region: String = row["region"]
                let signer = people.first { $0.region == region } ?? people[0]
                let at = min(now, LocalDateTime(date: ordered.adding(days: 1), hour: 9, minute: 30)!)
                try db.execute(sql: """
                    INSERT INTO contractDecisions(orderID, step, role, approverID, approved, decidedAt) VALUES (?, ?, ?, ?, 1, ?)
                    """, arguments: [id, step.rawValue, role.rawValue, signer.id, at.description])
                continue
            }
            // Approved and under way: shipped after a week, part of it paid.
            let shipped = ordered.days(until: now.date) > 7 ? amount : 0
            let share: Int = rng.pick([0, 30, 50, 80])
            let received = shipped == 0 ? 0 : amount * share / 100 / 1_000 * 1_000
            try db.cachedStatement(sql: "UPDATE orders SET shippedYuan = ?, receivedYuan = ? WHERE id = ?")
                .execute(arguments: [shipped, received, id])
        }
    }
}
