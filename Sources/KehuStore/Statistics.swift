import GRDB

extension KehuDatabase {
    /// How many activities the archive holds, for reports and benchmarks.
    public func timelineCountTotal() throws -> Int {
        guard viewer != nil else { return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activities") ?? 0 } }
        let (visibleSQL, visibleArguments) = visible()
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activities a JOIN customers c ON c.id = a.customerID WHERE \(visibleSQL)",
                             arguments: visibleArguments) ?? 0
        }
    }

    /// Customers with an open intent card (of one team, if given), spread over the archive.
    public func customersWithOpenCards(limit: Int, teamID: Int64? = nil) throws -> [Int64] {
        let (visibleSQL, visibleArguments) = visible()
        return try read { db in
            let all = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT k.customerID FROM intentCards k JOIN customers c ON c.id = k.customerID
                WHERE k.state = 'open' AND (? IS NULL OR c.teamID = ?) AND \(visibleSQL)
                """, arguments: [teamID, teamID] + visibleArguments)
            guard all.count > limit, limit > 0 else { return all }
            let step = all.count / limit
            return stride(from: 0, to: all.count, by: step).prefix(limit).map { all[$0] }
        }
    }
}
