import KehuCore
import KehuStore

/// 成交 or 战败: the first line chooses, the fields of that outcome follow.
public struct CloseCardForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 0
    public let card: IntentCard
    public let customerName: String
    let today: LocalDate
    static let dealFields: [FormField.Name] = [.dealProduct, .dealAmount, .dealDate, .contractNumber]
    static let defeatFields: [FormField.Name] = [.defeatReason, .competitor, .chosenProduct, .chosenPrice]

    public init(card: IntentCard, customerName: String, today: LocalDate, strings s: Strings) {
        self.card = card
        self.customerName = customerName
        self.today = today
        fields = [FormField(.outcome, options: [s.label(CardState.won), s[.defeatApplication]], selected: 0),
                  FormField(.dealProduct, text: card.product), FormField(.dealAmount), FormField(.dealDate, text: today.description),
                  FormField(.contractNumber), FormField(.defeatReason), FormField(.competitor), FormField(.chosenProduct),
                  FormField(.chosenPrice)]
        for index in fields.indices {
            if case .text(var input) = fields[index].kind, fields[index].name == .dealProduct { input.keepAsValue(); fields[index].kind = .text(input) }
        }
        fieldChanged(.outcome)
    }

    public var isDeal: Bool { field(.outcome)?.selected == 0 }

    public mutating func fieldChanged(_ name: FormField.Name) {
        guard name == .outcome else { return }
        for index in fields.indices {
            if CloseCardForm.dealFields.contains(fields[index].name) { fields[index].isEnabled = isDeal }
            if CloseCardForm.defeatFields.contains(fields[index].name) { fields[index].isEnabled = !isDeal }
        }
    }

    public enum Closing: Sendable { case deal(Deal), defeat(DefeatApplication) }

    public func build() -> FormOutcome<Closing> {
        func text(_ name: FormField.Name) -> String { (field(name)?.text ?? "").trimmingWhitespace() }
        var problems: [ValidationError] = []
        if isDeal {
            let amount = AmountInput.yuan(text(.dealAmount))
            if amount == nil { problems.append(.outOfRange(field: .dealAmount, value: text(.dealAmount))) }
            let date = DateParsing.date(text(.dealDate))
            if date == nil { problems.append(.badDate(field: .dealDate, value: text(.dealDate))) }
            var deal = Deal(product: text(.dealProduct), amountYuan: amount ?? 0, date: date ?? today)
            deal.contractNumber = text(.contractNumber)
            problems += deal.validate(today: today).filter { p in !problems.contains { $0.field == p.field } }
            return problems.isEmpty ? .ready(.deal(deal)) : .invalid(problems)
        }
        var application = DefeatApplication(reason: text(.defeatReason))
        application.competitor = text(.competitor)
        application.chosenProduct = text(.chosenProduct)
        let price = text(.chosenPrice)
        if !price.isEmpty {
            if let yuan = AmountInput.yuan(price) { application.chosenPriceYuan = yuan }
            else { problems.append(.outOfRange(field: .defeatPrice, value: price)) }
        }
        problems += application.validate()
        return problems.isEmpty ? .ready(.defeat(application)) : .invalid(problems)
    }
}
