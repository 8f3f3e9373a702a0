import GRDB
import KehuCore

/// One customer found by `/`, with how well it matched.
public struct SearchHit: Hashable, Sendable {
    /// Best first: the order results are shown in.
    public enum Match: Int, Comparable, Sendable {
        /// The whole code (current or former) or a whole phone number.
        case exact
        /// The name starts with the query.
        case namePrefix
        /// The name's pinyin or its initials start with the query (guangzhou, gzhn).
        case pinyinPrefix
        /// Anywhere: name, contacts, city, codes, phone digits, pinyin.
        case substring

        public static func < (a: Match, b: Match) -> Bool { a.rawValue < b.rawValue }
    }

    public let row: CustomerListRow
    public let match: Match
}

extension KehuDatabase {
    /// Customers matching what was typed, best matches first (exact code or phone, then
    /// code and name prefix, then pinyin prefix, then anywhere) — within a tier by code,
    /// name or pinyin as its index reads, anywhere-matches by code; at most
    /// `limit`. One- and two-character Chinese queries work like any other: the last tier
    /// is a substring scan of a compact line per customer, so no tokenizer stands between
    /// a short name and its customer. Only what the viewer may see.
    public func searchCustomers(_ raw: String, limit: Int = 200, today: LocalDate? = nil) throws -> [SearchHit] {
        let typed = Normalization.halfWidth(raw).trimmingWhitespace()
        let query = String(typed.lowercased().filter { $0 != " " && $0 != "\u{3000}" })
        guard !query.isEmpty, limit > 0 else { return [] }
        let digits = String(query.filter { $0.isASCII && $0.isNumber })
        // A phone number however written: digits with the usual separators.
        let phoneLike = digits.count >= 3 && query.allSatisfy { ($0.isASCII && $0.isNumber) || "-+()".contains($0) }
        let letters = query.allSatisfy { $0.isASCII && $0.isLetter }
        let warnFrom = try today.map { $0.adding(months: -(try churnRules().warnAfterMonths)).description } ?? ""
        let (condition, visibility) = visible()
        let me = viewer?.userID ?? 0

        // Each tier reads in the order of the index it searches (so a one-character query
        // stops after `limit` rows instead of sorting a third of the archive); nil: the
        // narrow search table's own order.
        var tiers: [(match: SearchHit.Match, test: String, argument: String, order: String?)] = [
            (.exact, "(lower(c.code) = ?1 OR c.id IN (SELECT customerID FROM formerCodes WHERE lower(code) = ?1))", query, "c.code"),
        ]
        if phoneLike {
            tiers.append((.exact, """
                (c.phoneDigits = ?1 OR c.id IN (SELECT customerID FROM contacts WHERE mobileDigits = ?1 OR phoneDigits = ?1))
                """, DuplicateKeys.phone(digits) ?? digits, "c.code"))
        }
        // Codes by their start, with or without the grade and status letters or the province.
        tiers.append((.namePrefix, """
            ((lower(c.code) >= ?1 AND lower(c.code) < ?1 || char(1114111))
             OR (lower(substr(c.code, 4)) >= ?1 AND lower(substr(c.code, 4)) < ?1 || char(1114111))
             OR (lower(substr(c.code, 5)) >= ?1 AND lower(substr(c.code, 5)) < ?1 || char(1114111))
             OR c.id IN (SELECT customerID FROM formerCodes WHERE instr(lower(code), ?1) > 0))
            """, query, "c.code"))
        tiers.append((.namePrefix, "(c.name >= ?1 AND c.name < ?1 || char(1114111))", typed, "c.name, c.id"))
        if letters {
            tiers.append((.pinyinPrefix, "(c.initials >= ?1 AND c.initials < ?1 || '{')", query, "c.initials, c.id"))
            tiers.append((.pinyinPrefix, "(c.pinyin >= ?1 AND c.pinyin < ?1 || '{')", query, "c.pinyin, c.id"))
        }
        // Anywhere, in the one narrow line the query's characters can be in. Read in
        // storage order and stopped at the limit: a common query ends early, a miss reads
        // the whole line table once.
        let anywhere = query.contains { !$0.isASCII } ? "searchHan" : phoneLike || digits.count == query.count ? "searchDigits" : "searchLatin"
        tiers.append((.substring, "instr(s.text, ?1) > 0", phoneLike ? digits : query, nil))

        return try read { db in
            var hits: [SearchHit] = []
            var seen: Set<Int64> = []
            for (match, test, argument, order) in tiers where hits.count < limit {
                // Each ?1 in a test is the query; written out as plain marks in text order.
                let marks = test.components(separatedBy: "?1").count - 1
                // Cached: each keystroke runs up to six tiers, and the tiers' texts are few.
                let rows = try Row.fetchAll(try db.cachedStatement(sql: """
                    SELECT \(Self.listColumns)
                    FROM \(order != nil ? "customers c" : "\(anywhere) s CROSS JOIN customers c ON c.id = s.customerID")
                    WHERE \(test.replacingOccurrences(of: "?1", with: "?")) AND \(condition)
                    \(order.map { "ORDER BY " + $0 } ?? "") LIMIT \(limit)
                    """), arguments: [me, warnFrom] + StatementArguments(Array(repeating: argument, count: marks)) + visibility)
                let found = rows.map(CustomerListRow.init(row:))
                for row in order != nil ? found : found.sorted(by: { $0.code < $1.code }) {
                    let hit = SearchHit(row: row, match: match)
                    guard hits.count < limit, seen.insert(hit.row.id).inserted else { continue }
                    hits.append(hit)
                }
            }
            return hits
        }
    }
}
