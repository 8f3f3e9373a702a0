import GRDB
import KehuCore

/// Keeps the normalised phone digits and name keys next to the text users typed. Written
/// after every insert or update of a customer, contact or card, in the same transaction.
package enum SearchKeys {
    static func refreshCustomer(_ db: StoreConnection, id: Int64) throws {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT phone, name FROM customers WHERE id = ?", arguments: [id]) else { return }
        try db.execute(sql: "UPDATE customers SET phoneDigits = ?, nameKey = ? WHERE id = ?",
                       arguments: [DuplicateKeys.phone(row["phone"]), DuplicateKeys.name(row["name"]), id])
        try SearchText.refresh(db, customerID: id)
    }

    static func refreshContact(_ db: StoreConnection, id: Int64) throws {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT mobile, phone FROM contacts WHERE id = ?", arguments: [id]) else { return }
        try db.execute(sql: "UPDATE contacts SET mobileDigits = ?, phoneDigits = ? WHERE id = ?",
                       arguments: [DuplicateKeys.phone(row["mobile"]), DuplicateKeys.phone(row["phone"]), id])
        if let customerID = try Int64.fetchOne(db, sql: "SELECT customerID FROM contacts WHERE id = ?", arguments: [id]) {
            try SearchText.refresh(db, customerID: customerID)
        }
    }

    /// A card's phone key, and its customer's search lines (they hold the card's products).
    static func refreshCard(_ db: StoreConnection, id: Int64) throws {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT phone, customerID FROM intentCards WHERE id = ?", arguments: [id]) else { return }
        try db.execute(sql: "UPDATE intentCards SET phoneDigits = ? WHERE id = ?", arguments: [DuplicateKeys.phone(row["phone"]), id])
        try SearchText.refresh(db, customerID: row["customerID"])
    }

    /// Fills every key from scratch: for the migration that adds them, and for demo data
    /// written in bulk.
    package static func backfill(_ db: StoreConnection) throws {
        let customers = try StoreRow.fetchAll(db, sql: "SELECT id, phone, name FROM customers")
        let updateCustomer = try db.makeStatement(sql: "UPDATE customers SET phoneDigits = ?, nameKey = ? WHERE id = ?")
        for row in customers {
            try updateCustomer.execute(arguments: [DuplicateKeys.phone(row["phone"]), DuplicateKeys.name(row["name"]), row["id"] as Int64])
        }
        let contacts = try StoreRow.fetchAll(db, sql: "SELECT id, mobile, phone FROM contacts")
        let updateContact = try db.makeStatement(sql: "UPDATE contacts SET mobileDigits = ?, phoneDigits = ? WHERE id = ?")
        for row in contacts {
            try updateContact.execute(arguments: [DuplicateKeys.phone(row["mobile"]), DuplicateKeys.phone(row["phone"]), row["id"] as Int64])
        }
        let cards = try StoreRow.fetchAll(db, sql: "SELECT id, phone FROM intentCards")
        let updateCard = try db.makeStatement(sql: "UPDATE intentCards SET phoneDigits = ? WHERE id = ?")
        for row in cards { try updateCard.execute(arguments: [DuplicateKeys.phone(row["phone"]), row["id"] as Int64]) }
    }
}
