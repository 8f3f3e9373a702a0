import KehuCore
import KehuStore

/// Adding and editing a customer's contacts: the first line chooses which one (or a new
/// one), the rest are that person's details.
public struct ContactForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 1
    public let customerID: Int64
    public let contacts: [Contact]
    static let genders: [Contact.Gender?] = [nil, .male, .female]

    public init(customerID: Int64, contacts: [Contact], strings s: Strings) {
        self.customerID = customerID
        self.contacts = contacts
        fields = [FormField(.contactChoice, options: contacts.map(\.name) + [s[.newContactOption]], selected: 0)]
        let genderLabels = s.columns(.maleFemale)
        let yesNo = s.columns(.noYes)
        fields += [FormField(.contactName), FormField(.department), FormField(.position), FormField(.mobile),
                   FormField(.contactPhone), FormField(.contactEmail), FormField(.gender, options: genderLabels, selected: 0),
                   FormField(.birthday), FormField(.decisionMaker, options: yesNo, selected: 0), FormField(.note)]
        load()
    }

    /// The contact being edited; nil for a new one.
    public var current: Contact? {
        let index = field(.contactChoice)?.selected ?? 0
        return index < contacts.count ? contacts[index] : nil
    }

    /// Chooses which contact the form edits (`contacts.count`: a new one) and loads it.
    mutating func choose(contactAt index: Int) {
        guard let at = fields.firstIndex(where: { $0.name == .contactChoice }), case .choice(let options, _) = fields[at].kind,
              options.indices.contains(index) else { return }
        fields[at].kind = .choice(options: options, selected: index)
        load()
    }

    public mutating func fieldChanged(_ name: FormField.Name) {
        if name == .contactChoice { load() }
    }

    /// Fills the fields from the chosen contact (empty for a new one).
    private mutating func load() {
        let c = current
        setText(.contactName, c?.name ?? "", asUser: false)
        setText(.department, c?.department ?? "", asUser: false)
        setText(.position, c?.position ?? "", asUser: false)
        setText(.mobile, c?.mobile ?? "", asUser: false)
        setText(.contactPhone, c?.phone ?? "", asUser: false)
        setText(.contactEmail, c?.email ?? "", asUser: false)
        setText(.birthday, c?.birthday?.birthdayText ?? "", asUser: false)
        setText(.note, c?.notes ?? "", asUser: false)
        setChoice(.gender, ContactForm.genders.firstIndex(of: c?.gender) ?? 0)
        setChoice(.decisionMaker, c?.isDecisionMaker == true ? 1 : 0)
        // Loaded values are the record's, not suggestions to type over.
        for index in fields.indices {
            if case .text(var input) = fields[index].kind { input.keepAsValue(); fields[index].kind = .text(input) }
        }
    }

    private mutating func setChoice(_ name: FormField.Name, _ selected: Int) {
        guard let index = fields.firstIndex(where: { $0.name == name }), case .choice(let options, _) = fields[index].kind else { return }
        fields[index].kind = .choice(options: options, selected: selected)
        fields[index].choiceEdited = false
    }

    public func build() -> FormOutcome<Contact> {
        var c = current ?? Contact(customerID: customerID, name: "")
        var problems: [ValidationError] = []
        func text(_ name: FormField.Name) -> String { (field(name)?.text ?? "").trimmingWhitespace() }
        c.name = text(.contactName)
        c.department = text(.department)
        c.position = text(.position)
        c.mobile = PhoneNumber(text(.mobile))?.description ?? text(.mobile)
        c.phone = PhoneNumber(text(.contactPhone))?.description ?? text(.contactPhone)
        c.email = text(.contactEmail)
        c.gender = ContactForm.genders[field(.gender)?.selected ?? 0]
        let birthday = text(.birthday)
        if birthday.isEmpty { c.birthday = nil }
        else if let date = DateParsing.birthday(birthday) { c.birthday = date }
        else { problems.append(.badDate(field: .contactBirthday, value: birthday)) }
        c.isDecisionMaker = field(.decisionMaker)?.selected == 1
        c.notes = text(.note)
        problems += c.validate()
        return problems.isEmpty ? .ready(c) : .invalid(problems)
    }
}
