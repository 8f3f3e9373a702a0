import GRDB
import KehuCore

/// 客户流失月报: the customers lost in a period, counted by grade, owner and reason, and
/// those now in the warning window — for the sales and marketing managers each month.
public struct ChurnReport: Hashable, Sendable {
    public struct Loss: Hashable, Sendable {
        public let code: String
        public let name: String
        /// The grade when it was lost.
        public let grade: CustomerGrade
        public let ownerName: String?
        public let lostOn: LocalDate
        /// Nil while the owner has not given it.
        public let reason: String?
    }

    public struct Warning: Hashable, Sendable {
        public let code: String
        public let name: String
        public let grade: CustomerGrade
        public let ownerName: String?
        public let lastOrder: LocalDate
        public let lostOn: LocalDate
    }

    public let from: LocalDate
    public let to: LocalDate
    public let losses: [Loss]
    public let warnings: [Warning]

    /// Counts of `losses` by a key, largest first, then by key.
    public func count<Key: Hashable & Comparable>(by key: (Loss) -> Key) -> [(key: Key, count: Int)] {
        Dictionary(grouping: losses, by: key).map { ($0.key, $0.value.count) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }
}

extension KehuDatabase {
    /// Lost customers with `lostOn` in `from...to`, and the customers in the warning window
    /// on `today`; only what the viewer may see.
    public func churnReport(from: LocalDate, to: LocalDate, today: LocalDate) throws -> ChurnReport {
        let rules = try churnRules()
        let (condition, arguments) = visible()
        return try read { db in
            let losses = try StoreRow.fetchAll(db, sql: """
                SELECT c.code, c.name, e.grade, e.lostOn, e.reason, u.displayName AS ownerName
                FROM churnEvents e JOIN customers c ON c.id = e.customerID LEFT JOIN users u ON u.id = e.ownerID
                WHERE e.lostOn BETWEEN ? AND ? AND \(condition)
                ORDER BY e.lostOn, c.code
                """, arguments: [from.description, to.description] + arguments).map { row in
                ChurnReport.Loss(code: row["code"], name: row["name"], grade: CustomerGrade(rawValue: row["grade"]) ?? .general,
                                 ownerName: row["ownerName"], lostOn: LocalDate(column: row["lostOn"]) ?? from, reason: row["reason"])
            }
            let warnFrom = today.adding(months: -rules.warnAfterMonths)
            let warnings = try StoreRow.fetchAll(db, sql: """
                SELECT c.code, c.name, c.grade, c.lastOrderOn, u.displayName AS ownerName
                FROM customers c LEFT JOIN users u ON u.id = c.ownerID
                WHERE c.status = 'a' AND c.lastOrderOn IS NOT NULL AND c.lastOrderOn <= ? AND \(condition)
                ORDER BY c.lastOrderOn, c.code
                """, arguments: [warnFrom.description] + arguments).compactMap { row -> ChurnReport.Warning? in
                guard let last = LocalDate(column: row["lastOrderOn"]), case .warning(let lostOn) = rules.state(lastOrder: last, today: today) else { return nil }
                return ChurnReport.Warning(code: row["code"], name: row["name"], grade: CustomerGrade(rawValue: row["grade"]) ?? .general,
                                           ownerName: row["ownerName"], lastOrder: last, lostOn: lostOn)
            }
            return ChurnReport(from: from, to: to, losses: losses, warnings: warnings)
        }
    }
}
