import KehuCore
import KehuStore

/// 有效/无效: an assistant, supervisor or manager judges a lead, with why (required when
/// ineffective). Opens on the current verdict, if any.
public struct LeadVerdictForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 0
    public let customerID: Int64
    public let customerName: String

    public init(customer: Customer, current: LeadVerdict?, strings s: Strings) {
        customerID = customer.id ?? 0
        customerName = customer.name
        fields = [FormField(.leadVerdict, options: [s[.leadEffective], s[.leadIneffective]], selected: current.map { $0.effective ? 0 : 1 } ?? 0),
                  FormField(.leadNote, text: current?.note ?? "")]
    }

    public mutating func fieldChanged(_ name: FormField.Name) {}

    /// (effective, note), or what is missing.
    public func build() -> FormOutcome<(effective: Bool, note: String)> {
        let effective = field(.leadVerdict)?.selected != 1
        let note = (field(.leadNote)?.text ?? "").trimmingWhitespace()
        let problems = LeadVerdict(effective: effective, note: note, judgedByID: 0, judgedAt: LocalDateTime(date: LocalDate(dayNumber: 0), hour: 0, minute: 0)!).validate()
        return problems.isEmpty ? .ready((effective, note)) : .invalid(problems)
    }
}
