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
        try read { db in try Self.detail(db, customerID: id, visible: viewer == nil ? nil : visible())?.detail }
    }

    /// What the right-hand panes show for a customer: the card, the newest page of the
    /// timeline and how many entries it has — in one read, with one visibility check (a
    /// list move asks for this on every key).
    /// On PostgreSQL the timeline's page comes in the card's row too, as JSON: the whole
    /// read is one statement, one round trip, with no transaction around it (it was four:
    /// BEGIN, the card, the timeline, COMMIT). A page with a corrected entry, whose notes
    /// are one more statement, is read again the ordinary way: few ever are.
    public func shown(customerID id: Int64, timelinePage: Int) throws -> (detail: CustomerDetail?, entries: [TimelineEntry], total: Int) {
        let visible = viewer == nil ? nil : visible()
        if isPostgres {
            let shown = try readOne { db in try Self.detail(db, customerID: id, visible: visible, timelinePage: timelinePage) }
            guard let (detail, total, entries) = shown else { return (nil, [], 0) }
            if let entries, !entries.contains(where: { $0.activity.correctedAt != nil }) { return (detail, entries, total) }
        }
        return try read { db in
            guard let (detail, total, _) = try Self.detail(db, customerID: id, visible: visible) else { return (nil, [], 0) }
            return (detail, try Self.timeline(db, customerID: id, offset: 0, limit: timelinePage), total)
        }
    }

    /// The card of a customer, if `visible` (the door's condition on `customers c`; nil:
    /// anyone's) lets it be seen, with how many timeline entries it has. Its statements
    /// are cached (prepared once per connection): a list move reads a card on every key,
    /// and preparing them took two thirds of the read. The customer's row brings what is
    /// one number or one short list with it (visibility, outstanding money, the timeline's
    /// count; on PostgreSQL the former codes too), since on PostgreSQL every statement is
    /// a round trip to the server.
    /// `timelinePage` (PostgreSQL only): the timeline's newest entries, that many, come in
    /// the row too (`entries`; their correction notes are not read).
    static func detail(_ db: StoreConnection, customerID id: Int64, visible: (sql: String, arguments: SQLArguments)?,
                       timelinePage: Int? = nil) throws -> (detail: CustomerDetail, timelineTotal: Int, entries: [TimelineEntry]?)? {
        // (SQLite 3.40 cannot order what group_concat joins: its former codes are read apart.)
        // On PostgreSQL the contacts, cards, newest orders and lead verdict come in the same
        // row as JSON (`RowsInJSON`): one round trip instead of five.
        var foldedIn = db.isPostgres
            ? ", (SELECT string_agg(code, '\(Self.codeSeparator)' ORDER BY code) FROM formerCodes WHERE customerID = c.id) AS formerCodeList"
                + ", (SELECT json_agg(x ORDER BY \(Self.contactOrder)) FROM contacts x WHERE x.customerID = c.id) AS contactRows"
                + ", (SELECT json_agg(x ORDER BY \(Self.cardOrder)) FROM intentCards x WHERE x.customerID = c.id) AS cardRows"
                + ", (SELECT json_agg(x ORDER BY \(Self.orderOrder)) FROM (SELECT * FROM orders x WHERE x.customerID = c.id"
                + " ORDER BY \(Self.orderOrder) LIMIT 3) x) AS orderRows"
                + ", (SELECT json_agg(x) FROM (\(Self.judgedLeadQuery(customer: "c.id"))) x) AS leadRows"
            : ""
        var pageArguments: SQLArguments = []
        if let timelinePage, db.isPostgres {
            foldedIn += ", (SELECT json_agg(x ORDER BY x.occurredAt DESC, x.id DESC) FROM (\(Self.timelineQuery(customer: "c.id")) LIMIT ?) x)"
                + " AS timelineRows"
            pageArguments = [timelinePage]
        }
        guard let row = try StoreRow.fetchOne(try db.cachedStatement(sql: """
            SELECT c.*, u.displayName AS ownerName, t.name AS teamName,
                   (SELECT coalesce(SUM(amountYuan - receivedYuan), 0) FROM orders INDEXED BY orders_outstanding
                    WHERE customerID = c.id AND approvalState = 'approved' AND receivedYuan < amountYuan) AS outstandingYuan,
                   (SELECT COUNT(*) FROM activities WHERE customerID = c.id) AS timelineTotal\(foldedIn)
            FROM customers c
            LEFT JOIN users u ON u.id = c.ownerID
            LEFT JOIN teams t ON t.id = c.teamID
            WHERE c.id = ? AND \(visible?.sql ?? "TRUE")
            """), arguments: pageArguments + [id] + (visible?.arguments ?? [])) else { return nil }
        if db.isPostgres {
            var detail = CustomerDetail(customer: Customer(row: row), ownerName: row["ownerName"], teamName: row["teamName"],
                                        contacts: try RowsInJSON.rows(row["contactRows"]).map(Contact.init(row:)),
                                        cards: try RowsInJSON.rows(row["cardRows"]).map(IntentCard.init(row:)))
            detail.recentOrders = try RowsInJSON.rows(row["orderRows"]).map(Order.init(row:))
            detail.outstandingYuan = row["outstandingYuan"]
            // (PostgreSQL keeps no row order: former codes in code order.)
            let list: String? = row["formerCodeList"]
            detail.formerCodes = list.map { $0.split(separator: Self.codeSeparator).map(String.init) } ?? []
            detail.lead = try RowsInJSON.rows(row["leadRows"]).first.map(Self.judgedLead(row:))
            let entries = timelinePage == nil ? nil : try RowsInJSON.rows(row["timelineRows"]).map(Self.timelineEntry(row:))
            return (detail, row["timelineTotal"], entries)
        }
        let contacts = try StoreRow.fetchAll(try db.cachedStatement(sql: """
            SELECT * FROM contacts x WHERE customerID = ? ORDER BY \(Self.contactOrder)
            """), arguments: [id]).map(Contact.init(row:))
        let cards = try StoreRow.fetchAll(try db.cachedStatement(sql: """
            SELECT * FROM intentCards x WHERE customerID = ? ORDER BY \(Self.cardOrder)
            """), arguments: [id]).map(IntentCard.init(row:))
        var detail = CustomerDetail(customer: Customer(row: row), ownerName: row["ownerName"], teamName: row["teamName"],
                                    contacts: contacts, cards: cards)
        detail.recentOrders = try StoreRow.fetchAll(try db.cachedStatement(sql: "SELECT * FROM orders x WHERE customerID = ? ORDER BY \(Self.orderOrder) LIMIT 3"),
                                               arguments: [id]).map(Order.init(row:))
        detail.outstandingYuan = row["outstandingYuan"]
        detail.formerCodes = try String.fetchAll(try db.cachedStatement(sql: "SELECT code FROM formerCodes WHERE customerID = ? ORDER BY rowid"),
                                                 arguments: [id])
        detail.lead = try Self.judgedLead(db, customerID: id)
        return (detail, row["timelineTotal"], nil)
    }

    /// The order of a card's contacts (decision makers first), intent cards (open ones
    /// first, the hottest level first, newest first) and orders (newest first), each table
    /// named `x`.
    private static let contactOrder = "x.isDecisionMaker DESC, x.id"
    private static let cardOrder = """
        x.state NOT IN ('open', 'defeatPending'), CASE x.level WHEN 'H' THEN 0 WHEN 'A' THEN 1 WHEN 'B' THEN 2 ELSE 3 END, x.id DESC
        """
    private static let orderOrder = "x.orderedOn DESC, x.id DESC"

    /// Between a customer's former codes in one text: never in a code (`CustomerCode`).
    private static let codeSeparator: Character = "|"

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
