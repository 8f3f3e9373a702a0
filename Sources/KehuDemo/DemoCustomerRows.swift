import GRDB
import KehuCore
import KehuStore

/// One demo customer as the generator drew it, with its contacts, card and visits, each
/// row's values in its INSERT's column order and its id given in advance (the file is new,
/// so ids follow from the first). Drawing needs the seed's one random sequence and stays
/// on one thread; what follows from the drawn text alone (duplicate keys, pinyin, search
/// lines) is added by `madeReady` on the other cores, and `DemoRowWriter` writes it.
struct DemoCustomerRows: Sendable {
    struct Contact: Sendable {
        let id: Int64
        let name: String
        let mobile: String
        let phone: String
        var values: [DatabaseValue]
    }

    struct Card: Sendable {
        /// Open (a prospect's, with a phone) or won long ago (no phone).
        let open: Bool
        let phone: String
        let product: String
        let model: String
        var values: [DatabaseValue]
    }

    let id: Int64
    let name: String
    let city: String
    let province: String
    let phone: String
    var values: [DatabaseValue]
    var contacts: [Contact] = []
    /// A second salesperson working the customer with its owner.
    var partnerID: Int64?
    var card: Card?
    var visits: [[DatabaseValue]] = []
    /// The search lines, in `SearchText.tables`' order, once made ready.
    var lines: [String] = []

    /// The rows with their keys as kehu keeps them (`SearchKeys`, `SearchText`), so the
    /// demo is written once instead of written and then filled in.
    func madeReady() -> DemoCustomerRows {
        var rows = self
        var named: [(name: String?, mobile: String?, phone: String?)] = []
        for index in rows.contacts.indices {
            let mobileKey = DuplicateKeys.phone(rows.contacts[index].mobile), phoneKey = DuplicateKeys.phone(rows.contacts[index].phone)
            rows.contacts[index].values += [mobileKey.databaseValue, phoneKey.databaseValue]
            named.append((rows.contacts[index].name, mobileKey, phoneKey))
        }
        if let card, card.open { rows.card?.values.append(DuplicateKeys.phone(card.phone).databaseValue) }
        let phoneKey = DuplicateKeys.phone(phone)
        let lines = SearchText.compose(name: name, city: city, province: province, phoneDigits: phoneKey, contacts: named,
                                       products: card.map { [$0.product, $0.model].filter { !$0.isEmpty } } ?? [])
        rows.values += [phoneKey.databaseValue, DuplicateKeys.name(name).databaseValue, lines.pinyin.databaseValue, lines.initials.databaseValue]
        rows.lines = [lines.han, lines.latin, lines.digits]
        return rows
    }
}

/// The values of one row, in its INSERT's column order.
func rowValues(_ values: [(any DatabaseValueConvertible)?]) -> [DatabaseValue] {
    values.map { $0?.databaseValue ?? .null }
}

/// Writes made-ready demo customers with statements prepared once, bound straight
/// through SQLite's calls (GRDB's arguments cost more than the inserts here).
struct DemoRowWriter {
    /// The ids the generator gives the next customer, contact and card.
    struct IDs { var customer: Int64 = 1, contact: Int64 = 1, card: Int64 = 1 }

    private let db: Database
    private let customers: BulkStatement
    private let contacts: BulkStatement
    private let members: BulkStatement
    private let openCards: BulkStatement
    private let wonCards: BulkStatement
    private let visits: BulkStatement
    private let lines: [BulkStatement]

    init(_ db: Database) throws {
        self.db = db
        customers = try BulkStatement(db, sql: """
            INSERT INTO customers(id, code, name, address, postalCode, phone, fax, website, email, industry,
              legalRepresentative, registeredCapitalWan, mainProducts, yearsInBusiness, businessCondition, type, typeOther,
              grade, creditLevel, supplierStructure, source, status, province, city, ownerID, teamID, region,
              createdAt, updatedAt, lastOrderOn, notes, claimedOn, phoneDigits, nameKey, pinyin, initials)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        contacts = try BulkStatement(db, sql: """
            INSERT INTO contacts(id, customerID, name, department, position, mobile, phone, email, gender, birthday, isDecisionMaker,
              mobileDigits, phoneDigits)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        members = try BulkStatement(db, sql: "INSERT INTO customerMembers(customerID, userID) VALUES (?, ?)")
        openCards = try BulkStatement(db, sql: """
            INSERT INTO intentCards(id, customerID, number, createdOn, source, filledByID, personName, gender, age, phone,
              occupation, bestCallbackTime, product, model, purchaseType, focusPoints, comparedProducts, budgetYuan,
              paymentMethod, level, nextVisitOn, state, phoneDigits)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        wonCards = try BulkStatement(db, sql: """
            INSERT INTO intentCards(id, customerID, number, createdOn, source, filledByID, personName, product, purchaseType,
              level, state, closedOn) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        visits = try BulkStatement(db, sql: """
            INSERT INTO activities(customerID, cardID, visitNumber, method, occurredAt, handlerID, contactID, content,
              levelJudged, impression, bottleneckPlan, nextVisitOn, supervisorComment, commentSignerID, commentAt)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        lines = try SearchText.tables.map { try BulkStatement(db, sql: "INSERT INTO \($0)(customerID, text) VALUES (?, ?)") }
    }

    /// The ids after those already in the file (none in a new one).
    func nextIDs() throws -> IDs {
        func next(_ table: String) throws -> Int64 { try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM \(table)") ?? 1 }
        return IDs(customer: try next("customers"), contact: try next("contacts"), card: try next("intentCards"))
    }

    func write(_ rows: DemoCustomerRows) throws {
        try customers.execute(rows.values)
        for contact in rows.contacts { try contacts.execute(contact.values) }
        if let partnerID = rows.partnerID { try members.execute([rows.id.databaseValue, partnerID.databaseValue]) }
        if let card = rows.card { try (card.open ? openCards : wonCards).execute(card.values) }
        for visit in rows.visits { try visits.execute(visit) }
        for (statement, text) in zip(lines, rows.lines) { try statement.execute([rows.id.databaseValue, text.databaseValue]) }
    }
}
