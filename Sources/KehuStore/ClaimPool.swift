import GRDB
import KehuCore

/// A prospect that returns (or returned) to the pool, and why.
public struct PoolDrop: Hashable, Sendable {
    public let customerID: Int64
    public let code: String
    public let name: String
    public let ownerID: Int64
    public let ownerName: String
    public let lastActivity: LocalDate?
    public let dropDate: LocalDate
}

extension KehuDatabase {
    /// The company's pool rules from settings (`pool.dropDays`, `pool.dropDays.vip` …,
    /// `pool.warnDays`, `pool.claimLimit`, `pool.cooldownDays`), defaults where unset.
    public func poolRules() throws -> PoolRules {
        func number(_ key: String) throws -> Int? { try setting(key).flatMap { Int($0) } }
        var days: [CustomerGrade: Int] = [:]
        let common = try number("pool.dropDays")
        for grade in CustomerGrade.allCases { days[grade] = try number("pool.dropDays.\(grade.rawValue)") ?? common }
        let standard = PoolRules.standard
        return PoolRules(dropDays: days.compactMapValues { $0 }, warnDaysBefore: try number("pool.warnDays") ?? standard.warnDaysBefore,
                         claimLimit: try number("pool.claimLimit") ?? standard.claimLimit,
                         cooldownDays: try number("pool.cooldownDays") ?? standard.cooldownDays)
    }

    /// Owned prospects with their drop dates (of one owner, if given).
    /// Owned prospects with their drop dates; only those dropping by `dropBy` when given,
    /// so the start of the day does not read every prospect of a large archive.
    func ownedProspects(_ db: StoreConnection, ownerID: Int64?, rules: PoolRules, dropBy: LocalDate? = nil) throws -> [PoolDrop] {
        // Two spellings of the owner condition, so one owner's query uses the owner index.
        let owner = ownerID == nil ? "c.ownerID IS NOT NULL" : "c.ownerID = ?"
        var arguments: SQLArguments = ownerID.map { [$0] } ?? []
        var soon = ""
        if let dropBy {
            // The shortest drop period bounds when the last work can have been.
            let shortest = ([30] + CustomerGrade.allCases.map { rules.dropDays[$0] ?? 30 }).min() ?? 30
            soon = "AND max(coalesce(substr(c.lastContactAt, 1, 10), ''), coalesce(c.claimedOn, substr(c.createdAt, 1, 10))) <= ?"
            arguments += [dropBy.adding(days: -shortest).description]
        }
        return try StoreRow.fetchAll(db, sql: """
            SELECT c.id, c.code, c.name, c.grade, c.ownerID, c.claimedOn, c.createdAt, u.displayName AS ownerName,
                   c.lastContactAt AS lastActivity
            FROM customers c JOIN users u ON u.id = c.ownerID
            WHERE c.status = 'b' AND \(owner) \(soon)
            """, arguments: arguments).compactMap { row in
            // By position (the columns above, in order): thousands of rows at each start.
            let last = LocalDate(column: (row[8] as String?).map { String($0.prefix(10)) })
            // A prospect never worked counts from when it was claimed, or else created.
            let claimed = LocalDate(column: row[5] as String?) ?? LocalDate(column: (row[6] as String?).map { String($0.prefix(10)) })
            guard let drop = rules.dropDate(lastActivity: last, claimedOn: claimed,
                                            grade: CustomerGrade(rawValue: row[3]) ?? .general) else { return nil }
            return PoolDrop(customerID: row[0], code: row[1], name: row[2], ownerID: row[4],
                            ownerName: row[7], lastActivity: last, dropDate: drop)
        }
    }

    /// Returns to the pool every prospect whose drop date has come. Safe to run as often
    /// as kehu starts: what was released is no longer owned, so a second run finds nothing.
    @discardableResult
    func applyPoolDrops(today: LocalDate, by actor: Actor) throws -> [PoolDrop] {
        let rules = try poolRules()
        return try write { db in
            let due = try ownedProspects(db, ownerID: nil, rules: rules, dropBy: today).filter { $0.dropDate <= today }
            for drop in due {
                guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [drop.customerID]) else { continue }
                let customer = Customer(row: row)
                var released = customer
                released.ownerID = nil
                released.claimedOn = nil
                _ = try RecordWriter.update(db, table: "customers", id: drop.customerID, original: customer.columnValues,
                                            edited: released.columnValues, actor: actor.login, at: actor.clock.now, ignoring: ["updatedAt"])
                try db.execute(sql: "INSERT INTO poolReleases(customerID, formerOwnerID, releasedOn, reason) VALUES (?, ?, ?, ?)",
                               arguments: [drop.customerID, drop.ownerID, today.description,
                                           "no follow-up since \(drop.lastActivity?.description ?? "claim")"])
            }
            return due
        }
    }

    /// What drops to the pool on `day` (tomorrow, in the preview), in this store's view.
    public func poolDrops(on day: LocalDate, ownerID: Int64? = nil) throws -> [PoolDrop] {
        let rules = try poolRules()
        let (condition, arguments) = visible()
        // One owner's: only their prospects need the visibility check (the login brief).
        let owner = ownerID == nil ? "c.ownerID IS NOT NULL" : "c.ownerID = ?"
        return try read { db in
            let visibleIDs = Set(try Int64.fetchAll(db, sql: "SELECT c.id FROM customers c WHERE c.status = 'b' AND \(owner) AND \(condition)",
                                                    arguments: (ownerID.map { [$0] } ?? []) + arguments))
            return try ownedProspects(db, ownerID: ownerID, rules: rules, dropBy: day)
                .filter { $0.dropDate == day && visibleIDs.contains($0.customerID) }
                .sorted { ($0.ownerName, $0.code) < ($1.ownerName, $1.code) }
        }
    }

    /// Prospects of one owner that drop within the warning days: for their Today list.
    public func poolWarnings(ownerID: Int64, today: LocalDate) throws -> [PoolDrop] {
        guard try knowsOf(userID: ownerID) else { return [] }
        let rules = try poolRules()
        return try read { db in
            try ownedProspects(db, ownerID: ownerID, rules: rules, dropBy: today.adding(days: rules.warnDaysBefore))
                .filter { rules.isWarning(dropDate: $0.dropDate, today: today) }
        }
    }

    /// 认购: a salesperson takes a prospect from the pool, within the claim limit and not
    /// during their own cooldown on it.
    public func claim(customerID: Int64, by user: User, actor: Actor) throws {
        let rules = try poolRules()
        let today = actor.clock.today
        try write { db in
            try requireVisible(db, customerID: customerID)
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [customerID]) else {
                throw StoreError.notFound(table: "customers", rowID: customerID)
            }
            let customer = Customer(row: row)
            guard customer.ownerID == nil, customer.status == .potential else { throw StoreError.refused(.notInPool) }
            let held = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers WHERE ownerID = ? AND status = 'b'", arguments: [user.id]) ?? 0
            guard held < rules.claimLimit else { throw StoreError.refused(.claimLimit(rules.claimLimit)) }
            if let released = try String.fetchOne(db, sql: """
                SELECT MAX(releasedOn) FROM poolReleases WHERE customerID = ? AND formerOwnerID = ?
                """, arguments: [customerID, user.id]).flatMap({ LocalDate(column: $0) }),
               !rules.cooldownOver(releasedOn: released, today: today) {
                throw StoreError.refused(.cooldown(until: released.adding(days: rules.cooldownDays)))
            }
            try setOwner(db, customer, to: user.id, today: today, actor: actor)
        }
    }

    /// A supervisor (or a manager, or an admin) gives a customer to a salesperson, or
    /// takes it back to the pool with nil.
    public func assign(customerID: Int64, to ownerID: Int64?, by actor: Actor) throws {
        if let viewer, ![Role.supervisor, .salesManager, .admin].contains(viewer.role) { throw StoreError.refused(.roleMayNot) }
        try write { db in
            try requireVisible(db, customerID: customerID)
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [customerID]) else {
                throw StoreError.notFound(table: "customers", rowID: customerID)
            }
            let customer = Customer(row: row)
            if ownerID == nil, let former = customer.ownerID {
                try db.execute(sql: "INSERT INTO poolReleases(customerID, formerOwnerID, releasedOn, reason) VALUES (?, ?, ?, 'assigned to the pool')",
                               arguments: [customerID, former, actor.clock.today.description])
            }
            try setOwner(db, customer, to: ownerID, today: actor.clock.today, actor: actor)
        }
    }

    private func setOwner(_ db: StoreConnection, _ customer: Customer, to ownerID: Int64?, today: LocalDate, actor: Actor) throws {
        var owned = customer
        owned.ownerID = ownerID
        owned.claimedOn = ownerID == nil ? nil : today
        _ = try RecordWriter.update(db, table: "customers", id: customer.id!, original: customer.columnValues,
                                    edited: owned.columnValues, actor: actor.login, at: actor.clock.now, ignoring: ["updatedAt"])
    }
}
