import GRDB
import KehuCore

/// An existing customer a new lead may be. For someone else's customer only the fact and
/// the owner's name are shown, never the archive itself.
public struct DuplicateMatch: Hashable, Sendable {
    public enum Reason: Hashable, Sendable { case phone, companyName, personName }
    public let customerID: Int64
    public let code: String
    public let name: String
    public let ownerID: Int64?
    public let ownerName: String?
    public let reason: Reason
    /// Whether the viewer may open it (their own, or in their sight); of one they may not,
    /// only the code and the owner are told.
    public var isOpenable = true
}

extension KehuDatabase {
    /// Customers that share the lead's phone number (however written: the customer's,
    /// a contact's or a card's) or its name (company name without suffixes, or a contact's
    /// or card person's name). Phone matches first. The check looks through the whole
    /// archive, but of a customer the viewer may not see it tells only that it exists
    /// (its code) and whose it is: the name stays empty.
    public func duplicates(phone: String, name: String, limit: Int = 8) throws -> [DuplicateMatch] {
        try read { db in try duplicates(db, phone: phone, name: name, limit: limit) }
    }

    func duplicates(_ db: StoreConnection, phone: String, name: String, limit: Int = 8) throws -> [DuplicateMatch] {
        let (visibleSQL, visibleArguments) = visible()
        return try {
            var matches: [DuplicateMatch] = []
            var seen: Set<Int64> = []
            func collect(_ sql: String, _ arguments: SQLArguments, _ reason: DuplicateMatch.Reason) throws {
                let rows = try StoreRow.fetchAll(db, sql: """
                    SELECT c.id, c.code, CASE WHEN \(visibleSQL) THEN c.name ELSE '' END AS name, c.ownerID, u.displayName AS ownerName,
                           CASE WHEN \(visibleSQL) THEN 1 ELSE 0 END AS openable
                    FROM customers c LEFT JOIN users u ON u.id = c.ownerID
                    WHERE c.id IN (\(sql)) ORDER BY c.id LIMIT \(limit)
                    """, arguments: visibleArguments + visibleArguments + arguments)
                for row in rows where seen.insert(row["id"]).inserted {
                    var match = DuplicateMatch(customerID: row["id"], code: row["code"], name: row["name"],
                                               ownerID: row["ownerID"], ownerName: row["ownerName"], reason: reason)
                    match.isOpenable = row["openable"]
                    matches.append(match)
                }
            }
            if let digits = DuplicateKeys.phone(phone) {
                try collect("""
                    SELECT id FROM customers WHERE phoneDigits = ?
                    UNION SELECT customerID FROM contacts WHERE mobileDigits = ? OR phoneDigits = ?
                    UNION SELECT customerID FROM intentCards WHERE phoneDigits = ?
                    """, [digits, digits, digits, digits], .phone)
            }
            let key = DuplicateKeys.name(name)
            if !key.isEmpty {
                try collect("SELECT id FROM customers WHERE nameKey = ?", [key], .companyName)
                let person = name.trimmingWhitespace()
                try collect("""
                    SELECT customerID FROM contacts WHERE name = ?
                    UNION SELECT customerID FROM intentCards WHERE personName = ?
                    """, [person, person], .personName)
            }
            return Array(matches.prefix(limit))
        }()
    }
}
