import GRDB
import KehuCore

/// What one line of the customer list needs, and nothing more: the list is read a page
/// at a time, so a row must stay small.
public struct CustomerListRow: Hashable, Sendable {
    public let id: Int64
    public let code: String
    public let name: String
    public let grade: CustomerGrade
    public let status: CustomerStatus
    /// The earliest next-visit date over the customer's open intent cards.
    public let nextFollowUpOn: LocalDate?
    /// A supervisor commented on one of my follow-ups here and I have not read it yet.
    public let hasNewComment: Bool
    /// Cooperating, but no order for long enough to be warned of churn.
    public let churnWarning: Bool
}

/// The orders the list can be read in; each is backed by an index, so a page deep in a
/// large archive costs no more than the first.
public enum CustomerListOrder: String, CaseIterable, Sendable {
    case code
    case name
    /// Soonest next follow-up first; customers without one last.
    case nextFollowUp
    /// Most recently contacted first; never contacted last.
    case lastContact

    var sql: String {
        switch self {
        case .code: return "c.code"
        case .name: return "c.name, c.id"
        case .nextFollowUp: return "coalesce(c.nextFollowUpOn, '9999-12-31'), c.code"
        case .lastContact: return "coalesce(c.lastContactAt, '') DESC, c.code"
        }
    }

    /// The same order backwards (NULLs and ties reversed too), for reading the list's far
    /// end from its last row: the same indexes, walked the other way.
    var reversedSQL: String {
        switch self {
        case .code: return "c.code DESC"
        case .name: return "c.name DESC, c.id DESC"
        case .nextFollowUp: return "coalesce(c.nextFollowUpOn, '9999-12-31') DESC, c.code DESC"
        case .lastContact: return "coalesce(c.lastContactAt, '') ASC, c.code DESC"
        }
    }

    /// Rows that come before customer `c0` in this order (`c0` is the customers table
    /// joined again for the customer looked for).
    var before: String {
        switch self {
        case .code: return "c.code < c0.code"
        case .name: return "(c.name, c.id) < (c0.name, c0.id)"
        case .nextFollowUp:
            return "(coalesce(c.nextFollowUpOn, '9999-12-31'), c.code) < (coalesce(c0.nextFollowUpOn, '9999-12-31'), c0.code)"
        case .lastContact:
            return "(coalesce(c.lastContactAt, '') > coalesce(c0.lastContactAt, '') OR (coalesce(c.lastContactAt, '') = coalesce(c0.lastContactAt, '') AND c.code < c0.code))"
        }
    }
}

extension CustomerFilter {
    /// The filter's condition on `customers c`, with its arguments in order.
    func sql(today: LocalDate?) -> (String, SQLArguments) {
        var parts: [String] = []
        var arguments: SQLArguments = []
        func add(_ condition: String, _ values: [(any DatabaseValueConvertible)?]) {
            parts.append(condition)
            arguments += SQLArguments(values)
        }
        if let grade { add("c.grade = ?", [grade.rawValue]) }
        if let status { add("c.status = ?", [status.rawValue]) }
        if let ownerID { add("c.ownerID = ?", [ownerID]) }
        if let teamID { add("c.teamID = ?", [teamID]) }
        if let source { add("c.source = ?", [source.rawValue]) }
        if !province.isEmpty { add("c.province = ?", [province]) }
        if !city.isEmpty { add("c.city = ?", [CityDirectory.city(named: city)?.name ?? city]) }
        if let level {
            add("EXISTS (SELECT 1 FROM intentCards k WHERE k.customerID = c.id AND k.state IN ('open', 'defeatPending') AND k.level = ?)",
                [level.rawValue])
        }
        if overdueOnly { add("c.nextFollowUpOn < ?", [(today ?? LocalDate(dayNumber: 0)).description]) }
        return (parts.isEmpty ? "TRUE" : parts.joined(separator: " AND "), arguments)
    }
}

extension ArchiveView {
    /// The view's condition on the customers table aliased `c`.
    var sql: String {
        switch self {
        case .all: return "TRUE"
        case .cooperating: return "c.status = 'a'"
        case .formalVIP: return "c.grade = 'vip'"
        case .potentialVIP: return "c.grade = 'potentialVIP'"
        case .formalKey: return "c.grade = 'key'"
        case .potentialKey: return "c.grade = 'potentialKey'"
        case .general: return "c.grade = 'general'"
        case .image: return "c.grade = 'image'"
        case .lost: return "c.status = 'c'"
        case .pool: return "c.ownerID IS NULL AND c.status = 'b'"
        }
    }
}

extension KehuDatabase {
    /// How many customers the list holds (in one archive view, narrowed by a filter).
    public func customerCount(in view: ArchiveView = .all, filter: CustomerFilter = CustomerFilter(), today: LocalDate? = nil) throws -> Int {
        let (condition, arguments) = visible()
        let (narrowed, filterArguments) = filter.sql(today: today)
        // Everything, unfiltered: the total the triggers keep (counting stepped through
        // every row: 3 ms of the first screen at 100,000 customers, 8 ms at a million).
        let conditions = [condition, view.sql, narrowed].filter { $0 != "TRUE" }
        return try readOne { db in
            if conditions.isEmpty { return try Int.fetchOne(try db.cachedStatement(sql: "SELECT total FROM customerTotal")) ?? 0 }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers c WHERE " + conditions.joined(separator: " AND "),
                                    arguments: arguments + filterArguments) ?? 0
        }
    }

    /// The size of every archive view at once: one pass over the visible customers.
    public func archiveCounts() throws -> [ArchiveView: Int] {
        let (condition, arguments) = visible()
        let sums = ArchiveView.allCases.map { "SUM(CASE WHEN \($0.sql) THEN 1 ELSE 0 END)" }.joined(separator: ", ")
        return try readOne { db in
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT \(sums) FROM customers c WHERE \(condition)", arguments: arguments) else { return [:] }
            var counts: [ArchiveView: Int] = [:]
            for (index, view) in ArchiveView.allCases.enumerated() { counts[view] = (row[index] as Int?) ?? 0 }
            return counts
        }
    }

    /// Rows `offset ..< offset+limit` of the list in `order`. Given the list's `total` (as
    /// its count just said), a window in the far half is read from the end, backwards:
    /// SQLite steps over every row before an OFFSET, so End at 100,000 customers cost 5 ms
    /// and would cost ten times that at a million; from the end it costs what Home does.
    public func customerPage(offset: Int, limit: Int, order: CustomerListOrder = .code, in view: ArchiveView = .all,
                             filter: CustomerFilter = CustomerFilter(), today: LocalDate? = nil, total: Int? = nil) throws -> [CustomerListRow] {
        guard limit > 0 else { return [] }
        if let total, offset > total / 2, offset < total {
            let count = min(limit, total - offset)
            return try window(offset: total - offset - count, limit: count, orderSQL: order.reversedSQL, view: view, filter: filter,
                              today: today).reversed()
        }
        return try window(offset: offset, limit: limit, orderSQL: order.sql, view: view, filter: filter, today: today)
    }

    private func window(offset: Int, limit: Int, orderSQL: String, view: ArchiveView, filter: CustomerFilter,
                        today: LocalDate?) throws -> [CustomerListRow] {
        let churn = try churnCutoff(today: today)
        let (condition, visibility) = visible()
        let (narrowed, filterArguments) = filter.sql(today: today)
        let me = viewer?.userID ?? 0
        return try readOne { db in
            // A cached statement: the list reads a window on many keys, and preparing
            // the statement cost more than running it. Filters are arguments, so there are
            // few distinct texts.
            // (PostgreSQL works out a row's columns before OFFSET skips it: the window's
            // rows are found first, and only theirs are worked out.)
            try CustomerListRow.fetchAll(try db.cachedStatement(sql: db.sql(sqlite: """
                SELECT \(Self.listColumns(churnCutoff: churn.sql))
                FROM customers c
                WHERE \(condition) AND \(view.sql) AND \(narrowed)
                ORDER BY \(orderSQL)
                LIMIT ? OFFSET ?
                """, postgres: """
                SELECT \(Self.listColumns(churnCutoff: churn.sql))
                FROM customers c
                WHERE c.id IN (SELECT c.id FROM customers c WHERE \(condition) AND \(view.sql) AND \(narrowed)
                               ORDER BY \(orderSQL) LIMIT ? OFFSET ?)
                ORDER BY \(orderSQL)
                """)), arguments: [me, churn.argument] + visibility + filterArguments + [limit, max(0, offset)])
        }
    }

    /// The columns of a list row, first in a query on `customers c` (they are read by
    /// position: `CustomerListRow.fetchAll`); takes two arguments: the viewer's user id
    /// (for unread comments) and the churn warning's (`churnCutoff`).
    static func listColumns(churnCutoff: String) -> String {
        """
        c.id, c.code, c.name, c.grade, c.status, c.nextFollowUpOn,
               EXISTS(SELECT 1 FROM activities a INDEXED BY activities_unseenComments
                      WHERE a.handlerID = ? AND a.customerID = c.id AND a.commentSeen = 0) AS hasNewComment,
               (c.status = 'a' AND c.lastOrderOn <= \(churnCutoff)) AS churnWarning
        """
    }

    /// The last order date that puts a cooperating customer in the churn warning, for
    /// `listColumns`: its SQL and its one argument. SQLite works it out here from the
    /// company's months (a read in the process); PostgreSQL inside the statement from
    /// today's date, a round trip less on every list page and search keystroke. Months
    /// count back as `LocalDate.adding(months:)` does (31 March less a month is 28 or 29
    /// February). Without a date nobody is warned.
    func churnCutoff(today: LocalDate?) throws -> (sql: String, argument: String) {
        guard isPostgres else {
            return ("?", try today.map { $0.adding(months: -(try churnRules().warnAfterMonths)).description } ?? "")
        }
        let months = "(SELECT CASE WHEN value ~ '^[0-9]+$' THEN value::int END FROM settings WHERE key = 'churn.warnMonths')"
        return ("to_char(NULLIF(?, '')::date - make_interval(months => COALESCE(\(months), \(ChurnRules.standard.warnAfterMonths))), 'YYYY-MM-DD')",
                today?.description ?? "")
    }
}

extension CustomerListRow {
    /// Rows of a query that selects `listColumns` first, read straight off the statement
    /// by position: a search keystroke or a list page decodes up to hundreds of them, and
    /// copying each row and finding its columns by name took most of that time.
    static func fetchAll(_ statement: StoreStatement, arguments: SQLArguments) throws -> [CustomerListRow] {
        var rows: [CustomerListRow] = []
        guard let sqlite = statement.sqlite else {
            for row in try statement.rows(arguments: arguments) { rows.append(CustomerListRow(row)) }
            return rows
        }
        let cursor = try Row.fetchCursor(sqlite, arguments: arguments.sqlite)
        while let row = try cursor.next() {
            rows.append(CustomerListRow(id: row[0], code: row[1], name: row[2], grade: CustomerGrade(rawValue: row[3]) ?? .general,
                                        status: CustomerStatus(rawValue: row[4]) ?? .potential, nextFollowUpOn: LocalDate(column: row[5]),
                                        hasNewComment: row[6], churnWarning: row[7] ?? false))
        }
        return rows
    }
}

extension CustomerListRow {
    /// A list row from PostgreSQL, read by position as SQLite's are.
    init(_ row: StoreRow) {
        self.init(id: row[0], code: row[1], name: row[2], grade: CustomerGrade(rawValue: row[3]) ?? .general,
                  status: CustomerStatus(rawValue: row[4]) ?? .potential, nextFollowUpOn: LocalDate(column: row[5]),
                  hasNewComment: row[6], churnWarning: row[7] ?? false)
    }
}

extension KehuDatabase {
    /// Where a customer stands in the list ordered by code.
    public func customerIndex(code: String, in view: ArchiveView = .all) throws -> Int {
        let (condition, arguments) = visible()
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers c WHERE c.code < ? AND \(condition) AND \(view.sql)",
                             arguments: [code] + arguments) ?? 0
        }
    }

    /// Where a customer stands in the list as shown: view, filter and order.
    public func customerIndex(id: Int64, in view: ArchiveView, filter: CustomerFilter, order: CustomerListOrder,
                              today: LocalDate? = nil) throws -> Int {
        let (condition, arguments) = visible()
        let (narrowed, filterArguments) = filter.sql(today: today)
        return try read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM customers c, customers c0
                WHERE c0.id = ? AND \(order.before) AND \(condition) AND \(view.sql) AND \(narrowed)
                """, arguments: [id] + arguments + filterArguments) ?? 0
        }
    }

    /// Whether a customer is in an archive view (and visible to this store's viewer).
    public func contains(customerID: Int64, in view: ArchiveView, filter: CustomerFilter = CustomerFilter(), today: LocalDate? = nil) throws -> Bool {
        let (condition, arguments) = visible()
        let (narrowed, filterArguments) = filter.sql(today: today)
        return try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM customers c WHERE c.id = ? AND \(condition) AND \(view.sql) AND \(narrowed))",
                              arguments: [customerID] + arguments + filterArguments) ?? false
        }
    }
}
