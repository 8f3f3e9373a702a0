import GRDB
import KehuCore

/// One import of customers inside the caller's transaction, a row at a time: duplicates
/// checked against the archive and the rows before, codes numbered, owners and teams
/// found, rows, contacts, search keys and audit written.
///
/// A large import into a small archive (a team's first sheet) writes fastest without the
/// indexes it does not read itself, and without the running count's trigger: those are
/// dropped at the start and made again from their own definitions before the commit (a
/// rollback brings them back as they were), so readers meanwhile see the archive and its
/// indexes unchanged.
struct CustomerImporter {
    private let db: StoreConnection
    private let store: KehuDatabase
    private let plan: KehuDatabase.ImportPlan
    private let actor: Actor
    /// One moment for the whole import (it is one transaction), asked of the clock once.
    private let now: LocalDateTime
    private let today: LocalDate
    private let byPhone: RowStatement
    private let byName: RowStatement
    /// A customer by id, if its name key is the one given (a namesake table's candidate).
    private let byIDAndName: RowStatement
    private let byCode: StoreStatement
    /// Serials counted in memory and written back once at the end: the same transaction
    /// holds the write lock throughout, so no one else can take one meanwhile.
    private var serials: [String: Int] = [:]
    private var regions: [Int64: String] = [:]
    private var owners: [String: RowOwnership] = [:]
    private var teams: [String: RowOwnership] = [:]
    /// For a large import, the phone and name keys met so far, to skip looking up in the
    /// database the many that are surely new (nil: every row is looked up).
    private var seenPhones: SeenKeys?
    private var seenNames: SeenKeys?
    /// The same for the codes rows give (a sheet exported from kehu has one on every row).
    private var seenCodes: SeenKeys?
    /// While the name key's index is set aside (a large SQLite import), where namesakes
    /// are found instead: the archive's customers and each new one, by name key.
    private var namesakeTable: NamesakeTable?
    /// The definitions of the indexes dropped for the import, to make them again.
    private var dropped: [String] = []
    /// The running count's insert trigger, set aside with the indexes (its definition), and
    /// the customers created meanwhile, added to the count once at the end.
    private var countingTrigger: String?
    private var createdCount = 0
    /// The search indexes' insert triggers, set aside with the indexes.
    private var searchIndexing: SearchText.IndexingAside?
    private var customers: PreparedInsert?
    private var contacts: PreparedInsert?
    /// The search lines wait with their customer's row (see `SQLiteRowBatch`).
    private var searchBatches: [RowBatch] = []
    /// On PostgreSQL, the codes, phone keys and name keys of the rows still waiting: a row
    /// that could find one of them in the archive first has the waiting rows written (on
    /// SQLite, where writing them costs no round trip, any lookup has them written first).
    private var waitingKeys: Set<String> = []

    /// The rows an import must bring before setting indexes aside pays (rebuilding them
    /// costs about what inserting this many rows into them would).
    static let bulkRows = 10_000
    /// The indexes an import reads while it writes: the phone key (duplicates) and a
    /// contact's customer (an updated customer's search lines). Every other index of
    /// customers and contacts (twenty today, and any a later migration adds) is set aside
    /// and sorted once at the end: kept, each costs a B-tree insert a row. The eight that
    /// grow mostly at their end (owner, team, status, city, source, the dates not yet set)
    /// were kept until 2026-12: in a test of SQLite alone they still cost 2.5 s of writing
    /// 100,000 customers, where making them again takes 0.5 s. The name key's was read too
    /// until 2026-12; namesakes are found in memory while it is aside (`NamesakeTable`,
    /// which says why). The code's own index (its UNIQUE constraint) cannot be dropped,
    /// and is read too.
    static let indexesTheImportReads: Set<String> = ["customers_phoneDigits", "contacts_customer"]
    /// The index namesakes are found by, when it is kept.
    static let nameKeyIndex = "customers_nameKey"

    init(_ db: StoreConnection, store: KehuDatabase, plan: KehuDatabase.ImportPlan, actor: Actor) throws {
        self.db = db
        self.store = store
        self.plan = plan
        self.actor = actor
        now = actor.clock.now
        today = actor.clock.today
        byPhone = try RowStatement(db, sql: "SELECT code FROM customers WHERE phoneDigits = ? LIMIT 1")
        byName = try RowStatement(db, sql: "SELECT code, name FROM customers WHERE nameKey = ?")
        byIDAndName = try RowStatement(db, sql: "SELECT code, name FROM customers WHERE id = ? AND nameKey = ?")
        byCode = try db.makeStatement(sql: "SELECT * FROM customers WHERE code = ?")
        let archived = try Int.fetchOne(db, sql: "SELECT count(*) FROM customers") ?? 0
        // (PostgreSQL keeps its indexes as it goes; nothing there to set aside.)
        if plan.expectedRows >= Self.bulkRows, archived <= plan.expectedRows, !db.isPostgres {
            let namesakesInMemory = NamesakeTable.fits(capacity: archived + plan.expectedRows)
            try setIndexesAside(keepingNameKey: !namesakesInMemory)
            if namesakesInMemory, !dropped.isEmpty, try !Self.indexExists(db, Self.nameKeyIndex) {
                namesakeTable = NamesakeTable(capacity: archived + plan.expectedRows)
                // The pages the rows still dirty at random (the code's and phone key's
                // indexes) fit in half the cache the import is given: the other half pays
                // for the table. Measured at a million rows, against 16 MB: no slower, and
                // 74–78 MB at the peak instead of 82–85. (Back to normal after the import.)
                try db.execute(sql: "PRAGMA cache_size = -8192")
            }
        }
        // (With the name key's index aside, the archive's keys must be learnt: they are
        // then where its namesakes are found.)
        if namesakeTable != nil || (plan.expectedRows >= Self.filteredRows && archived <= 4 * plan.expectedRows) {
            try learnArchivedKeys(room: archived + plan.expectedRows)
        }
    }

    /// The rows from which the indexes made again at the end sort on two cores: measured,
    /// the second thread cost 0.1 s of 1.3 at 100,000 rows and saved a quarter at 1,000,000.
    static let threadedSortRows = 300_000

    /// The rows an import must bring before reading the archive's keys into memory pays
    /// (reading one costs about what looking one up does; an import looks up two a row).
    static let filteredRows = 1_000

    private static func indexExists(_ db: StoreConnection, _ name: String) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name]) == 1
    }

    private mutating func learnArchivedKeys(room: Int) throws {
        // Names go to the namesake table when there is one, and need no filter then.
        var phones = SeenKeys(capacity: room), names = SeenKeys(capacity: namesakeTable == nil ? room : 0), codes = SeenKeys(capacity: room)
        let keys = "SELECT phoneDigits, nameKey, code, id FROM customers"
        if db.isPostgres {
            for row in try StoreRow.fetchAll(db, sql: keys) {
                if let phone: String = row[0] { phones.insert(phone) }
                if let name: String = row[1] { names.insert(name) }
                if let code: String = row[2] { codes.insert(code) }
            }
        } else {
            try BulkStatement(db.sqlite, sql: keys).forEachRow { column in
                if let phone = column(0) { phones.insert(phone) }
                if let name = column(1) {
                    if namesakeTable != nil { namesakeTable!.insert(name, id: Self.integer(column(3))) } else { names.insert(name) }
                }
                if let code = column(2) { codes.insert(code) }
            }
        }
        seenPhones = phones
        seenNames = namesakeTable == nil ? names : nil
        seenCodes = codes
    }

    /// An integer column's text, as SQLite gives it.
    private static func integer(_ text: UnsafeBufferPointer<UInt8>?) -> Int64 {
        var value: Int64 = 0
        for byte in text ?? UnsafeBufferPointer(start: nil, count: 0) where (0x30...0x39).contains(byte) { value = value * 10 + Int64(byte - 0x30) }
        return value
    }

    /// `keepingNameKey`: the name key's index is read while the rows are written (when the
    /// namesake table would not fit its memory).
    private mutating func setIndexesAside(keepingNameKey: Bool) throws {
        let indexes = try StoreRow.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND tbl_name IN ('customers', 'contacts') AND sql IS NOT NULL ORDER BY name
            """)
        for index in indexes {
            let name: String = index["name"]
            guard !Self.indexesTheImportReads.contains(name), !(keepingNameKey && name == Self.nameKeyIndex) else { continue }
            dropped.append(index["sql"])
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
        }
        // The count of customers goes up once at the end, by as many as were created, instead
        // of by one in a trigger for each (a tenth of the customers' writing).
        countingTrigger = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'customers_totalInsert'")
        if countingTrigger != nil { try db.execute(sql: "DROP TRIGGER customers_totalInsert") }
        searchIndexing = try SearchText.IndexingAside(db)
    }

    /// Before the commit: the new rows' audit records, the serials taken, and the indexes made again.
    mutating func finish() throws {
        namesakeTable = nil   // its memory, for the indexes' sorting
        try writeWaiting()
        try customers?.recordCreated(actor: actor.login, at: now)
        try contacts?.recordCreated(actor: actor.login, at: now)
        for (prefix, serial) in serials { try CodeSerials.hold(db, prefix: prefix, serial: serial) }
        // Each index is made by scanning the whole table, more than any cache holds, and a
        // sort whose runs are as long as the cache is large: SQLite's usual 2 MB keeps
        // those runs small (the larger cache the rows were written with only cost memory
        // here). A sort of many runs has them sorted on a second core meanwhile.
        if !dropped.isEmpty, !db.isPostgres {
            try db.execute(sql: "PRAGMA cache_size = -2000")
            if plan.expectedRows >= Self.threadedSortRows { try db.execute(sql: "PRAGMA threads = 2") }
        }
        defer { if !db.isPostgres { try? db.execute(sql: "PRAGMA threads = 0") } }
        for definition in dropped { try db.execute(sql: definition) }
        dropped = []
        if let trigger = countingTrigger {
            try db.execute(sql: "UPDATE customerTotal SET total = total + ? WHERE id = 1", arguments: [createdCount])
            try db.execute(sql: trigger)
            countingTrigger = nil
        }
        if var aside = searchIndexing {
            try aside.restore(db)
            searchIndexing = nil
        }
    }

    /// A row with the keys it is checked and found by, made without the database (on the
    /// reading thread, while the rows before it are written).
    struct Prepared: @unchecked Sendable {
        let row: CustomerImportRow
        let phoneKey: String?
        let nameKey: String
        let fullName: String
        let mobileKey: String?
        let lines: SearchText.Lines?
        /// The new customer's row and its contact's as written, but for what the writer
        /// decides (`Decided`, the contact's customer): made here, off the writer's thread.
        let customerValues: ColumnValues
        let contactValues: ColumnValues

        init(_ row: CustomerImportRow) {
            self.row = row
            guard row.problems.isEmpty else {
                phoneKey = nil; nameKey = ""; fullName = ""; mobileKey = nil; lines = nil; customerValues = []; contactValues = []
                return
            }
            let customer = row.customer
            phoneKey = DuplicateKeys.phone(customer.phone)
            nameKey = DuplicateKeys.name(customer.name)
            fullName = DuplicateKeys.exactName(customer.name)
            mobileKey = row.contact.flatMap { DuplicateKeys.phone($0.mobile) }
            let mobile = mobileKey
            // The search keys are written with the row, once: a bulk import must not redo
            // a customer's keys for each of its contacts.
            let lines = SearchText.compose(name: customer.name, city: customer.city, province: customer.province,
                                           phoneDigits: phoneKey, contacts: row.contact.map { [($0.name, mobile, nil)] } ?? [])
            self.lines = lines
            customerValues = customer.columnValues + [
                ("phoneDigits", phoneKey.databaseValue), ("nameKey", nameKey.databaseValue),
                ("pinyin", lines.pinyin.databaseValue), ("initials", lines.initials.databaseValue)]
            if let person = row.contact {
                // The customer's id is the writer's to fill in.
                var contact = Contact(customerID: 0, name: person.name)
                contact.mobile = person.mobile
                contact.position = person.position
                contactValues = contact.columnValues + [("mobileDigits", mobile.databaseValue)]
            } else {
                contactValues = []
            }
        }
    }

    /// Where, among a prepared row's columns, the ones the writer decides are (whose the
    /// customer is, its code, its region; the contact's customer): found with the first row.
    private struct Decided {
        let code, ownerID, teamID, region, claimedOn: Int

        init(_ values: ColumnValues) {
            code = values.place("code"); ownerID = values.place("ownerID"); teamID = values.place("teamID")
            region = values.place("region"); claimedOn = values.place("claimedOn")
        }
    }
    private var decided: Decided?
    private var contactsCustomer: Int?

    mutating func importRow(_ row: CustomerImportRow) throws -> ImportOutcome {
        try importRow(Prepared(row))
    }

    mutating func importRow(_ prepared: Prepared) throws -> ImportOutcome {
        let row = prepared.row
        guard row.problems.isEmpty, let lines = prepared.lines else { return .rejected(row.problems) }
        // A known code: bring that customer up to date with what the row has.
        if let code = row.givenCode, seenCodes?.mayContain(code) ?? true, try writeWaiting(ifAny: "code", code),
           let existing = try StoreRow.fetchOne(byCode, arguments: [code]) {
            let original = Customer(row: existing)
            let outcome = try update(original, code: code, with: row.customer)
            // Its keys as the update left them, for the rows after to be checked against.
            if seenPhones != nil, case .updated(_, let fields) = outcome, !fields.isEmpty {
                let keys = try StoreRow.fetchOne(db, sql: "SELECT phoneDigits, nameKey FROM customers WHERE id = ?", arguments: [original.id!])
                if let phone: String = keys?["phoneDigits"] { seenPhones?.insert(phone) }
                if let name: String = keys?["nameKey"] {
                    seenNames?.insert(name)
                    namesakeTable?.insert(name, id: original.id!)   // (its old key's entry finds nothing now)
                }
            }
            return outcome
        }
        let phoneKey = prepared.phoneKey
        if let phone = phoneKey, seenPhones?.mayContain(phone) ?? true, try writeWaiting(ifAny: "phone", phone),
           let code = try byPhone.texts(limit: 1, [phone.databaseValue]).first?[0] {
            return .duplicate(of: code, byPhone: true)
        }
        let nameKey = prepared.nameKey
        // Each namesake as (code, name).
        var namesakes: [[String]] = []
        if !nameKey.isEmpty, let table = namesakeTable {
            let candidates = table.candidates(nameKey)
            if !candidates.isEmpty { try writeWaiting() }
            for id in candidates { namesakes += try byIDAndName.texts([id.databaseValue, nameKey.databaseValue]) }
        } else if !nameKey.isEmpty, seenNames?.mayContain(nameKey) ?? true, try writeWaiting(ifAny: "name", nameKey) {
            namesakes = try byName.texts([nameKey.databaseValue])
        }
        if let same = namesakes.first(where: { DuplicateKeys.exactName($0[1]) == prepared.fullName }) {
            return .duplicate(of: same[0], byPhone: false)
        }
        let near: String? = namesakes.first?[0]
        if let near, plan.mergeSimilar { return .duplicate(of: near, byPhone: false) }
        // What the writer decides of the new customer, the rest of it as the row has it
        // (not copied: forty texts to retain and release). Whose it is — the row's owner
        // (with their team), its team's pool, else the command's — is decided before a code
        // is taken, so a refused row leaves no gap.
        var ownerID: Int64?, teamID: Int64?, code = row.customer.code, region = row.customer.region
        switch try ownership(row) {
        case .refused(let problem): return .rejected([problem])
        case .given(let owner, let team): ownerID = owner; teamID = team
        case .unsaid: ownerID = plan.ownerID; teamID = plan.teamID
        }
        if let given = row.givenCode, let parts = CustomerCode.parse(given) {
            code = given
            // Held with the others at the end (`finish`), before the commit.
            serials[parts.prefix] = max(try serials[parts.prefix] ?? CodeSerials.last(db, prefix: parts.prefix), parts.serial)
        } else if let city = row.city {
            let prefix = CustomerCode.cityPrefix(city)
            let serial = try (serials[prefix] ?? CodeSerials.last(db, prefix: prefix)) + 1
            serials[prefix] = serial
            code = CustomerCode.make(grade: row.customer.grade, status: row.customer.status, city: city, serial: serial)
        }
        // The sales region is the team's; a customer of no team is placed by its city.
        if let team = teamID, let teams = try self.region(ofTeam: team), !teams.isEmpty {
            region = teams
        } else if let city = row.city {
            region = city.region
        }
        let claimedOn = ownerID != nil && row.customer.status == .potential ? today : row.customer.claimedOn
        if customers == nil {
            customers = try PreparedInsert(db, table: "customers", columns: prepared.customerValues.map(\.column))
            decided = Decided(prepared.customerValues)
        }
        let place = decided!
        let id = try customers!.insert(prepared.customerValues, replacing: [
            (place.code, code.databaseValue), (place.ownerID, ownerID.databaseValue),
            (place.teamID, teamID.databaseValue), (place.region, region.databaseValue),
            (place.claimedOn, claimedOn?.description.databaseValue ?? .null)])
        createdCount += 1
        if let phoneKey { seenPhones?.insert(phoneKey) }
        if !nameKey.isEmpty {
            seenNames?.insert(nameKey)
            namesakeTable?.insert(nameKey, id: id)
        }
        seenCodes?.insert(code)
        if !prepared.contactValues.isEmpty {
            if contacts == nil {
                contacts = try PreparedInsert(db, table: "contacts", columns: prepared.contactValues.map(\.column))
                contactsCustomer = prepared.contactValues.place("customerID")
            }
            _ = try contacts!.insert(prepared.contactValues, replacing: [(contactsCustomer!, id.databaseValue)])
        }
        if searchBatches.isEmpty {
            let upsert = "ON CONFLICT(customerID) DO UPDATE SET text = excluded.text"
            searchBatches = SearchText.tables.map { table in
                switch db.engine {
                case .sqlite(let database): SQLiteRowBatch(database, table: table, columns: ["customerID", "text"], suffix: upsert)
                case .postgres(let link): PostgresRowBatch(link, table: table, columns: ["customerID", "text"], numbersRows: false, suffix: upsert)
                }
            }
        }
        for (batch, text) in zip(searchBatches, [lines.han, lines.latin, lines.digits]) {
            try batch.add([id.databaseValue, text.databaseValue])
        }
        if db.isPostgres {
            waitingKeys.insert("code " + code)
            if let phoneKey { waitingKeys.insert("phone " + phoneKey) }
            if !nameKey.isEmpty { waitingKeys.insert("name " + nameKey) }
        }
        if customers!.waiting >= searchBatches[0].rowsPerStatement { try writeWaiting() }
        return near.map { .createdNearDuplicate(code: code, similar: $0) } ?? .created(code: code)
    }

    /// Writes the rows waiting: the customers first, then what names them.
    private mutating func writeWaiting() throws {
        try customers?.flush()
        try contacts?.flush()
        for batch in searchBatches { try batch.flush() }
        waitingKeys.removeAll(keepingCapacity: true)
    }

    /// Before the archive is asked about a code, phone or name key: the waiting rows are
    /// written if one of them may have it (so the archive's answer includes them). Always
    /// true, for use inside a condition.
    private mutating func writeWaiting(ifAny kind: String, _ key: String) throws -> Bool {
        guard let customers, customers.waiting > 0 else { return true }
        if !db.isPostgres || waitingKeys.contains(kind + " " + key) { try writeWaiting() }
        return true
    }

    /// A row naming an archived customer's code: that customer brought up to date with
    /// the fields the row fills (empty cells leave a field as it is).
    private func update(_ original: Customer, code: String, with customer: Customer) throws -> ImportOutcome {
        guard try store.isVisible(db, customerID: original.id!) else {
            return .rejected([.outsideScope(code: code, owner: try store.ownerName(db, customerID: original.id!))])
        }
        var edited = original
        for (keyPath, value) in [(\Customer.name, customer.name), (\.phone, customer.phone), (\.fax, customer.fax),
                                 (\.address, customer.address), (\.postalCode, customer.postalCode), (\.website, customer.website),
                                 (\.email, customer.email), (\.industry, customer.industry), (\.notes, customer.notes),
                                 (\.legalRepresentative, customer.legalRepresentative), (\.mainProducts, customer.mainProducts),
                                 (\.businessCondition, customer.businessCondition), (\.supplierStructure, customer.supplierStructure),
                                 (\.nature, customer.nature), (\.invalidReason, customer.invalidReason)]
            where !value.isEmpty { edited[keyPath: keyPath] = value }
        if let years = customer.yearsInBusiness { edited.yearsInBusiness = years }
        if let line = customer.creditLineYuan { edited.creditLineYuan = line }
        if let level = customer.creditLevel { edited.creditLevel = level }
        let changed = try RecordWriter.update(db, table: "customers", id: original.id!, original: original.columnValues,
                                              edited: edited.columnValues, actor: actor.login, at: now, ignoring: ["updatedAt"])
        if !changed.isEmpty { try SearchKeys.refreshCustomer(db, id: original.id!) }
        return .updated(code: code, fields: changed)
    }

    private mutating func region(ofTeam team: Int64) throws -> String? {
        if let known = regions[team] { return known }
        let region = try String.fetchOne(db, sql: "SELECT region FROM teams WHERE id = ?", arguments: [team])
        regions[team] = region ?? ""
        return region
    }

    /// Whom a row gives its customer to, when it says: an active person the importer may
    /// see (by display name or login) with their team, or a team's pool by the team's name.
    enum RowOwnership {
        case unsaid
        case given(ownerID: Int64?, teamID: Int64?)
        case refused(CustomerImportRow.Problem)
    }

    /// Asked of the database once per name for the whole import (a sheet names a few
    /// people many times).
    private mutating func ownership(_ row: CustomerImportRow) throws -> RowOwnership {
        if let owner = row.owner {
            let key = owner.column + "\u{0}" + owner.name
            if let known = owners[key] { return known }
            let (sql, arguments) = store.visibleUsers()
            let found = try StoreRow.fetchOne(db, sql: """
                SELECT u.id, u.teamID FROM users u WHERE u.active = 1 AND (u.displayName = ? OR u.login = ?) AND \(sql)
                ORDER BY u.login = ? DESC LIMIT 1
                """, arguments: [owner.name, owner.name] + arguments + [owner.name])
            let answer: RowOwnership = found.map { .given(ownerID: $0["id"], teamID: $0["teamID"]) }
                ?? .refused(.noSuchOwner(column: owner.column, value: owner.name))
            owners[key] = answer
            return answer
        }
        if let team = row.team {
            let key = team.column + "\u{0}" + team.name
            if let known = teams[key] { return known }
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM teams WHERE name = ?", arguments: [team.name])
            let answer: RowOwnership = id.map { .given(ownerID: nil, teamID: $0) } ?? .refused(.noSuchOwner(column: team.column, value: team.name))
            teams[key] = answer
            return answer
        }
        return .unsaid
    }
}

private extension ColumnValues {
    /// Where `column` is among the values (every prepared row has the same columns).
    func place(_ column: String) -> Int { firstIndex { $0.column == column }! }
}
