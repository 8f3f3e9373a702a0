import GRDB
import KehuCore

/// What `/` searches, kept beside each customer and rewritten whenever the customer or
/// one of its contacts is written: the name's pinyin and initials (columns, for prefix
/// matches) and three narrow lines for matches anywhere — the Chinese text (name, city,
/// province, contacts' names), the pinyin and initials, and every phone's digits. A
/// query only reads the line its characters can be in.
package enum SearchText {
    struct Lines: Equatable {
        var han: String
        var latin: String
        var digits: String
        var pinyin: String
        var initials: String
    }

    static func refresh(_ db: Database, customerID: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT name, city, province, phoneDigits FROM customers WHERE id = ?",
                                         arguments: [customerID]) else { return }
        let contacts = try Row.fetchAll(db, sql: "SELECT name, mobileDigits, phoneDigits FROM contacts WHERE customerID = ?",
                                        arguments: [customerID])
        let lines = compose(name: row["name"], city: row["city"], province: row["province"], phoneDigits: row["phoneDigits"],
                            contacts: contacts.map { ($0["name"], $0["mobileDigits"], $0["phoneDigits"]) })
        try write(db, customerID: customerID, lines)
    }

    static func compose(name: String, city: String?, province: String?, phoneDigits: String?,
                        contacts: [(name: String?, mobile: String?, phone: String?)]) -> Lines {
        let (pinyin, initials) = Pinyin.keys(name)
        return Lines(han: line([Normalization.halfWidth(name).lowercased(), city, province] + contacts.map { $0.name.map(Normalization.halfWidth) }),
                     latin: latinLine(pinyin: pinyin, initials: initials, contactNames: contacts.compactMap(\.name)),
                     digits: line([phoneDigits] + contacts.flatMap { [$0.mobile, $0.phone] }),
                     pinyin: pinyin, initials: initials)
    }

    /// "|" keeps one part's end and the next one's start from making a false match.
    private static func line(_ parts: [String?]) -> String { "|" + parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "|") + "|" }

    /// The name's pinyin and initials, then each contact's: 欧阳娜 is found as ouyangna
    /// and as oyn, as her company is.
    private static func latinLine(pinyin: String, initials: String, contactNames: [String]) -> String {
        line([pinyin, initials] + contactNames.flatMap { name -> [String] in
            let (full, initials) = Pinyin.keys(name)
            return [full, initials]
        })
    }

    /// The pinyin line of every customer with a named contact made again, the contacts'
    /// names now in it (migration v8): contacts and customers each read once, one write
    /// per customer with a contact.
    static func rewriteLatinLines(_ db: Database) throws {
        var contactNames: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT customerID, name FROM contacts WHERE name <> '' ORDER BY customerID, id") {
            contactNames[row["customerID"], default: []].append(row["name"])
        }
        let write = try db.makeStatement(sql: "INSERT OR REPLACE INTO searchLatin(customerID, text) VALUES (?, ?)")
        for row in try Row.fetchAll(db, sql: "SELECT id, pinyin, initials FROM customers") {
            let id: Int64 = row["id"]
            guard let names = contactNames[id] else { continue }
            try write.execute(arguments: [id, latinLine(pinyin: row["pinyin"], initials: row["initials"], contactNames: names)])
        }
    }

    static func write(_ db: Database, customerID: Int64, _ lines: Lines) throws {
        try db.cachedStatement(sql: "UPDATE customers SET pinyin = ?, initials = ? WHERE id = ?")
            .execute(arguments: [lines.pinyin, lines.initials, customerID])
        try writeLines(db, customerID: customerID, lines)
    }

    /// The three search lines alone, for a writer that put pinyin and initials in the
    /// customer's row as it inserted it.
    /// The tables of a customer's search lines, in the order `han`, `latin`, `digits`.
    static let tables = ["searchHan", "searchLatin", "searchDigits"]

    static func writeLines(_ db: Database, customerID: Int64, _ lines: Lines) throws {
        for (table, text) in zip(tables, [lines.han, lines.latin, lines.digits]) {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(table)(customerID, text) VALUES (?, ?)").execute(arguments: [customerID, text])
        }
    }

    /// Every customer at once, contacts read in one pass: for the migration that adds the
    /// search keys and for demo data written in bulk.
    package static func backfill(_ db: Database) throws {
        var contacts: [Int64: [(name: String?, mobile: String?, phone: String?)]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT customerID, name, mobileDigits, phoneDigits FROM contacts") {
            contacts[row["customerID"], default: []].append((row["name"], row["mobileDigits"], row["phoneDigits"]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name, city, province, phoneDigits FROM customers") {
            let id: Int64 = row["id"]
            try write(db, customerID: id, compose(name: row["name"], city: row["city"], province: row["province"],
                                                  phoneDigits: row["phoneDigits"], contacts: contacts[id] ?? []))
        }
    }
}
