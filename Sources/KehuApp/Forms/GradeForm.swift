import KehuCore
import KehuStore

/// 客户资格评审: score each criterion 0–10; the form shows the total, the grade it earns
/// and who must approve.
public struct GradeForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 1
    public let customer: Customer
    public let sheet: ScoreSheet
    static let scoreNames: [FormField.Name] = [.score1, .score2, .score3, .score4, .score5, .score6, .score7, .score8]

    public init(customer: Customer, sheet: ScoreSheet, strings s: Strings) {
        self.customer = customer
        self.sheet = sheet
        let kinds = s.columns(.formalPotential)
        let kind = customer.grade == .image ? 2 : customer.grade.isPotential || customer.status == .potential ? 1 : 0
        fields = [FormField(.potential, options: kinds, selected: kind)]
        for (index, criterion) in sheet.criteria.prefix(GradeForm.scoreNames.count).enumerated() {
            var field = FormField(GradeForm.scoreNames[index])
            field.customLabel = "\(criterion.name) ×\(criterion.weight)"
            fields.append(field)
        }
    }

    public mutating func fieldChanged(_ name: FormField.Name) {}

    public var isPotential: Bool { field(.potential)?.selected == 1 }
    /// Proposed as an image customer (形象客户), whatever the score.
    public var isImage: Bool { field(.potential)?.selected == 2 }

    /// Scores typed so far (blank counts as 0), and the problems with them.
    func scores() -> (values: [Int], problems: [ValidationError]) {
        var values: [Int] = []
        var problems: [ValidationError] = []
        for name in GradeForm.scoreNames.prefix(sheet.criteria.count) {
            let text = (field(name)?.text ?? "").trimmingWhitespace()
            if text.isEmpty { values.append(0); continue }
            if let n = AmountInput.integer(text), (0...10).contains(n) { values.append(n) }
            else { values.append(0); problems.append(.outOfRange(field: .gradeScore, value: text)) }
        }
        return (values, problems)
    }

    public var total: Int { sheet.total(scores().values) }
    public var target: CustomerGrade { GradeReview.grade(forScore: total, potential: isPotential, image: isImage) }
    public var approvers: [Role] { GradeReview.approvers(from: customer.grade, to: target) }

    public func build() -> FormOutcome<[(String, Int)]> {
        let (values, problems) = scores()
        guard problems.isEmpty else { return .invalid(problems) }
        return .ready(Array(zip(sheet.criteria.map(\.name), values)))
    }
}
