/// One line of an imported sheet read into a customer, or the reasons it cannot be.
public struct CustomerImportRow: Sendable {
    public enum Problem: Hashable, Sendable {
        /// A required column is empty (the column's header as written in the file).
        case missing(column: String)
        /// A value that cannot be read: the column's header and the value.
        case unreadable(column: String, value: String)
        /// The city is not one kehu knows and no code was given: the code needs it.
        case unknownCity(column: String, value: String)
        /// A contact or visit for a customer that is not in the archive (code or name).
        case noSuchCustomer(value: String)
        /// The row names a customer the importer may not change: only that it exists and
        /// whose it is are told (as the duplicate check tells a salesperson).
        case outsideScope(code: String, owner: String?)
        /// The owner (or team) column names no one the importer may give customers to.
        case noSuchOwner(column: String, value: String)
    }

    public let line: Int
    /// The fields as they were in the file, for a reject file.
    public let fields: [String]
    public var customer: Customer
    /// A code given in the file (kept if well formed and free), else one is assigned.
    public var givenCode: String?
    public var city: CityDirectory.City?
    public var contact: (name: String, mobile: String, position: String)?
    /// Whom the row gives the customer to: an owner (display name or login), or for the
    /// pool a team by name; with the columns' headers for messages.
    public var owner: (column: String, name: String)?
    public var team: (column: String, name: String)?
    public var problems: [Problem] = []

    /// The header row read once for a whole sheet: which column is which field, and each
    /// column's name as the spreadsheet user sees it (its header and its letter).
    public struct Header: Sendable {
        /// Each read column: where it is in a row, its field's `slot`, and its name.
        let columns: [(index: Int, slot: Int, name: String)]

        public init(_ headers: [String], mapping: ImportMapping) {
            columns = headers.enumerated().compactMap { index, header in
                mapping.field(for: header).map { (index, $0.slot, ImportMapping.columnName(header, at: index)) }
            }
        }
    }

    /// Reads one data row with the header row's fields.
    public init(line: Int, fields: [String], headers: [String], mapping: ImportMapping, now: LocalDateTime) {
        self.init(line: line, fields: fields, header: Header(headers, mapping: mapping), now: now)
    }

    public init(line: Int, fields: [String], header: Header, now: LocalDateTime) {
        self.line = line
        self.fields = fields
        var values = [(header: String, value: String)?](repeating: nil, count: ImportField.allCases.count)
        for column in header.columns where column.index < fields.count {
            // Kept exactly as given (full-width punctuation in a name or a note included);
            // only fields whose meaning needs it are normalised below.
            let value = fields[column.index].trimmingWhitespace()
            if values[column.slot]?.value.isEmpty ?? true { values[column.slot] = (column.name, value) }
        }
        func text(_ field: ImportField) -> String { values[field.slot]?.value ?? "" }
        /// Codes, addresses on the net and postal codes mean the same in either width.
        func code(_ field: ImportField) -> String { Normalization.halfWidth(text(field)) }
        func column(_ field: ImportField) -> String { values[field.slot]?.header ?? field.rawValue }
        customer = Customer(code: "", name: text(.name), createdAt: now)
        if text(.name).isEmpty { problems.append(.missing(column: column(.name))) }
        // A number as kehu writes it, or the text with a problem when it is none (read once).
        func number(_ field: ImportField) -> String {
            let raw = text(field)
            guard !raw.isEmpty else { return "" }
            if let parsed = PhoneNumber(raw) { return parsed.description }
            problems.append(.unreadable(column: column(field), value: raw))
            return raw
        }
        customer.phone = number(.phone)
        customer.fax = number(.fax)
        customer.email = code(.email)
        if !customer.email.isEmpty, !EmailAddress.isValid(customer.email) { problems.append(.unreadable(column: column(.email), value: customer.email)) }
        customer.address = text(.address)
        customer.postalCode = code(.postalCode)
        customer.website = code(.website)
        customer.industry = text(.industry)
        customer.notes = text(.notes)
        if !text(.owner).isEmpty { owner = (column(.owner), text(.owner)) }
        if !text(.team).isEmpty { team = (column(.team), text(.team)) }
        if let kind = ImportValues.type(text(.type)) { customer.type = kind.type; customer.typeOther = kind.other }
        customer.legalRepresentative = text(.legalRepresentative)
        if !text(.registeredCapital).isEmpty {
            if let capital = Int(code(.registeredCapital).replacingAll(",", with: "")), capital >= 0 { customer.registeredCapitalWan = capital }
            else { problems.append(.unreadable(column: column(.registeredCapital), value: text(.registeredCapital))) }
        }
        customer.mainProducts = text(.mainProducts)
        customer.businessCondition = text(.businessCondition)
        customer.supplierStructure = text(.supplierStructure)
        customer.nature = text(.nature)
        customer.invalidReason = text(.invalidReason)
        if let level = ImportValues.creditLevel(text(.creditLevel)) { customer.creditLevel = level }
        else { problems.append(.unreadable(column: column(.creditLevel), value: text(.creditLevel))) }
        for (field, keyPath) in [(ImportField.yearsInBusiness, \Customer.yearsInBusiness), (.creditLine, \Customer.creditLineYuan)]
        where !text(field).isEmpty {
            if let value = Int(code(field).replacingAll(",", with: "")), value >= 0 { customer[keyPath: keyPath] = value }
            else { problems.append(.unreadable(column: column(field), value: text(field))) }
        }
        if let grade = ImportValues.grade(text(.grade)) { customer.grade = grade }
        else { problems.append(.unreadable(column: column(.grade), value: text(.grade))) }
        if let status = ImportValues.status(text(.status)) { customer.status = status }
        else { problems.append(.unreadable(column: column(.status), value: text(.status))) }
        if let source = ImportValues.source(text(.source)) { customer.source = source }
        else { problems.append(.unreadable(column: column(.source), value: text(.source))) }
        if !text(.createdOn).isEmpty {
            if let moment = DateParsing.dateTime(code(.createdOn)) { customer.createdAt = moment }
            else if let day = ImportValues.date(text(.createdOn)) { customer.createdAt = LocalDateTime(date: day, hour: 9, minute: 0)! }
            else { problems.append(.unreadable(column: column(.createdOn), value: text(.createdOn))) }
        }
        customer.updatedAt = customer.createdAt
        let givenText = code(.code)
        givenCode = givenText.isEmpty ? nil : givenText
        if let code = givenCode, CustomerCode.parse(code) == nil { problems.append(.unreadable(column: column(.code), value: code)) }
        let place = text(.province) + text(.city)
        city = CityDirectory.city(named: text(.city)) ?? (place.isEmpty ? nil : CityDirectory.city(named: place))
        if let city {
            customer.city = city.name
            customer.province = city.isAbroad ? "" : city.province
        } else {
            customer.city = text(.city)
            customer.province = text(.province)
            if givenCode == nil {
                problems.append(text(.city).isEmpty ? .missing(column: column(.city)) : .unknownCity(column: column(.city), value: text(.city)))
            }
        }
        if !text(.contactName).isEmpty {
            contact = (text(.contactName), number(.contactMobile), text(.contactPosition))
        }
    }
}
