import GRDB
import KehuCore

/// Everything the detail card shows for one customer, read in one transaction so the
/// parts agree with each other.
public struct CustomerDetail: Hashable, Sendable {
    public let customer: Customer
    public let ownerName: String?
    public let teamName: String?
    public let contacts: [Contact]
    /// Open cards first, hottest level first.
    public let cards: [IntentCard]
    /// Codes the customer carried before its letters changed, oldest first.
    public var formerCodes: [String] = []
    /// The newest orders (three at most).
    public var recentOrders: [Order] = []
    /// What the customer still owes on all its approved contracts.
    public var outstandingYuan = 0
    /// Whether the lead was judged effective, by whom, why.
    public var lead: JudgedLead?
}

extension KehuDatabase {
    public func customer(id: Int64) throws -> Customer? {
        try read { db in
            guard try isVisible(db, customerID: id) else { return nil }
            return try StoreRow.fetchOne(try db.cachedStatement(sql: "SELECT * FROM customers WHERE id = ?"), arguments: [id]).map(Customer.init(row:))
        }
    }

    public func detail(customerID id: Int64) throws -> CustomerDetail? {
        try read { db in
            guard try isVisible(db, customerID: id) else { return nil }
            return try Self.detail(db, customerID: id)
        }
    }

    /// What the right-hand panes show for a customer: the card, the newest page of the
    /// timeline and how many entries it has — in one read, with one visibility check (a
    /// list move asks for this on every key).
    public func shown(customerID id: Int64, timelinePage: Int) throws -> (detail: CustomerDetail?, entries: [TimelineEntry], total: Int) {
        try read { db in
            guard try isVisible(db, customerID: id), let detail = try Self.detail(db, customerID: id) else { return (nil, [], 0) }
            return (detail, try Self.timeline(db, customerID: id, offset: 0, limit: timelinePage), try Self.timelineCount(db, customerID: id))
        }
    }

    /// The card of a customer already known to be visible. Its statements are cached
    /// (prepared once per connection): a list move reads a card on every key, and
    /// preparing them took two thirds of the read.
    static func detail(_ db: StoreConnection, customerID id: Int64) throws -> CustomerDetail? {
        guard let row = try StoreRow.fetchOne(try db.cachedStatement(sql: """
            SELECT c.*, u.displayName AS ownerName, t.name AS teamName
            FROM customers c
            LEFT JOIN users u ON u.id = c.ownerID
            LEFT JOIN teams t ON t.id = c.teamID
            WHERE c.id = ?
            """), arguments: [id]) else { return nil }
        let contacts = try StoreRow.fetchAll(try db.cachedStatement(sql: """
            SELECT * FROM contacts WHERE customerID = ? ORDER BY isDecisionMaker DESC, id
            """), arguments: [id]).map(Contact.init(row:))
        let cards = try StoreRow.fetchAll(try db.cachedStatement(sql: """
            SELECT * FROM intentCards WHERE customerID = ?
            ORDER BY state NOT IN ('open', 'defeatPending'),
                     CASE level WHEN 'H' THEN 0 WHEN 'A' THEN 1 WHEN 'B' THEN 2 ELSE 3 END, id DESC
            """), arguments: [id]).map(IntentCard.init(row:))
        var detail = CustomerDetail(customer: Customer(row: row), ownerName: row["ownerName"], teamName: row["teamName"],
                                    contacts: contacts, cards: cards)
        detail.recentOrders = try StoreRow.fetchAll(try db.cachedStatement(sql: "SELECT * FROM orders WHERE customerID = ? ORDER BY orderedOn DESC, id DESC LIMIT 3"),
                                               arguments: [id]).map(Order.init(row:))
        detail.outstandingYuan = try Int.fetchOne(try db.cachedStatement(sql: """
            SELECT coalesce(SUM(amountYuan - receivedYuan), 0) FROM orders INDEXED BY orders_outstanding
            WHERE customerID = ? AND approvalState = 'approved' AND receivedYuan < amountYuan
            """), arguments: [id]) ?? 0
        detail.formerCodes = try String.fetchAll(try db.cachedStatement(sql: "SELECT code FROM formerCodes WHERE customerID = ? ORDER BY " + db.sql(sqlite: "rowid", postgres: "code")), arguments: [id])
        detail.lead = try Self.judgedLead(db, customerID: id)
        return detail
    }

    /// The customer a code names, whether it is the current code or one it carried before
    /// its grade or status changed. Nil when no visible customer has it.
    public func customerID(code raw: String) throws -> Int64? {
        let code = Normalization.halfWidth(raw).trimmingWhitespace()
        return try read { db in
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE code = ?", arguments: [code])
                ?? Int64.fetchOne(db, sql: "SELECT customerID FROM formerCodes WHERE code = ?", arguments: [code])
            guard let id, try isVisible(db, customerID: id) else { return nil }
            return id
        }
    }
}
