import GRDB
import KehuCore

/// One activity with the names the timeline prints beside it.
public struct TimelineEntry: Hashable, Sendable {
    public let activity: Activity
    public let handlerName: String
    public let contactName: String?
    public let signerName: String?
    public let reviewerName: String?
    /// Set when the row was corrected.
    public var correction: CorrectionNote?
}

extension KehuDatabase {
    public func timelineCount(customerID: Int64) throws -> Int {
        try read { db in
            guard try isVisible(db, customerID: customerID) else { return 0 }
            return try Self.timelineCount(db, customerID: customerID)
        }
    }

    static func timelineCount(_ db: StoreConnection, customerID: Int64) throws -> Int {
        try Int.fetchOne(try db.cachedStatement(sql: "SELECT COUNT(*) FROM activities WHERE customerID = ?"), arguments: [customerID]) ?? 0
    }

    /// Activities of one customer, newest first, a page at a time: some customers have
    /// thousands.
    public func timeline(customerID: Int64, offset: Int, limit: Int) throws -> [TimelineEntry] {
        try read { db in
            guard try isVisible(db, customerID: customerID) else { return [] }
            return try Self.timeline(db, customerID: customerID, offset: offset, limit: limit)
        }
    }

    /// A customer's timeline, newest first, with the names it shows (before its LIMIT):
    /// `customer` is an argument's mark or a column (the card's row folds the first page
    /// in on PostgreSQL).
    static func timelineQuery(customer: String) -> String {
        """
        SELECT a.*, h.displayName AS handlerName, k.name AS contactName, s.displayName AS signerName,
               r.displayName AS reviewerName
        FROM activities a
        JOIN users h ON h.id = a.handlerID
        LEFT JOIN contacts k ON k.id = a.contactID
        LEFT JOIN users s ON s.id = a.commentSignerID
        LEFT JOIN users r ON r.id = a.reviewerID
        WHERE a.customerID = \(customer)
        ORDER BY a.occurredAt DESC, a.id DESC
        """
    }

    static func timelineEntry(row: StoreRow) -> TimelineEntry {
        TimelineEntry(activity: Activity(row: row), handlerName: row["handlerName"],
                      contactName: row["contactName"], signerName: row["signerName"], reviewerName: row["reviewerName"])
    }

    /// The page, for a customer already known to be visible.
    static func timeline(_ db: StoreConnection, customerID: Int64, offset: Int, limit: Int) throws -> [TimelineEntry] {
        let entries = try StoreRow.fetchAll(try db.cachedStatement(sql: timelineQuery(customer: "?") + " LIMIT ? OFFSET ?"),
                                            arguments: [customerID, limit, max(0, offset)]).map(timelineEntry(row:))
        // Few rows are ever corrected: their notes in one more query for the page.
        let corrected = entries.filter { $0.activity.correctedAt != nil }.compactMap(\.activity.id)
        let notes = try Self.correctionNotes(db, activityIDs: corrected)
        return entries.map { entry in
            var entry = entry
            entry.correction = entry.activity.id.flatMap { notes[$0] }
            return entry
        }
    }
}
