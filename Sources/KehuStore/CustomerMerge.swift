import GRDB
import KehuCore

extension KehuDatabase {
    /// The roles that may merge two records of one customer: the supervisor and those above.
    static let mergingRoles: Set<Role> = [.supervisor, .salesManager, .marketingManager, .generalManager, .admin]

    /// Merges a duplicate record into the customer that stays, in one transaction: every
    /// contact, card, visit (numbered on after the survivor's), order, grade review, churn
    /// and pool event, attached colleague, lead verdict and draft moves over; the duplicate's code and its former codes become
    /// former codes of the one that stays (so they still find it); fields the survivor left
    /// empty take the duplicate's values, notes are joined, the newer order date and a
    /// cooperating status win. Each moved row and field is in the history, and the
    /// duplicate's own record leaves one audit row naming where it went before it goes.
    /// - Returns: the survivor's code after the merge.
    @discardableResult
    public func merge(customerID duplicateID: Int64, into survivorID: Int64, by actor: Actor) throws -> String {
        if let viewer, !Self.mergingRoles.contains(viewer.role) { throw StoreError.refused(.roleMayNot) }
        guard duplicateID != survivorID else { throw StoreError.refused(.sameCustomer) }
        return try write { db in
            try requireVisible(db, customerID: duplicateID)
            try requireVisible(db, customerID: survivorID)
            return try Self.mergeRecords(db, duplicateID: duplicateID, into: survivorID, actor: actor)
        }
    }

    /// The merge itself, inside the caller's transaction (the demo writer merges a pair
    /// this way too); the caller has checked who may merge and what they may see.
    package static func mergeRecords(_ db: StoreConnection, duplicateID: Int64, into survivorID: Int64, actor: Actor) throws -> String {
        let now = actor.clock.now
        guard let duplicateRow = try StoreRow.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [duplicateID]) else {
            throw StoreError.notFound(table: "customers", rowID: duplicateID)
        }
        guard let survivorRow = try StoreRow.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [survivorID]) else {
            throw StoreError.notFound(table: "customers", rowID: survivorID)
        }
        let duplicate = Customer(row: duplicateRow), survivor = Customer(row: survivorRow)
        func audit(_ table: String, _ id: Int64, _ field: String, _ old: String?, _ new: String?) throws {
            try AuditLog.record(db, at: now, actor: actor.login, table: table, rowID: id, field: field, old: old, new: new)
        }
        // Visits are counted per customer (第N次拜访): the duplicate's follow the survivor's
        // last, in their own order, so no number is given twice and none of the survivor's
        // changes.
        let highest = try Int.fetchOne(db, sql: "SELECT MAX(visitNumber) FROM activities WHERE customerID = ?", arguments: [survivorID]) ?? 0
        for (offset, row) in try StoreRow.fetchAll(db, sql: "SELECT id, visitNumber FROM activities WHERE customerID = ? ORDER BY visitNumber, id",
                                              arguments: [duplicateID]).enumerated() {
            let id: Int64 = row["id"], old: Int = row["visitNumber"]
            try db.execute(sql: "UPDATE activities SET visitNumber = ? WHERE id = ?", arguments: [highest + offset + 1, id])
            try audit("activities", id, "visitNumber", String(old), String(highest + offset + 1))
        }
        // Rows with a history of their own move with an audit row each.
        for table in ["contacts", "intentCards", "activities", "orders", "gradeProposals", "churnEvents", "poolReleases"] {
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM \(table) WHERE customerID = ?", arguments: [duplicateID]) {
                try audit(table, id, "customerID", String(duplicateID), String(survivorID))
            }
            try db.execute(sql: "UPDATE \(table) SET customerID = ? WHERE customerID = ?", arguments: [survivorID, duplicateID])
        }
        try db.execute(sql: "UPDATE drafts SET customerID = ? WHERE customerID = ?", arguments: [survivorID, duplicateID])
        try db.execute(sql: """
            INSERT INTO customerMembers(customerID, userID) SELECT ?, userID FROM customerMembers WHERE customerID = ? ON CONFLICT DO NOTHING
            """, arguments: [survivorID, duplicateID])
        try db.execute(sql: "DELETE FROM customerMembers WHERE customerID = ?", arguments: [duplicateID])
        // One verdict per lead: the survivor's stands; the duplicate's is kept only when
        // the survivor has none.
        if try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM leadVerdicts WHERE customerID = ?)", arguments: [survivorID]) == false {
            try db.execute(sql: "UPDATE leadVerdicts SET customerID = ? WHERE customerID = ?", arguments: [survivorID, duplicateID])
        } else if let verdict = try StoreRow.fetchOne(db, sql: "SELECT effective, note FROM leadVerdicts WHERE customerID = ?", arguments: [duplicateID]) {
            try audit("leadVerdicts", duplicateID, "effective", (verdict["effective"] as Bool) ? "1" : "0", nil)
            try db.execute(sql: "DELETE FROM leadVerdicts WHERE customerID = ?", arguments: [duplicateID])
        }
        try db.execute(sql: """
            INSERT INTO lastContacts(handlerID, customerID, method, lastAt)
            SELECT handlerID, ?, method, lastAt FROM lastContacts WHERE customerID = ? AND true
            ON CONFLICT(handlerID, customerID, method) DO UPDATE SET method = excluded.method, lastAt = excluded.lastAt
            WHERE excluded.lastAt > lastContacts.lastAt
            """, arguments: [survivorID, duplicateID])
        try db.execute(sql: "DELETE FROM lastContacts WHERE customerID = ?", arguments: [duplicateID])
        try db.execute(sql: "UPDATE formerCodes SET customerID = ? WHERE customerID = ?", arguments: [survivorID, duplicateID])
        for table in ["searchHan", "searchLatin", "searchDigits"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE customerID = ?", arguments: [duplicateID])
        }
        // The duplicate's record goes; its code stays findable as the survivor's former code.
        try audit("customers", duplicateID, "mergedInto", duplicate.code, survivor.code)
        try db.execute(sql: "DELETE FROM customers WHERE id = ?", arguments: [duplicateID])
        try db.execute(sql: "INSERT INTO formerCodes(code, customerID) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET customerID = excluded.customerID", arguments: [duplicate.code, survivorID])

        var merged = Self.merged(survivor, with: duplicate)
        merged.updatedAt = now
        try RecordWriter.update(db, table: "customers", id: survivorID, original: survivor.columnValues, edited: merged.columnValues,
                                actor: actor.login, at: now, ignoring: ["updatedAt"])
        try db.execute(sql: """
            UPDATE customers SET updatedAt = ?,
              lastContactAt = (SELECT MAX(a.occurredAt) FROM activities a WHERE a.customerID = customers.id)
            WHERE id = ?
            """, arguments: [now.description, survivorID])
        try SearchKeys.refreshCustomer(db, id: survivorID)
        return merged.code
    }

    /// The survivor with the gaps filled from the duplicate: empty text and unknown numbers
    /// take the duplicate's, notes are joined, the newer order date and a cooperating
    /// status win (the code's status letter follows), a survivor in the pool takes the
    /// duplicate's owner.
    static func merged(_ survivor: Customer, with duplicate: Customer) -> Customer {
        var m = survivor
        func fill(_ path: WritableKeyPath<Customer, String>) { if m[keyPath: path].isEmpty { m[keyPath: path] = duplicate[keyPath: path] } }
        for path: WritableKeyPath<Customer, String> in [\.address, \.postalCode, \.phone, \.fax, \.website, \.email, \.industry,
                                                        \.legalRepresentative, \.mainProducts, \.businessCondition, \.supplierStructure,
                                                        \.nature] {
            fill(path)
        }
        if m.registeredCapitalWan == nil { m.registeredCapitalWan = duplicate.registeredCapitalWan }
        if m.yearsInBusiness == nil { m.yearsInBusiness = duplicate.yearsInBusiness }
        if m.creditLevel == nil { m.creditLevel = duplicate.creditLevel }
        if m.creditLineYuan == nil { m.creditLineYuan = duplicate.creditLineYuan }
        // A survivor in the pool takes the duplicate's owner (and team): someone works it.
        if m.ownerID == nil, duplicate.ownerID != nil {
            m.ownerID = duplicate.ownerID
            m.teamID = duplicate.teamID ?? m.teamID
            m.claimedOn = duplicate.claimedOn
        }
        let notes = duplicate.notes.trimmingWhitespace()
        if !notes.isEmpty, !m.notes.contains(notes) { m.notes = m.notes.isEmpty ? notes : m.notes + "\n" + notes }
        if let theirs = duplicate.lastOrderOn, m.lastOrderOn.map({ $0 < theirs }) ?? true { m.lastOrderOn = theirs }
        if duplicate.status == .cooperating, m.status != .cooperating {
            m.status = .cooperating
            m.code = CustomerStatus.cooperating.recode(m.code)
            m.invalidReason = ""
        }
        return m
    }
}

extension KehuDatabase {
    /// May a user with `role` merge customers?
    public static func mayMerge(_ role: Role) -> Bool { mergingRoles.contains(role) }
}
