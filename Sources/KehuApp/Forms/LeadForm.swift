import KehuCore

/// 来店/来电登记: name, phone, source, intended product, level, city, note — a walk-in
/// or call-in written down while the person is still at the counter or on the line.
public struct LeadForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 0
    /// Set once the user has seen the possible duplicates and chose to create anyway.
    public var duplicatesAccepted = false
    static let sources: [LeadSource] = [.walkIn, .callIn, .internet, .referral, .exhibition, .outbound, .other]

    public init(city: String, strings: Strings) {
        fields = [
            FormField(.name),
            FormField(.phone),
            FormField(.source, options: LeadForm.sources.map { strings.label($0) }, selected: 0),
            FormField(.product),
            FormField(.level, options: IntentLevel.allCases.map(\.rawValue), selected: 3),
            FormField(.city, text: city),
            FormField(.note),
        ] + RegisterFields.fields(VisitRegister(), strings: strings)
    }

    public mutating func fieldChanged(_ name: FormField.Name) {
        if name == .name || name == .phone { duplicatesAccepted = false }
    }

    public func build() -> FormOutcome<Lead> {
        var lead = Lead()
        lead.name = field(.name)?.text ?? ""
        lead.phone = field(.phone)?.text ?? ""
        lead.source = LeadForm.sources[field(.source)?.selected ?? 0]
        lead.product = field(.product)?.text ?? ""
        lead.level = IntentLevel.allCases[field(.level)?.selected ?? 3]
        lead.city = field(.city)?.text ?? ""
        lead.note = field(.note)?.text ?? ""
        let (register, registerProblems) = RegisterFields.read(self)
        lead.register = register
        var problems = lead.validate().filter { p in !registerProblems.contains { $0.field == p.field } } + registerProblems
        if lead.city.trimmingWhitespace().isEmpty { problems.append(.required(field: .city)) }
        else if CityDirectory.city(named: lead.city) == nil { problems.append(.outOfRange(field: .city, value: lead.city)) }
        return problems.isEmpty ? .ready(lead) : .invalid(problems)
    }
}
