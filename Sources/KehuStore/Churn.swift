import GRDB
import KehuCore

/// A customer lost (or about to be), for Today, the churn list and the report.
public struct ChurnCase: Hashable, Sendable {
    public let customerID: Int64
    public let code: String
    public let name: String
    public let lastOrder: LocalDate
    public let state: ChurnRules.State
}

extension KehuDatabase {
    public func churnRules() throws -> ChurnRules {
        let written = try settings(["churn.warnMonths", "churn.lostMonths"])
        return ChurnRules(warnAfterMonths: written["churn.warnMonths"].flatMap { Int($0) } ?? ChurnRules.standard.warnAfterMonths,
                          lostAfterMonths: written["churn.lostMonths"].flatMap { Int($0) } ?? ChurnRules.standard.lostAfterMonths)
    }

    /// Marks lost every cooperating customer whose last order is six months old: status c,
    /// the code's letter, a churn event waiting for its reason, all audited. Running it
    /// again changes nothing: lost customers are no longer cooperating.
    @discardableResult
    func applyChurn(today: LocalDate, by actor: Actor) throws -> [ChurnCase] {
        let rules = try churnRules()
        let cutoff = today.adding(months: -rules.lostAfterMonths)
        return try write { db in
            let rows = try StoreRow.fetchAll(db, sql: """
                SELECT * FROM customers WHERE status = 'a' AND lastOrderOn IS NOT NULL AND lastOrderOn <= ?
                """, arguments: [cutoff.description])
            var lost: [ChurnCase] = []
            for row in rows {
                let customer = Customer(row: row)
                guard let last = customer.lastOrderOn, case .lost(let since) = rules.state(lastOrder: last, today: today) else { continue }
                var gone = customer
                gone.status = .lost
                gone.code = CustomerStatus.lost.recode(customer.code)
                _ = try RecordWriter.update(db, table: "customers", id: customer.id!, original: customer.columnValues,
                                            edited: gone.columnValues, actor: actor.login, at: actor.clock.now, ignoring: ["updatedAt"])
                try db.execute(sql: "INSERT INTO churnEvents(customerID, ownerID, grade, lostOn) VALUES (?, ?, ?, ?)",
                               arguments: [customer.id, customer.ownerID, customer.grade.rawValue, since.description])
                lost.append(ChurnCase(customerID: customer.id!, code: gone.code, name: customer.name, lastOrder: last, state: .lost(since: since)))
            }
            return lost
        }
    }

    /// An owner's cooperating customers in the warning window.
    public func churnWarnings(ownerID: Int64, today: LocalDate) throws -> [ChurnCase] {
        guard try knowsOf(userID: ownerID) else { return [] }
        let rules = try churnRules()
        let warnFrom = today.adding(months: -rules.warnAfterMonths)
        return try read { db in
            try StoreRow.fetchAll(db, sql: """
                SELECT id, code, name, lastOrderOn FROM customers
                WHERE ownerID = ? AND status = 'a' AND lastOrderOn IS NOT NULL AND lastOrderOn <= ?
                """, arguments: [ownerID, warnFrom.description]).compactMap { row in
                guard let last = LocalDate(column: row["lastOrderOn"]) else { return nil }
                let state = rules.state(lastOrder: last, today: today)
                guard case .warning = state else { return nil }
                return ChurnCase(customerID: row["id"], code: row["code"], name: row["name"], lastOrder: last, state: state)
            }
        }
    }

    /// Lost customers of an owner still waiting for the reason.
    public func churnReasonsDue(ownerID: Int64) throws -> [(eventID: Int64, customerID: Int64, code: String, name: String, lostOn: LocalDate)] {
        let (visibleSQL, visibleArguments) = visible()
        return try read { db in
            try StoreRow.fetchAll(db, sql: """
                SELECT e.id, e.customerID, e.lostOn, c.code, c.name FROM churnEvents e JOIN customers c ON c.id = e.customerID
                WHERE e.ownerID = ? AND e.reason IS NULL AND \(visibleSQL) ORDER BY e.lostOn, e.id
                """, arguments: [ownerID] + visibleArguments).map {
                ($0["id"], $0["customerID"], $0["code"], $0["name"], LocalDate(column: $0["lostOn"]) ?? LocalDate(dayNumber: 0))
            }
        }
    }

    /// The owner's reason why a customer was lost, kept with the audit history.
    /// `seen` is the reason shown when the user began (nil: none); a different one written by
    /// a colleague meanwhile is a conflict.
    public func recordChurnReason(eventID: Int64, reason: String, replacing seen: String? = nil, by actor: Actor) throws {
        let text = reason.trimmingWhitespace()
        guard !text.isEmpty else { throw StoreError.invalid([.required(field: .churnReason)]) }
        try write { db in
            guard let event = try StoreRow.fetchOne(db, sql: "SELECT customerID, reason FROM churnEvents WHERE id = ?", arguments: [eventID]) else {
                throw StoreError.notFound(table: "churnEvents", rowID: eventID)
            }
            try requireVisible(db, customerID: event["customerID"])
            let stored: String? = event["reason"]
            try StillAsSeen.text(stored, seen: seen, mine: text, table: "churnEvents", rowID: eventID, column: "reason")
            try db.execute(sql: "UPDATE churnEvents SET reason = ? WHERE id = ?", arguments: [text, eventID])
            try AuditLog.record(db, at: actor.clock.now, actor: actor.login, table: "churnEvents", rowID: eventID,
                                field: "reason", old: stored, new: text)
        }
    }
}
