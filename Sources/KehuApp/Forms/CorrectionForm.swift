import KehuCore
import KehuStore

/// 更正: a follow-up as logged, to be written as it should read, with why. Opens on the
/// content with every field as stored; the original stays readable in the timeline.
public struct CorrectionForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 1
    public let activity: Activity
    public let customerName: String
    public let handlerName: String
    let today: LocalDate

    public init(entry: TimelineEntry, customerName: String, today: LocalDate, strings s: Strings) {
        activity = entry.activity
        self.customerName = customerName
        handlerName = entry.handlerName
        self.today = today
        let a = entry.activity
        var level = FormField(.level, options: IntentLevel.allCases.map(\.rawValue), selected: a.levelJudged.flatMap { IntentLevel.allCases.firstIndex(of: $0) })
        var next = FormField(.nextVisit, text: a.nextVisitOn?.description ?? "")
        // A visit outside any card judged no level and set no date: nothing to correct there.
        if a.cardID == nil { level.isEnabled = false; next.isEnabled = false }
        fields = [
            FormField(.method, options: ContactMethod.allCases.map { s.label($0) }, selected: ContactMethod.allCases.firstIndex(of: a.method) ?? 0),
            FormField(.content, text: a.content),
            level,
            FormField(.impression, text: a.impression),
            FormField(.bottleneck, text: a.bottleneckPlan),
            next,
            FormField(.correctionReason),
        ]
        for index in fields.indices {
            if case .text(var input) = fields[index].kind { input.keepAsValue(); fields[index].kind = .text(input) }
        }
    }

    public mutating func fieldChanged(_ name: FormField.Name) {}

    /// The correction, or what is wrong with it.
    public func build() -> FormOutcome<ActivityCorrection> {
        var fields = ActivityFields(activity)
        fields.method = ContactMethod.allCases[field(.method)?.selected ?? 0]
        fields.content = field(.content)?.text ?? ""
        fields.impression = field(.impression)?.text ?? ""
        fields.bottleneckPlan = field(.bottleneck)?.text ?? ""
        var problems: [ValidationError] = []
        if activity.cardID != nil {
            fields.levelJudged = field(.level)?.selected.map { IntentLevel.allCases[$0] }
            let raw = (field(.nextVisit)?.text ?? "").trimmingWhitespace()
            if raw.isEmpty {
                fields.nextVisitOn = nil
            } else if let (date, _) = FollowUpForm.parseNextVisit(raw, today: today) {
                fields.nextVisitOn = date
            } else {
                problems.append(.badDate(field: .nextVisit, value: raw))
            }
        }
        let correction = ActivityCorrection(fields: fields, reason: field(.correctionReason)?.text ?? "")
        problems += correction.validate(for: activity).filter { !problems.map(\.field).contains($0.field) }
        return problems.isEmpty ? .ready(correction) : .invalid(problems)
    }
}
