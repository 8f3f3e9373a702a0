import KehuCore
import KehuStore

/// Editing the archive fields of a customer. Grade, status, owner and city are left to
/// their own rules (approvals, churn, claiming, the code), not typed over here.
public struct CustomerForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 0
    public let original: Customer
    static let types = CustomerType.allCases
    static let credits: [CreditLevel?] = [nil] + CreditLevel.allCases
    static let sources = CustomerSource.allCases

    public init(_ customer: Customer, strings s: Strings) {
        original = customer
        fields = [
            FormField(.companyName, text: customer.name),
            FormField(.customerPhone, text: customer.phone),
            FormField(.fax, text: customer.fax),
            FormField(.address, text: customer.address),
            FormField(.postalCode, text: customer.postalCode),
            FormField(.email, text: customer.email),
            FormField(.website, text: customer.website),
            FormField(.industry, text: customer.industry),
            FormField(.customerType, options: CustomerForm.types.map { s.label($0) }, selected: CustomerForm.types.firstIndex(of: customer.type)),
            FormField(.legalRepresentative, text: customer.legalRepresentative),
            FormField(.registeredCapital, text: customer.registeredCapitalWan.map(String.init) ?? ""),
            FormField(.mainProducts, text: customer.mainProducts),
            FormField(.yearsInBusiness, text: customer.yearsInBusiness.map(String.init) ?? ""),
            FormField(.businessCondition, text: customer.businessCondition),
            FormField(.creditLevel, options: CustomerForm.credits.map { $0.map { s.label($0) } ?? "—" },
                      selected: CustomerForm.credits.firstIndex(of: customer.creditLevel)),
            FormField(.customerNature, text: customer.nature),
            FormField(.creditLine, text: customer.creditLineYuan.map { $0 % 10_000 == 0 ? "\($0 / 10_000)万" : String($0) } ?? ""),
            FormField(.supplierStructure, text: customer.supplierStructure),
            FormField(.customerSource, options: CustomerForm.sources.map { s.label($0) }, selected: CustomerForm.sources.firstIndex(of: customer.source)),
            FormField(.note, text: customer.notes),
        ]
    }

    public mutating func fieldChanged(_ name: FormField.Name) {}

    public func build() -> FormOutcome<Customer> {
        var c = original
        var problems: [ValidationError] = []
        func text(_ name: FormField.Name) -> String { (field(name)?.text ?? "").trimmingWhitespace() }
        c.name = text(.companyName)
        c.phone = PhoneNumber(text(.customerPhone))?.description ?? text(.customerPhone)
        c.fax = PhoneNumber(text(.fax))?.description ?? text(.fax)
        c.address = text(.address)
        c.postalCode = text(.postalCode)
        c.email = text(.email)
        c.website = text(.website)
        c.industry = text(.industry)
        c.type = CustomerForm.types[field(.customerType)?.selected ?? 0]
        c.legalRepresentative = text(.legalRepresentative)
        let capital = text(.registeredCapital)
        if capital.isEmpty { c.registeredCapitalWan = nil }
        else if let yuan = AmountInput.yuan(capital.hasSuffix("万") || capital.hasSuffix("万元") ? capital : capital + "万") { c.registeredCapitalWan = yuan / 10_000 }
        else { problems.append(.outOfRange(field: .registeredCapital, value: capital)) }
        c.mainProducts = text(.mainProducts)
        let years = text(.yearsInBusiness)
        if years.isEmpty { c.yearsInBusiness = nil }
        else if let n = AmountInput.integer(years), (0...300).contains(n) { c.yearsInBusiness = n }
        else { problems.append(.outOfRange(field: .yearsInBusiness, value: years)) }
        c.businessCondition = text(.businessCondition)
        c.creditLevel = CustomerForm.credits[field(.creditLevel)?.selected ?? 0]
        c.nature = text(.customerNature)
        let line = text(.creditLine)
        if line.isEmpty { c.creditLineYuan = nil } else if let yuan = AmountInput.yuan(line) { c.creditLineYuan = yuan }
        else { problems.append(.outOfRange(field: .creditLine, value: line)) }
        c.supplierStructure = text(.supplierStructure)
        c.source = CustomerForm.sources[field(.customerSource)?.selected ?? 0]
        c.notes = text(.note)
        if c.type == .other, c.typeOther.isEmpty { c.typeOther = original.typeOther.isEmpty ? "其他" : original.typeOther }
        problems += c.validate().filter { p in !problems.contains { $0.field == p.field } }
        return problems.isEmpty ? .ready(c) : .invalid(problems)
    }
}
