import GRDB
import KehuCore

/// What `/` searches, kept beside each customer and rewritten whenever the customer or
/// one of its contacts is written: the name's pinyin and initials (columns, for prefix
/// matches) and three narrow lines for matches anywhere — the Chinese text (name, city,
/// province, contacts' names), the pinyin and initials, and every phone's digits. A
/// query only reads the line its characters can be in.
package enum SearchText {
    package struct Lines: Equatable {
        package var han: String
        package var latin: String
        package var digits: String
        package var pinyin: String
        package var initials: String
    }

    static func refresh(_ db: StoreConnection, customerID: Int64) throws {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT name, city, province, phoneDigits FROM customers WHERE id = ?",
                                         arguments: [customerID]) else { return }
        let contacts = try StoreRow.fetchAll(db, sql: "SELECT name, mobileDigits, phoneDigits FROM contacts WHERE customerID = ?",
                                        arguments: [customerID])
        let lines = compose(name: row["name"], city: row["city"], province: row["province"], phoneDigits: row["phoneDigits"],
                            contacts: contacts.map { ($0["name"], $0["mobileDigits"], $0["phoneDigits"]) },
                            products: try cardProducts(db, customerID: customerID))
        try write(db, customerID: customerID, lines)
    }

    /// What the customer's cards name: intended product and model, so "激光切割机" finds
    /// who wanted one.
    static func cardProducts(_ db: StoreConnection, customerID: Int64) throws -> [String] {
        try StoreRow.fetchAll(db, sql: "SELECT product, model FROM intentCards WHERE customerID = ? ORDER BY id", arguments: [customerID])
            .flatMap { [$0["product"], $0["model"]] as [String] }.filter { !$0.isEmpty }
    }

    package static func compose(name: String, city: String?, province: String?, phoneDigits: String?,
                        contacts: [(name: String?, mobile: String?, phone: String?)], products: [String] = []) -> Lines {
        let (pinyin, initials) = Pinyin.keys(name)
        // Written as UTF-8 bytes, part by part: joining strings and lower-casing them was
        // most of a bulk import's work on each row.
        var han = LineBytes(capacity: 64)
        han.addLowercased(Normalization.halfWidth(name))
        han.add(city)
        han.add(province)
        for contact in contacts { han.add(contact.name.map(Normalization.halfWidth)) }
        for product in products { han.addLowercased(Normalization.halfWidth(product)) }
        var digits = LineBytes(capacity: 32)
        digits.add(phoneDigits)
        for contact in contacts {
            digits.add(contact.mobile)
            digits.add(contact.phone)
        }
        return Lines(han: String(decoding: spaced(bytes: han.finished), as: UTF8.self),
                     latin: latinLine(pinyin: pinyin, initials: initials, contactNames: contacts.compactMap(\.name),
                                      models: latinProducts(products)),
                     digits: digits.text, pinyin: pinyin, initials: initials)
    }

    /// A line being written as UTF-8: "|", then each part that is not empty and a "|"
    /// after it ("||" for none). "|" keeps one part's end and the next one's start from
    /// making a false match.
    private struct LineBytes {
        private var bytes: [UInt8] = [0x7C]

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func add(_ part: String?) {
            guard let part, !part.isEmpty else { return }
            bytes.append(contentsOf: part.utf8)
            bytes.append(0x7C)
        }

        /// `add(part.lowercased())`, without making the lower-case string when the part is
        /// ASCII and characters that have no case (Chinese, and its punctuation).
        mutating func addLowercased(_ part: String) {
            guard !part.isEmpty else { return }
            guard part.unicodeScalars.allSatisfy({ $0.isASCII || SearchText.hasNoCase($0) }) else {
                add(part.lowercased())
                return
            }
            for byte in part.utf8 { bytes.append((0x41...0x5A).contains(byte) ? byte + 32 : byte) }
            bytes.append(0x7C)
        }

        var finished: [UInt8] { bytes.count == 1 ? [0x7C, 0x7C] : bytes }
        var text: String { String(decoding: finished, as: UTF8.self) }
    }

    /// A scalar no case mapping changes: Chinese characters and punctuation, kana (U+3000 to
    /// U+9FFF), and everything from U+20000 on. (A test checks each of them.)
    static func hasNoCase(_ scalar: Unicode.Scalar) -> Bool {
        (0x3000...0x9FFF).contains(scalar.value) || scalar.value >= 0x20000
    }

    /// The Chinese line as stored (from v16): one space between characters, except inside
    /// a run of Latin letters and digits, and none of the text's own spaces. Its full-text
    /// index (`searchHanIndex`, unicode61) then holds each Chinese character as a word, so
    /// a query of one or two characters is a phrase found by the index, not a scan. The
    /// same spacing of the query keeps `instr` exact: spaced(q) is in spaced(line) just
    /// when q is in the line with its spaces taken out (queries have none). Spacing
    /// spaced text changes nothing.
    static func spaced(_ text: String) -> String {
        String(decoding: spaced(bytes: Array(text.utf8)), as: UTF8.self)
    }

    /// `spaced` of UTF-8 text, a scalar at a time (its first byte tells how many bytes it has).
    static func spaced(bytes text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 2)
        var lastWasWord = false
        var index = 0
        while index < text.count {
            let lead = text[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            defer { index += length }
            if lead == 0x20 { continue }
            let word = (0x30...0x39).contains(lead) || (0x41...0x5A).contains(lead) || (0x61...0x7A).contains(lead)
            if !out.isEmpty, !(word && lastWasWord) { out.append(0x20) }
            out.append(contentsOf: text[index..<(index + length)])
            lastWasWord = word
        }
        return out
    }

    /// A query for the Chinese line's index: each character a word of one phrase, when
    /// every character is an ideograph, kana or Hangul syllable (which unicode61 keeps as
    /// words); nil for anything else.
    static func hanPhrase(_ query: String) -> String? {
        let indexed = !query.isEmpty && query.unicodeScalars.allSatisfy(isIndexedWord)
        return indexed ? "\"" + spaced(query) + "\"" : nil
    }

    /// The characters of a query that mixes Chinese with other characters (c贸易, 1号楼)
    /// which the Chinese line's index holds as words, each once: every line the query is
    /// in holds them all, so the index narrows the lines to confirm by `instr` to those
    /// (a query with none scans the line). Empty when there are none.
    static func hanWords(_ query: String) -> [String] {
        var seen: Set<Unicode.Scalar> = []
        return query.unicodeScalars.filter { isIndexedWord($0) && seen.insert($0).inserted }.map { String($0) }
    }

    /// An ideograph, kana or Hangul syllable: a word of its own in the spaced line.
    private static func isIndexedWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x20000...0x3FFFD: true
        default: false
        }
    }

    /// A query for a trigram index of the pinyin or digits line: every three letters it
    /// holds, all required (the indexes keep no positions, to stay small); nil under three,
    /// which the index cannot answer. The caller confirms each candidate with `instr`.
    static func trigrams(_ query: String) -> String? {
        let scalars = Array(query.unicodeScalars)
        guard scalars.count >= 3, scalars.allSatisfy({ $0.isASCII && $0 != "\"" }) else { return nil }
        return (0...(scalars.count - 3)).map { "\"" + String(String.UnicodeScalarView(scalars[$0..<$0 + 3])) + "\"" }
            .joined(separator: " AND ")
    }

    /// `text` as a LIKE pattern matching itself only (backslash is LIKE's escape on PostgreSQL).
    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private static func line(_ parts: [String?]) -> String {
        var line = LineBytes(capacity: 64)
        for part in parts { line.add(part) }
        return line.text
    }

    /// The name's pinyin and initials, then each contact's: 欧阳娜 is found as ouyangna
    /// and as oyn, as her company is.
    private static func latinLine(pinyin: String, initials: String, contactNames: [String], models: [String] = []) -> String {
        line([pinyin, initials] + contactNames.flatMap { name -> [String] in
            let (full, initials) = Pinyin.keys(name)
            return [full, initials]
        } + models)
    }

    /// Products written in Latin letters and digits (a model: CK6150), lowercased, for the
    /// line Latin queries read.
    private static func latinProducts(_ products: [String]) -> [String] {
        products.map { Normalization.halfWidth($0).lowercased() }.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }
    }

    /// The pinyin line of every customer with a named contact made again, the contacts'
    /// names now in it (migration v8): contacts and customers each read once, one write
    /// per customer with a contact.
    static func rewriteLatinLines(_ db: StoreConnection) throws {
        var contactNames: [Int64: [String]] = [:]
        for row in try StoreRow.fetchAll(db, sql: "SELECT customerID, name FROM contacts WHERE name <> '' ORDER BY customerID, id") {
            contactNames[row["customerID"], default: []].append(row["name"])
        }
        let write = try db.makeStatement(sql: upsert("searchLatin"))
        for row in try StoreRow.fetchAll(db, sql: "SELECT id, pinyin, initials FROM customers") {
            let id: Int64 = row["id"]
            guard let names = contactNames[id] else { continue }
            try write.execute(arguments: [id, latinLine(pinyin: row["pinyin"], initials: row["initials"], contactNames: names)])
        }
    }

    /// The Chinese line of every customer whose cards name a product made again, the
    /// products now in it (migration v12): each table read once, one write per such customer.
    static func rewriteHanLinesWithProducts(_ db: StoreConnection) throws {
        var products: [Int64: [String]] = [:]
        for row in try StoreRow.fetchAll(db, sql: """
            SELECT customerID, product, model FROM intentCards WHERE product <> '' OR model <> '' ORDER BY customerID, id
            """) {
            products[row["customerID"], default: []] += ([row["product"], row["model"]] as [String]).filter { !$0.isEmpty }
        }
        guard !products.isEmpty else { return }
        var contactNames: [Int64: [String]] = [:]
        for row in try StoreRow.fetchAll(db, sql: "SELECT customerID, name FROM contacts WHERE name <> '' ORDER BY customerID, id") {
            contactNames[row["customerID"], default: []].append(row["name"])
        }
        let han = try db.makeStatement(sql: upsert("searchHan"))
        let latin = try db.makeStatement(sql: upsert("searchLatin"))
        for row in try StoreRow.fetchAll(db, sql: "SELECT id, name, city, province, pinyin, initials FROM customers") {
            let id: Int64 = row["id"]
            guard let named = products[id] else { continue }
            let lines = compose(name: row["name"], city: row["city"], province: row["province"], phoneDigits: nil,
                                contacts: (contactNames[id] ?? []).map { ($0, nil, nil) }, products: named)
            try han.execute(arguments: [id, lines.han])
            let models = latinProducts(named)
            if !models.isEmpty {
                try latin.execute(arguments: [id, latinLine(pinyin: row["pinyin"] ?? "", initials: row["initials"] ?? "",
                                                            contactNames: contactNames[id] ?? [], models: models)])
            }
        }
    }

    static func write(_ db: StoreConnection, customerID: Int64, _ lines: Lines) throws {
        try db.cachedStatement(sql: "UPDATE customers SET pinyin = ?, initials = ? WHERE id = ?")
            .execute(arguments: [lines.pinyin, lines.initials, customerID])
        try writeLines(db, customerID: customerID, lines)
    }

    /// The three search lines alone, for a writer that put pinyin and initials in the
    /// customer's row as it inserted it.
    /// The tables of a customer's search lines, in the order `han`, `latin`, `digits`.
    package static let tables = ["searchHan", "searchLatin", "searchDigits"]

    /// Writes one line, replacing the customer's old one as an update (never `OR REPLACE`,
    /// whose hidden delete would not reach the full-text index's triggers).
    static func upsert(_ table: String) -> String {
        "INSERT INTO \(table)(customerID, text) VALUES (?, ?) ON CONFLICT(customerID) DO UPDATE SET text = excluded.text"
    }

    static func writeLines(_ db: StoreConnection, customerID: Int64, _ lines: Lines) throws {
        for (table, text) in zip(tables, [lines.han, lines.latin, lines.digits]) {
            try db.cachedStatement(sql: upsert(table)).execute(arguments: [customerID, text])
        }
    }

    /// The search indexes' insert triggers, set aside while many new lines are written
    /// (a large import): FTS5 flushes what it gathered at every statement a trigger runs
    /// in, which made a 100,000-row import take 19 s instead of 8. The new lines (those
    /// after each table's last customer when set aside) are indexed by one statement per
    /// table in `restore`, and the triggers made again from their own definitions. Inside
    /// the caller's transaction: a rollback brings them back. Only for lines of customers
    /// newer than any line there: a line inserted meanwhile below that mark is never
    /// indexed (the demo, which once filled every line after one had been written, now
    /// sets all the triggers aside and rebuilds the indexes whole).
    struct IndexingAside {
        private var aside: [(table: String, trigger: String, after: Int64)] = []

        init(_ db: StoreConnection) throws {
            // PostgreSQL's search indexes are kept as rows come: nothing to set aside.
            guard !db.isPostgres else { return }
            for table in SearchText.tables {
                // None before migration v16 (its backfills run before the indexes exist).
                guard let trigger = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                                        arguments: ["\(table)_indexInsert"]) else { continue }
                let after = try Int64.fetchOne(db, sql: "SELECT coalesce(max(customerID), 0) FROM \(table)") ?? 0
                try db.execute(sql: "DROP TRIGGER \(table)_indexInsert")
                aside.append((table, trigger, after))
            }
        }

        mutating func restore(_ db: StoreConnection) throws {
            for (table, trigger, after) in aside {
                // FTS5 gathers terms in memory and writes them out as a new segment, to be
                // merged with the others, each time it holds `hashsize` bytes (1 MB unless
                // set): 8 MB for this one statement indexed a million customers' lines in
                // 12 s instead of 16.5 (100,000: 0.8 s instead of 1.0), in memory the index
                // rebuild before it has just freed. FTS5's own value again after. (Ignored
                // by an FTS5 without the setting.)
                try? db.execute(sql: "INSERT INTO \(table)Index(\(table)Index, rank) VALUES ('hashsize', 8388608)")
                try db.execute(sql: "INSERT INTO \(table)Index(rowid, text) SELECT customerID, text FROM \(table) WHERE customerID > ?",
                               arguments: [after])
                try? db.execute(sql: "INSERT INTO \(table)Index(\(table)Index, rank) VALUES ('hashsize', 1048576)")
                try db.execute(sql: trigger)
            }
            aside = []
        }
    }

    /// Every customer at once, contacts read in one pass: for the migration that adds the
    /// search keys.
    package static func backfill(_ db: StoreConnection) throws {
        var indexing = try IndexingAside(db)
        var contacts: [Int64: [(name: String?, mobile: String?, phone: String?)]] = [:]
        for row in try StoreRow.fetchAll(db, sql: "SELECT customerID, name, mobileDigits, phoneDigits FROM contacts") {
            contacts[row["customerID"], default: []].append((row["name"], row["mobileDigits"], row["phoneDigits"]))
        }
        var products: [Int64: [String]] = [:]
        for row in try StoreRow.fetchAll(db, sql: "SELECT customerID, product, model FROM intentCards ORDER BY customerID, id") {
            products[row["customerID"], default: []] += ([row["product"], row["model"]] as [String]).filter { !$0.isEmpty }
        }
        for row in try StoreRow.fetchAll(db, sql: "SELECT id, name, city, province, phoneDigits FROM customers") {
            let id: Int64 = row["id"]
            try write(db, customerID: id, compose(name: row["name"], city: row["city"], province: row["province"],
                                                  phoneDigits: row["phoneDigits"], contacts: contacts[id] ?? [], products: products[id] ?? []))
        }
        try indexing.restore(db)
    }
}
