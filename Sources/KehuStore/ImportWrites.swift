import GRDB
import KehuCore

/// What importing one row did, or would do in a dry run.
public enum ImportOutcome: Hashable, Sendable {
    case created(code: String)
    /// Created, though an archived customer's name differs only in spacing, dots or the
    /// company form (X有限公司 / X股份有限公司): for the importer to check.
    case createdNearDuplicate(code: String, similar: String)
    /// An existing customer with the row's code: the fields the row changed.
    case updated(code: String, fields: [String])
    /// Already in the archive (or earlier in the file): same normalised phone or full name
    /// (or a near name, when the importer asked to merge those).
    case duplicate(of: String, byPhone: Bool)
    case rejected([CustomerImportRow.Problem])
}

extension KehuDatabase {
    /// Imports customers (and a contact each, when the row names one) in ONE transaction:
    /// a dry run, or any rejected row without `skipBad`, rolls all of it back, so nothing
    /// is half-imported. Rows are owned by `ownerID` (nil: the team's pool). Running the
    /// same file again finds every row a duplicate or an update with nothing changed.
    /// - Returns: one outcome per row, in order; `progress` hears how far it got.
    /// A row whose name is near an archived one (only the company form or spacing differs)
    /// is created and reported, or with `mergeSimilar` taken as that customer (skipped).
    public func importCustomers(_ rows: [CustomerImportRow], ownerID: Int64?, teamID: Int64?, dryRun: Bool, skipBad: Bool,
                                mergeSimilar: Bool = false, by actor: Actor, progress: ((Int) -> Void)? = nil) throws -> [ImportOutcome] {
        try require(Self.importRoles)
        if let ownerID, try !read({ db in try isVisibleUser(db, ownerID) }) { throw StoreError.notFound(table: "users", rowID: ownerID) }
        var outcomes: [ImportOutcome] = []
        try writeAlone { db in
            // A large page cache for the one big transaction (SQLite's 2 MB default spends
            // most of a 100,000-row import re-reading index pages), back to normal after.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            try db.inTransaction {
                outcomes = try importRows(db, rows, ownerID: ownerID, teamID: teamID, mergeSimilar: mergeSimilar, actor: actor, progress: progress)
                let rejected = outcomes.contains { if case .rejected = $0 { return true }; return false }
                return dryRun || (rejected && !skipBad) ? .rollback : .commit
            }
        }
        return outcomes
    }

    /// Who may import: those who look after more than their own customers.
    public static let importRoles: Set<Role> = [.admin, .supervisor, .salesManager]

    /// Whether the viewer may know of user `id` (an owner named in an import).
    func isVisibleUser(_ db: Database, _ id: Int64) throws -> Bool {
        let (sql, arguments) = visibleUsers()
        return try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM users u WHERE u.id = ? AND \(sql))", arguments: [id] + arguments) ?? false
    }

    /// Whom a row gives its customer to, when it says: an active person the importer may
    /// see (by display name or login) with their team, or a team's pool by the team's name.
    private enum RowOwnership {
        case unsaid
        case given(ownerID: Int64?, teamID: Int64?)
        case refused(CustomerImportRow.Problem)
    }

    private func rowOwnership(_ db: Database, _ row: CustomerImportRow) throws -> RowOwnership {
        if let owner = row.owner {
            let (sql, arguments) = visibleUsers()
            let found = try Row.fetchOne(db, sql: """
                SELECT u.id, u.teamID FROM users u WHERE u.active AND (u.displayName = ? OR u.login = ?) AND \(sql)
                ORDER BY u.login = ? DESC LIMIT 1
                """, arguments: [owner.name, owner.name] + arguments + [owner.name])
            guard let found else { return .refused(.noSuchOwner(column: owner.column, value: owner.name)) }
            return .given(ownerID: found["id"], teamID: found["teamID"])
        }
        if let team = row.team {
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM teams WHERE name = ?", arguments: [team.name]) else {
                return .refused(.noSuchOwner(column: team.column, value: team.name))
            }
            return .given(ownerID: nil, teamID: id)
        }
        return .unsaid
    }

    /// The owner's name and team, as the duplicate check tells it; nil for the pool.
    func ownerName(_ db: Database, customerID: Int64) throws -> String? {
        try Row.fetchOne(db, sql: """
            SELECT u.displayName, t.name AS team FROM customers c JOIN users u ON u.id = c.ownerID
            LEFT JOIN teams t ON t.id = u.teamID WHERE c.id = ?
            """, arguments: [customerID]).map { row in
            let name: String = row["displayName"]
            let team: String? = row["team"]
            return team.map { "\(name) · \($0)" } ?? name
        }
    }

    private func importRows(_ db: Database, _ rows: [CustomerImportRow], ownerID: Int64?, teamID: Int64?, mergeSimilar: Bool, actor: Actor,
                            progress: ((Int) -> Void)?) throws -> [ImportOutcome] {
        let byPhone = try db.makeStatement(sql: "SELECT code FROM customers WHERE phoneDigits = ? LIMIT 1")
        let byName = try db.makeStatement(sql: "SELECT code, name FROM customers WHERE nameKey = ?")
        var outcomes: [ImportOutcome] = []
        // Serials counted in memory and written back once at the end: the same transaction
        // holds the write lock throughout, so no one else can take one meanwhile.
        var serials: [String: Int] = [:]
        // One moment for the whole import (it is one transaction), asked of the clock once.
        let now = actor.clock.now
        for (index, row) in rows.enumerated() {
            if index % 500 == 499 { progress?(index + 1) }
            guard row.problems.isEmpty else { outcomes.append(.rejected(row.problems)); continue }
            var customer = row.customer
            // A known code: bring that customer up to date with what the row has.
            if let code = row.givenCode, let existing = try Row.fetchOne(db, sql: "SELECT * FROM customers WHERE code = ?", arguments: [code]) {
                let original = Customer(row: existing)
                guard try isVisible(db, customerID: original.id!) else {
                    outcomes.append(.rejected([.outsideScope(code: code, owner: try ownerName(db, customerID: original.id!))]))
                    continue
                }
                var edited = original
                for (keyPath, value) in [(\Customer.name, customer.name), (\.phone, customer.phone), (\.fax, customer.fax),
                                         (\.address, customer.address), (\.postalCode, customer.postalCode), (\.website, customer.website),
                                         (\.email, customer.email), (\.industry, customer.industry), (\.notes, customer.notes),
                                         (\.legalRepresentative, customer.legalRepresentative)]
                    where !value.isEmpty { edited[keyPath: keyPath] = value }
                let changed = try RecordWriter.update(db, table: "customers", id: original.id!, original: original.columnValues,
                                                      edited: edited.columnValues, actor: actor.login, at: now, ignoring: ["updatedAt"])
                if !changed.isEmpty { try SearchKeys.refreshCustomer(db, id: original.id!) }
                outcomes.append(.updated(code: code, fields: changed))
                continue
            }
            let phoneKey = DuplicateKeys.phone(customer.phone)
            if let phone = phoneKey, let code = try String.fetchOne(byPhone, arguments: [phone]) {
                outcomes.append(.duplicate(of: code, byPhone: true)); continue
            }
            let nameKey = DuplicateKeys.name(customer.name)
            let namesakes = nameKey.isEmpty ? [] : try Row.fetchAll(byName, arguments: [nameKey])
            let fullName = DuplicateKeys.exactName(customer.name)
            if let same = namesakes.first(where: { DuplicateKeys.exactName($0["name"]) == fullName }) {
                outcomes.append(.duplicate(of: same["code"], byPhone: false)); continue
            }
            let near: String? = namesakes.first?["code"]
            if let near, mergeSimilar { outcomes.append(.duplicate(of: near, byPhone: false)); continue }
            // Whose it is — the row's owner (with their team), its team's pool, else the
            // command's — decided before a code is taken, so a refused row leaves no gap.
            switch try rowOwnership(db, row) {
            case .refused(let problem): outcomes.append(.rejected([problem])); continue
            case .given(let owner, let team): customer.ownerID = owner; customer.teamID = team
            case .unsaid: customer.ownerID = ownerID; customer.teamID = teamID
            }
            if let code = row.givenCode, let parts = CustomerCode.parse(code) {
                customer.code = code
                try CodeSerials.hold(db, prefix: parts.prefix, serial: parts.serial)
                serials[parts.prefix] = max(try serials[parts.prefix] ?? CodeSerials.last(db, prefix: parts.prefix), parts.serial)
            } else if let city = row.city {
                let prefix = CustomerCode.cityPrefix(city)
                let serial = try (serials[prefix] ?? CodeSerials.last(db, prefix: prefix)) + 1
                serials[prefix] = serial
                customer.code = CustomerCode.make(grade: customer.grade, status: customer.status, city: city, serial: serial)
            }
            // The sales region is the team's; a customer of no team is placed by its city.
            if let team = customer.teamID, let region = try String.fetchOne(db, sql: "SELECT region FROM teams WHERE id = ?", arguments: [team]),
               !region.isEmpty {
                customer.region = region
            } else if let city = row.city {
                customer.region = city.region
            }
            if customer.ownerID != nil, customer.status == .potential { customer.claimedOn = actor.clock.today }
            // The search keys are written with the row, once: a bulk import must not redo
            // a customer's keys for each of its contacts.
            let mobileKey = row.contact.flatMap { DuplicateKeys.phone($0.mobile) }
            let lines = SearchText.compose(name: customer.name, city: customer.city, province: customer.province, phoneDigits: phoneKey,
                                           contacts: row.contact.map { [($0.name, mobileKey, nil)] } ?? [])
            let id = try RecordWriter.insert(db, table: "customers", values: customer.columnValues + [
                ("phoneDigits", phoneKey.databaseValue), ("nameKey", nameKey.databaseValue),
                ("pinyin", lines.pinyin.databaseValue), ("initials", lines.initials.databaseValue)], actor: actor.login, at: now)
            if let person = row.contact {
                var contact = Contact(customerID: id, name: person.name)
                contact.mobile = person.mobile
                contact.position = person.position
                _ = try RecordWriter.insert(db, table: "contacts", values: contact.columnValues + [("mobileDigits", mobileKey.databaseValue)],
                                            actor: actor.login, at: now)
            }
            try SearchText.writeLines(db, customerID: id, lines)
            outcomes.append(near.map { .createdNearDuplicate(code: customer.code, similar: $0) } ?? .created(code: customer.code))
        }
        for (prefix, serial) in serials { try CodeSerials.hold(db, prefix: prefix, serial: serial) }
        progress?(rows.count)
        return outcomes
    }
}
