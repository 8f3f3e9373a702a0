import Foundation
import KehuCore
import KehuStore

/// 记跟进: the follow-up form. It opens on the content field with method and contact
/// already chosen, so a call is logged with the text, Tab, a level letter and C-s; the
/// next visit follows the level judged until the user writes a date of their own.
public struct FollowUpForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus: Int
    public let customerID: Int64
    public let customerName: String
    public let cardID: Int64?
    public let visitNumber: Int
    public let contacts: [Contact]
    let cadence: FollowUpCadence
    let today: LocalDate
    /// The level options in form order: H A B C.
    static let levels = IntentLevel.allCases

    /// `method` is the one preselected: a maintenance row's duty names its own (上门 for
    /// 维护·上门), so a quick save does what is due.
    public init(detail: CustomerDetail, openCard: IntentCard?, visitNumber: Int, cadence: FollowUpCadence,
                today: LocalDate, strings: Strings, method: ContactMethod = .phone) {
        customerID = detail.customer.id ?? 0
        customerName = detail.customer.name
        cardID = openCard?.id
        self.visitNumber = visitNumber
        contacts = detail.contacts
        self.cadence = cadence
        self.today = today
        let contactOptions = detail.contacts.map { ([$0.name, $0.position].filter { !$0.isEmpty }).joined(separator: " ") } + [strings[.newContactOption]]
        var level = FormField(.level, options: FollowUpForm.levels.map(\.rawValue), selected: openCard.flatMap { FollowUpForm.levels.firstIndex(of: $0.level) })
        var next = FormField(.nextVisit)
        if openCard == nil {
            level.isEnabled = false
            next.isEnabled = false
        }
        fields = [
            FormField(.method, options: ContactMethod.allCases.map { strings.label($0) },
                      selected: ContactMethod.allCases.firstIndex(of: method) ?? 0),
            FormField(.contact, options: contactOptions, selected: 0),
            FormField(.newContact),
            FormField(.content),
            level,
            FormField(.impression),
            FormField(.bottleneck),
            next,
        ]
        fields[2].isEnabled = detail.contacts.isEmpty
        focus = 3
        followLevel()
    }

    public mutating func fieldChanged(_ name: FormField.Name) {
        switch name {
        case .level: followLevel()
        case .contact:
            let isNew = field(.contact)?.selected == contacts.count
            if let index = fields.firstIndex(where: { $0.name == .newContact }) { fields[index].isEnabled = isNew }
        default: break
        }
    }

    /// The next visit date the level's cadence gives, unless the user wrote their own.
    private mutating func followLevel() {
        guard let next = field(.nextVisit), next.isEnabled, !next.isEdited,
              let index = field(.level)?.selected else { return }
        setText(.nextVisit, cadence.nextVisit(after: today, level: FollowUpForm.levels[index]).description, asUser: false)
    }

    public var selectedLevel: IntentLevel? { field(.level)?.selected.map { FollowUpForm.levels[$0] } }

    /// Days the cadence gives for the chosen level, for the hint beside the date.
    public var cadenceDays: Int? { selectedLevel.map { cadence.days[$0] ?? $0.defaultCadenceDays } }

    /// The follow-up to save, or the problems to show (each names its field).
    public func build() -> FormOutcome<FollowUp> {
        var followUp = FollowUp(customerID: customerID, cardID: cardID)
        followUp.method = ContactMethod.allCases[field(.method)?.selected ?? 0]
        let contactIndex = field(.contact)?.selected ?? 0
        if contactIndex < contacts.count { followUp.contactID = contacts[contactIndex].id }
        else { followUp.newContactName = field(.newContact)?.text ?? "" }
        followUp.content = field(.content)?.text ?? ""
        followUp.impression = field(.impression)?.text ?? ""
        followUp.bottleneckPlan = field(.bottleneck)?.text ?? ""
        var problems: [ValidationError] = []
        if cardID != nil {
            followUp.levelJudged = selectedLevel
            let raw = (field(.nextVisit)?.text ?? "").trimmingWhitespace()
            if !raw.isEmpty {
                if let (date, time) = FollowUpForm.parseNextVisit(raw, today: today) {
                    followUp.nextVisitOn = date
                    followUp.nextVisitTime = time
                } else {
                    problems.append(.badDate(field: .nextVisit, value: raw))
                }
            }
        }
        problems += followUp.validate(today: today).filter { !problems.map(\.field).contains($0.field) }
        return problems.isEmpty ? .ready(followUp) : .invalid(problems)
    }

    /// `2026-11-29`, `2026/11/29 15:00`, `11-29` (this year, or next once passed), `15:00`
    /// (today at that hour) or `+7` (in seven days).
    public static func parseNextVisit(_ raw: String, today: LocalDate) -> (LocalDate, String?)? {
        let text = Normalization.halfWidth(raw).trimmingWhitespace()
        if text.hasPrefix("+"), let days = Int(text.dropFirst()), days >= 0 { return (today.adding(days: days), nil) }
        if FollowUp.isClock(text) { return (today, text) }
        var parts = text.split(separator: " ").map(String.init)
        var time: String?
        if parts.count == 2, FollowUp.isClock(parts[1]) { time = parts.removeLast() }
        guard parts.count == 1 else { return nil }
        if let date = DateParsing.date(parts[0]) { return (date, time) }
        let pieces = parts[0].split(whereSeparator: { "-/.月".contains($0) }).map(String.init)
        if pieces.count == 2, let m = Int(pieces[0]), let d = Int(pieces[1].replacingOccurrences(of: "日", with: "")),
           let thisYear = LocalDate(year: today.year, month: m, day: d) {
            return (thisYear >= today ? thisYear : LocalDate(year: today.year + 1, month: m, day: d) ?? thisYear, time)
        }
        return nil
    }
}
