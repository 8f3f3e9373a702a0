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
    /// name or pinyin as its index reads, anywhere-matches by code; at most `limit`. Every
    /// tier reads an index and stops at the limit, so a keystroke costs about the same at
    /// any size. One- and two-character Chinese queries work like any other: the Chinese
    /// line's index holds each character as a word. Only what the viewer may see.
    public func searchCustomers(_ raw: String, limit: Int = 200, today: LocalDate? = nil) throws -> [SearchHit] {
        let typed = Normalization.halfWidth(raw).trimmingWhitespace()
        let query = String(typed.lowercased().filter { $0 != " " && $0 != "\u{3000}" })
        guard !query.isEmpty, limit > 0 else { return [] }
        let digits = String(query.filter { $0.isASCII && $0.isNumber })
        // A phone number however written: digits with the usual separators.
        let phoneLike = digits.count >= 3 && query.allSatisfy { ($0.isASCII && $0.isNumber) || "-+()".contains($0) }
        let letters = query.allSatisfy { $0.isASCII && $0.isLetter }
        let churn = try churnCutoff(today: today)
        let (condition, visibility) = visible()
        let me = viewer?.userID ?? 0

        // Each tier: how well it matches, its test (?1 the query, ?2 an index's query), the
        // query, the order it reads in — its index's, so a one-character query stops after
        // `limit` rows instead of sorting a third of the archive (nil: its table's own) —
        // and where it reads.
        var tiers: [(match: SearchHit.Match, test: String, argument: String, order: String?, from: String, indexQuery: String?)] = [
            (.exact, "lower(c.code) = ?1", query, "c.code", "customers c", nil),
            (.exact, "c.id IN (SELECT customerID FROM formerCodes WHERE lower(code) = ?1)", query, "c.code", "customers c", nil),
        ]
        if phoneLike {
            // (PostgreSQL cannot read an OR of three columns through their three indexes:
            // it walked every customer in code order instead, 150 ms a keystroke. Asked
            // as three lookups, it makes them.)
            tiers.append((.exact, isPostgres ? """
                c.id IN (SELECT id FROM customers WHERE phoneDigits = ?1 UNION ALL SELECT customerID FROM contacts WHERE mobileDigits = ?1
                         UNION ALL SELECT customerID FROM contacts WHERE phoneDigits = ?1)
                """ : """
                (c.phoneDigits = ?1 OR c.id IN (SELECT customerID FROM contacts WHERE mobileDigits = ?1 OR phoneDigits = ?1))
                """, DuplicateKeys.phone(digits) ?? digits, "c.code", "customers c", nil))
        }
        // Codes by their start, with or without the grade and status letters or the
        // province: three tiers, each read in its own index's order and stopped at the
        // limit (as one OR they were sorted together: every Guangzhou customer for "gz"),
        // then former codes anywhere.
        for start in ["lower(c.code)", "lower(substr(c.code, 4))", "lower(substr(c.code, 5))"] {
            tiers.append((.namePrefix, "(\(start) >= ?1 AND \(start) < ?1 || char(1114111))", query, start, "customers c", nil))
        }
        // Read from the former codes (a few thousand at a million customers), not through
        // the customers in code order: "1" is in nearly every one.
        tiers.append((.namePrefix, "instr(lower(f.code), ?1) > 0", query, nil,
                      "formerCodes f CROSS JOIN customers c ON c.id = f.customerID", nil))
        tiers.append((.namePrefix, "(c.name >= ?1 AND c.name < ?1 || char(1114111))", typed, "c.name, c.id", "customers c", nil))
        if letters {
            tiers.append((.pinyinPrefix, "(c.initials >= ?1 AND c.initials < ?1 || '{')", query, "c.initials, c.id", "customers c", nil))
            tiers.append((.pinyinPrefix, "(c.pinyin >= ?1 AND c.pinyin < ?1 || '{')", query, "c.pinyin, c.id", "customers c", nil))
        }
        // Anywhere, in the one narrow line the query's characters can be in, found through
        // that line's full-text index (a miss costs a lookup, not a scan) and confirmed by
        // instr; read in customer order and stopped at the limit. Only what the indexes
        // cannot answer (pinyin or digits under three, other characters with no Chinese
        // among them) scans the line, and a common short query ends early.
        let hanLine = query.contains { !$0.isASCII }
        let table = hanLine ? "searchHan" : phoneLike || digits.count == query.count ? "searchDigits" : "searchLatin"
        let needle = hanLine ? SearchText.spaced(query) : phoneLike ? digits : query
        // Chinese mixed with other characters (c贸易): its Chinese characters, each a word
        // every line it is in holds, narrow the lines to confirm (a code typed with its
        // province, cb-粤gz00, scanned every customer's line: 28 ms at 100,000 customers).
        let hanWords = hanLine ? SearchText.hanWords(query) : []
        let indexed = hanLine ? SearchText.hanPhrase(query) ?? (hanWords.isEmpty ? nil : hanWords.map { "\"\($0)\"" }.joined(separator: " AND "))
                              : SearchText.trigrams(needle)
        if !isPostgres, let match = indexed {
            tiers.append((.substring, "\(table)Index MATCH ?2 AND instr(s.text, ?1) > 0", needle, nil,
                          "\(table)Index f CROSS JOIN \(table) s ON s.customerID = f.rowid CROSS JOIN customers c ON c.id = s.customerID",
                          match))
        } else if isPostgres, indexed != nil {
            // PostgreSQL's indexes of the lines (its v17) take the same queries: the Chinese
            // line's words (all of them: the index answers that alone, where a phrase has
            // every candidate's words worked out again, 23 ms instead of 4 for 华南机; instr
            // confirms the order), the others' trigrams through LIKE.
            let test = hanLine
                ? "to_tsvector('simple'::regconfig, s.text) @@ plainto_tsquery('simple'::regconfig, ?2) AND instr(s.text, ?1) > 0"
                : "s.text LIKE ?2 AND instr(s.text, ?1) > 0"
            tiers.append((.substring, test, needle, nil, "\(table) s CROSS JOIN customers c ON c.id = s.customerID",
                          hanLine ? hanWords.joined(separator: " ") : "%" + SearchText.likeEscaped(needle) + "%"))
        } else {
            tiers.append((.substring, "instr(s.text, ?1) > 0", needle, nil, "\(table) s CROSS JOIN customers c ON c.id = s.customerID", nil))
        }

        // Each tier's test with its marks in text order, each given its value (?1 the query,
        // ?2 the index's).
        func filled(_ test: String, _ argument: String, _ indexQuery: String?) -> (sql: String, values: [String]) {
            var values: [String] = []
            var sql = ""
            var rest = Substring(test)
            while let mark = rest.firstRange(of: "?") {
                sql += rest[..<mark.lowerBound] + "?"
                let which = rest[mark.upperBound...].prefix(1)
                values.append(which == "2" ? indexQuery ?? "" : argument)
                rest = rest[mark.upperBound...].dropFirst()
            }
            return (sql + rest, values)
        }
        // Each tier's statement, numbered (after the list's columns, for telling the tiers
        // apart in one answer), as asked alone (`sql`) and as a part of PostgreSQL's one
        // statement (`part`), where the anywhere-tier leaves out the customers the tiers
        // on the customers' own columns find: those are in the lines too (a name starting
        // with 广州华南 holds it), and it is reached only when they were read whole.
        var onCustomers: [(sql: String, values: [String])] = []
        let statements = tiers.enumerated().map { number, tier -> (sql: String, part: String, arguments: SQLArguments,
                                                                   partArguments: SQLArguments, sortByCode: Bool) in
            let test = filled(tier.test, tier.argument, tier.indexQuery)
            let left = tier.match == .substring ? onCustomers : []
            if tier.from == "customers c" { onCustomers.append(test) }
            func statement(_ where: String) -> String {
                """
                SELECT \(Self.listColumns(churnCutoff: churn.sql)), \(number) AS searchTier
                FROM \(tier.from)
                WHERE \(`where`) AND \(condition)
                \(tier.order.map { "ORDER BY " + $0 } ?? "") LIMIT \(limit)
                """
            }
            return (statement(test.sql), statement(test.sql + left.map { " AND (\($0.sql)) IS NOT TRUE" }.joined()),
                    [me, churn.argument] + SQLArguments(test.values) + visibility,
                    [me, churn.argument] + SQLArguments(test.values + left.flatMap(\.values)) + visibility,
                    tier.order == nil)
        }
        // Hits in tier order, each customer once (at its best tier), at most `limit`.
        func gathered(_ found: [(tier: Int, row: CustomerListRow)]) -> [SearchHit] {
            var hits: [SearchHit] = []
            var seen: Set<Int64> = []
            var start = 0
            while start < found.count, hits.count < limit {
                let tier = found[start].tier
                var end = start
                while end < found.count, found[end].tier == tier { end += 1 }
                let rows = found[start..<end].map(\.row)
                for row in statements[tier].sortByCode ? rows.sorted(by: { $0.code < $1.code }) : rows
                where hits.count < limit && seen.insert(row.id).inserted {
                    hits.append(SearchHit(row: row, match: tiers[tier].match))
                }
                start = end
            }
            return hits
        }
        if isPostgres {
            // One statement, one round trip: on PostgreSQL a statement per tier cost a round
            // trip each (with BEGIN and COMMIT, twelve for a name), more than the server's
            // work. The tiers are one UNION ALL read in order and stopped at `limit` rows, so
            // the tiers after a full list are never run (an Append runs its parts one after
            // the other; kehu's connections have parallel appends off, which would
            // interleave them). (Each tier a WITH part, read only while the tiers before it
            // found fewer customers than `limit`, asked exactly what the tier by tier reading
            // does, but planning it at every keystroke took 4 ms.) Planned once for any
            // query and the plan kept: PostgreSQL planned most queries again at every
            // keystroke (1.2–3 ms each), and its one plan for any query was the faster for
            // every one of the benchmark's 22 (0.4–3.8 ms in all, against 1.5–9.7).
            let found = try readOne(plannedOnce: true) { db in
                try db.cachedStatement(sql: "SELECT * FROM (\(statements.map { "(\($0.part))" }.joined(separator: " UNION ALL "))) hits LIMIT \(limit)")
                    .rows(arguments: statements.reduce(into: SQLArguments()) { $0 += $1.partArguments })
                    .map { (tier: $0[8] as Int, row: CustomerListRow($0)) }
            }
            // A full answer holding a customer twice (an exact code is also a code's start)
            // may have left hits out: those few keystrokes are asked tier by tier.
            let hits = gathered(found)
            if found.count < limit || hits.count == limit { return hits }
        }
        return try read { db in
            var found: [(tier: Int, row: CustomerListRow)] = []
            var customers: Set<Int64> = []
            // Cached: each keystroke runs up to ten tiers, and the tiers' texts are few.
            for (tier, statement) in statements.enumerated() where customers.count < limit {
                for row in try CustomerListRow.fetchAll(try db.cachedStatement(sql: statement.sql), arguments: statement.arguments) {
                    found.append((tier, row))
                    customers.insert(row.id)
                }
            }
            return gathered(found)
        }
    }
}
