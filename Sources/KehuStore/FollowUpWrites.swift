import GRDB
import KehuCore

/// What saving a follow-up produced.
public struct SavedFollowUp: Hashable, Sendable {
    public let activityID: Int64
    public let visitNumber: Int
    public let contactID: Int64?
}

extension KehuDatabase {
    /// The visit number the next activity of a customer will get.
    public func nextVisitNumber(customerID: Int64) throws -> Int {
        try read { db in
            try requireVisible(db, customerID: customerID)
            return VisitNumbering.next(after: try Int.fetchOne(db, sql: "SELECT MAX(visitNumber) FROM activities WHERE customerID = ?",
                                                        arguments: [customerID]))
        }
    }

    /// Saves a follow-up in one transaction: a new contact if one was named, the activity
    /// with its visit number, the card's level and next visit, and their audit rows.
    public func log(_ followUp: FollowUp, handlerID: Int64, by actor: Actor) throws -> SavedFollowUp {
        let now = actor.clock.now
        let problems = followUp.validate(today: now.date)
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        let (condition, visibility) = visible()
        return try write { db in
            // What the save checks, in one read (three round trips on PostgreSQL, one each):
            // whether this person may see the customer; the card the follow-up was written
            // for, as stored (it may have been won, or its defeat approved, or moved to
            // another customer in a merge, since the form opened; read as it is, it is
            // handed on to be updated); and the customer's highest visit number.
            guard let facts = try StoreRow.fetchOne(try db.cachedStatement(sql: """
                SELECT EXISTS(SELECT 1 FROM customers c WHERE c.id = ? AND \(condition)) AS customerVisible,
                       (SELECT MAX(visitNumber) FROM activities WHERE customerID = ?) AS highestVisit, k.*
                FROM (SELECT 1 AS one) one LEFT JOIN intentCards k ON k.id = ?
                """), arguments: [followUp.customerID] + visibility + [followUp.customerID, followUp.cardID ?? 0]),
                  facts["customerVisible"] as Bool else {
                throw StoreError.notFound(table: "customers", rowID: followUp.customerID)
            }
            var card: IntentCard?      // (its row: `facts`)
            if let cardID = followUp.cardID {
                guard (facts["id"] as Int64?) != nil else { throw StoreError.notFound(table: "intentCards", rowID: cardID) }
                let stored = IntentCard(row: facts)
                if stored.customerID != followUp.customerID {
                    throw StoreError.conflict(table: "intentCards", rowID: cardID, fields: [
                        FieldConflict(column: "customerID", mine: String(followUp.customerID), theirs: String(stored.customerID)),
                    ])
                }
                try StillAsSeen.card(stored, isIn: [.open, .defeatPending], becoming: .open)
                card = stored
            }
            var contactID = followUp.contactID
            let newName = followUp.newContactName.trimmingWhitespace()
            if contactID == nil, !newName.isEmpty {
                let contact = Contact(customerID: followUp.customerID, name: newName)
                contactID = try RecordWriter.insert(db, table: "contacts", values: contact.columnValues, actor: actor.login, at: now)
                try SearchKeys.refreshContact(db, id: contactID!)
            }
            let number = VisitNumbering.next(after: facts["highestVisit"] as Int?)
            var activity = Activity(customerID: followUp.customerID, cardID: followUp.cardID, visitNumber: number,
                                    method: followUp.method, occurredAt: now, handlerID: handlerID,
                                    contactID: contactID, content: followUp.content.trimmingWhitespace())
            activity.levelJudged = followUp.levelJudged
            activity.impression = followUp.impression.trimmingWhitespace()
            activity.bottleneckPlan = followUp.bottleneckPlan.trimmingWhitespace()
            activity.nextVisitOn = followUp.nextVisitOn
            let id = try insertActivity(db, activity, nextVisitTime: followUp.nextVisitTime, cardRow: card.map { _ in facts }, actor: actor)
            return SavedFollowUp(activityID: id, visitNumber: number, contactID: contactID)
        }
    }

    /// The open card a follow-up of this customer belongs to: the hottest open one.
    public func openCard(customerID: Int64) throws -> IntentCard? {
        try read { db in
            guard try isVisible(db, customerID: customerID) else { return nil }
            return try StoreRow.fetchOne(db, sql: """
                SELECT * FROM intentCards WHERE customerID = ? AND state IN ('open', 'defeatPending')
                ORDER BY CASE level WHEN 'H' THEN 0 WHEN 'A' THEN 1 WHEN 'B' THEN 2 ELSE 3 END, id DESC LIMIT 1
                """, arguments: [customerID]).map(IntentCard.init(row:))
        }
    }

    /// Marks the supervisor's comments on `handlerID`'s follow-ups of a customer as read:
    /// the "new comment" mark goes once they have opened the customer.
    /// - Returns: whether there was anything unread (checked by a read first, so moving
    ///   through the list costs no writes).
    @discardableResult
    public func markCommentsSeen(customerID: Int64, handlerID: Int64) throws -> Bool {
        let unread = try read { db in
            try requireVisible(db, customerID: customerID)
            return try Bool.fetchOne(db, sql: """
                SELECT EXISTS(SELECT 1 FROM activities INDEXED BY activities_unseenComments
                              WHERE handlerID = ? AND customerID = ? AND commentSeen = 0)
                """, arguments: [handlerID, customerID]) ?? false
        }
        guard unread else { return false }
        try write { db in
            try db.execute(sql: """
                UPDATE activities SET commentSeen = 1 WHERE handlerID = ? AND customerID = ? AND commentSeen = 0
                """, arguments: [handlerID, customerID])
        }
        return true
    }
}
