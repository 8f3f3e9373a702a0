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

    /// Reads one data row with the header row's fields.
    public init(line: Int, fields: [String], headers: [String], mapping: ImportMapping, now: LocalDateTime) {
        self.line = line
        self.fields = fields
        var values: [ImportField: (header: String, value: String)] = [:]
        for (index, header) in headers.enumerated() {
            guard let field = mapping.field(for: header), index < fields.count else { continue }
            // Kept exactly as given (full-width punctuation in a name or a note included);
            // only fields whose meaning needs it are normalised below.
            let value = fields[index].trimmingWhitespace()
            // A column is named as the spreadsheet user sees it: its header and its letter.
            if values[field] == nil || values[field]!.value.isEmpty { values[field] = (ImportMapping.columnName(header, at: index), value) }
        }
        func text(_ field: ImportField) -> String { values[field]?.value ?? "" }
        /// Codes, addresses on the net and postal codes mean the same in either width.
        func code(_ field: ImportField) -> String { Normalization.halfWidth(text(field)) }
        func column(_ field: ImportField) -> String { values[field]?.header ?? field.rawValue }
        customer = Customer(code: "", name: text(.name), createdAt: now)
        if text(.name).isEmpty { problems.append(.missing(column: column(.name))) }
        customer.phone = text(.phone).isEmpty ? "" : (PhoneNumber(text(.phone))?.description ?? text(.phone))
        if !text(.phone).isEmpty, PhoneNumber(text(.phone)) == nil { problems.append(.unreadable(column: column(.phone), value: text(.phone))) }
        customer.fax = text(.fax).isEmpty ? "" : (PhoneNumber(text(.fax))?.description ?? text(.fax))
        if !text(.fax).isEmpty, PhoneNumber(text(.fax)) == nil { problems.append(.unreadable(column: column(.fax), value: text(.fax))) }
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
            let mobile = text(.contactMobile)
            if !mobile.isEmpty, PhoneNumber(mobile) == nil { problems.append(.unreadable(column: column(.contactMobile), value: mobile)) }
            contact = (text(.contactName), PhoneNumber(mobile)?.description ?? mobile, text(.contactPosition))
        }
    }
}
