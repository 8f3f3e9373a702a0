import GRDB

extension KehuDatabase {
    /// How many activities the archive holds, for reports and benchmarks.
    public func timelineCountTotal() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activities") ?? 0 }
    }

    /// Customers with an open intent card, spread over the archive.
    public func customersWithOpenCards(limit: Int) throws -> [Int64] {
        try read { db in
            let all = try Int64.fetchAll(db, sql: "SELECT DISTINCT customerID FROM intentCards WHERE state = 'open'")
            guard all.count > limit, limit > 0 else { return all }
            let step = all.count / limit
            return stride(from: 0, to: all.count, by: step).prefix(limit).map { all[$0] }
        }
    }
}
