import GRDB
import KehuCore

/// Who is making a change, and when: every write names both for the audit history.
public struct Actor: Sendable {
    public let login: String
    public let clock: any Clock
    public init(login: String, clock: any Clock) { self.login = login; self.clock = clock }

    /// An administrator working as someone else (`--as`) is recorded as both:
    /// "root (as zhangwei)".
    public init(login: String, actingAs viewed: String, clock: any Clock) {
        self.init(login: login == viewed ? login : "\(login) (as \(viewed))", clock: clock)
    }

    /// The login a recorded actor worked as: "root (as zhangwei)" worked as zhangwei.
    public static func workedAs(_ recorded: String) -> String {
        guard recorded.hasSuffix(")"), let open = recorded.range(of: " (as ", options: .backwards) else { return recorded }
        return String(recorded[open.upperBound..<recorded.index(before: recorded.endIndex)])
    }
}

extension KehuDatabase {
    private func checked(_ errors: [ValidationError]) throws {
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
    }

    @discardableResult
    public func add(_ customer: Customer, by actor: Actor) throws -> Int64 {
        try checked(customer.validate())
        return try write { db in
            let id = try RecordWriter.insert(db, table: "customers", values: customer.columnValues, actor: actor.login, at: actor.clock.now)
            try SearchKeys.refreshCustomer(db, id: id)
            // A customer arriving with its code (imported, or typed from paper) holds its serial.
            if let parts = CustomerCode.parse(customer.code) { try CodeSerials.hold(db, prefix: parts.prefix, serial: parts.serial) }
            return id
        }
    }

    /// Saves what the user changed between `original` (as read) and `edited`.
    /// - Throws: `StoreError.conflict` when someone else changed one of the same fields.
    @discardableResult
    public func update(customer original: Customer, to edited: Customer, by actor: Actor) throws -> [String] {
        guard let id = original.id, edited.id == id else { throw StoreError.notFound(table: "customers", rowID: original.id ?? 0) }
        try checked(edited.validate())
        var stamped = edited
        stamped.updatedAt = actor.clock.now
        return try write { db in
            try requireVisible(db, customerID: id)
            // updatedAt is a stamp, not a user's edit: it neither conflicts nor needs history.
            let written = try RecordWriter.update(db, table: "customers", id: id, original: original.columnValues,
                                                  edited: stamped.columnValues, actor: actor.login, at: actor.clock.now,
                                                  ignoring: ["updatedAt"])
            if !written.isEmpty {
                try db.execute(sql: "UPDATE customers SET updatedAt = ? WHERE id = ?", arguments: [stamped.updatedAt.description, id])
                try SearchKeys.refreshCustomer(db, id: id)
            }
            return written
        }
    }

    @discardableResult
    public func add(_ contact: Contact, by actor: Actor) throws -> Int64 {
        try checked(contact.validate())
        return try write { db in
            try requireVisible(db, customerID: contact.customerID)
            let id = try RecordWriter.insert(db, table: "contacts", values: contact.columnValues, actor: actor.login, at: actor.clock.now)
            try SearchKeys.refreshContact(db, id: id)
            return id
        }
    }

    @discardableResult
    public func update(contact original: Contact, to edited: Contact, by actor: Actor) throws -> [String] {
        guard let id = original.id, edited.id == id else { throw StoreError.notFound(table: "contacts", rowID: original.id ?? 0) }
        try checked(edited.validate())
        return try write { db in
            try requireVisible(db, customerID: original.customerID)
            let written = try RecordWriter.update(db, table: "contacts", id: id, original: original.columnValues,
                                                  edited: edited.columnValues, actor: actor.login, at: actor.clock.now)
            try SearchKeys.refreshContact(db, id: id)
            return written
        }
    }

    @discardableResult
    public func add(_ card: IntentCard, by actor: Actor) throws -> Int64 {
        try checked(card.validate())
        return try write { db in
            try requireVisible(db, customerID: card.customerID)
            let id = try RecordWriter.insert(db, table: "intentCards", values: card.columnValues, actor: actor.login, at: actor.clock.now)
            try SearchKeys.refreshCard(db, id: id)
            return id
        }
    }

    /// Saves what the user changed on an intent card between `original` (as read) and
    /// `edited`, field by field in the audit history; the customer's search lines follow
    /// its products. A closed card is kept as it closed.
    /// - Throws: `StoreError.conflict` when someone else changed one of the same fields.
    @discardableResult
    public func update(card original: IntentCard, to edited: IntentCard, by actor: Actor) throws -> [String] {
        guard let id = original.id, edited.id == id, edited.customerID == original.customerID else {
            throw StoreError.notFound(table: "intentCards", rowID: original.id ?? 0)
        }
        try checked(edited.validate())
        return try write { db in
            let stored = try existingCard(db, id)
            try StillAsSeen.card(stored, isIn: [.open, .defeatPending], becoming: stored.state)
            let written = try RecordWriter.update(db, table: "intentCards", id: id, original: original.columnValues,
                                                  edited: edited.columnValues, actor: actor.login, at: actor.clock.now)
            if !written.isEmpty { try SearchKeys.refreshCard(db, id: id) }
            return written
        }
    }

    /// Logs an activity; when it belongs to a card, the card takes the level judged and
    /// the next visit date in the same transaction.
    @discardableResult
    public func add(_ activity: Activity, by actor: Actor) throws -> Int64 {
        try checked(activity.validate())
        return try write { db in
            try requireVisible(db, customerID: activity.customerID)
            return try insertActivity(db, activity, nextVisitTime: nil, actor: actor)
        }
    }

    /// Writes an activity; when it belongs to a card, the card takes the level judged and
    /// the next visit in the same transaction, each change in the audit history.
    /// `cardRow`: the card's row as this transaction read it already (nil: read here).
    func insertActivity(_ db: StoreConnection, _ activity: Activity, nextVisitTime: String?, cardRow read: StoreRow? = nil,
                        actor: Actor) throws -> Int64 {
        let id = try RecordWriter.insert(db, table: "activities", values: activity.columnValues, actor: actor.login, at: actor.clock.now)
        guard let cardID = activity.cardID else { return id }
        // The card's row as this transaction read it already, or read now.
        let stored = try read.flatMap({ ($0["id"] as Int64?) == cardID ? $0 : nil }) ?? StoreRow.fetchOne(
            try db.cachedStatement(sql: "SELECT * FROM intentCards WHERE id = ?"), arguments: [cardID])
        if let stored {
            let card = IntentCard(row: stored)
            var next = card
            if let level = activity.levelJudged { next.level = level }
            if let date = activity.nextVisitOn {
                next.nextVisitOn = date
                next.nextVisitTime = nextVisitTime
            }
            try RecordWriter.update(db, table: "intentCards", id: cardID, original: card.columnValues,
                                    edited: next.columnValues, current: stored, actor: actor.login, at: actor.clock.now)
        }
        return id
    }

    @discardableResult
    public func add(_ user: User, by actor: Actor) throws -> Int64 {
        try requireAdmin()
        return try write { db in
            try RecordWriter.insert(db, table: "users", values: user.columnValues, actor: actor.login, at: actor.clock.now)
        }
    }

    @discardableResult
    public func add(_ team: Team, by actor: Actor) throws -> Int64 {
        try requireAdmin()
        return try write { db in
            try RecordWriter.insert(db, table: "teams", values: team.columnValues, actor: actor.login, at: actor.clock.now)
        }
    }
}

extension KehuDatabase {
    /// Marks a customer invalid (无效客户, status d: no need, or does not qualify) with the
    /// reason: its code takes the d (the former code is kept and still finds it), its open
    /// cards close as lost with the same reason, every change in the history. Its owner,
    /// the team's supervisor and assistant, managers and admins.
    public func markInvalid(customerID: Int64, reason raw: String, by actor: Actor) throws {
        let reason = raw.trimmingWhitespace()
        guard !reason.isEmpty else { throw StoreError.invalid([.required(field: .invalidReason)]) }
        let now = actor.clock.now
        try write { db in
            try requireVisible(db, customerID: customerID)
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [customerID]) else {
                throw StoreError.notFound(table: "customers", rowID: customerID)
            }
            let customer = Customer(row: row)
            if let viewer, viewer.role == .salesperson, customer.ownerID != viewer.userID { throw StoreError.refused(.roleMayNot) }
            var invalid = customer
            invalid.status = .invalid
            invalid.code = CustomerStatus.invalid.recode(customer.code)
            invalid.invalidReason = reason
            invalid.updatedAt = now
            try RecordWriter.update(db, table: "customers", id: customerID, original: customer.columnValues, edited: invalid.columnValues,
                                    actor: actor.login, at: now, ignoring: ["updatedAt"])
            try db.execute(sql: "UPDATE customers SET updatedAt = ? WHERE id = ?", arguments: [now.description, customerID])
            for cardRow in try StoreRow.fetchAll(db, sql: "SELECT * FROM intentCards WHERE customerID = ? AND state IN ('open', 'defeatPending')",
                                            arguments: [customerID]) {
                let card = IntentCard(row: cardRow)
                var closed = card
                closed.state = .lost
                closed.closedOn = now.date
                closed.closeReason = reason
                try RecordWriter.update(db, table: "intentCards", id: card.id!, original: card.columnValues, edited: closed.columnValues,
                                        actor: actor.login, at: now)
            }
            try SearchKeys.refreshCustomer(db, id: customerID)
        }
    }
}
