import KehuCore

/// 订单: a customer's repeat order outside any intent card — product, amount, date,
/// contract number, and the day it was settled if it already is. The form says who must
/// approve the contract as the amount is typed.
public struct OrderForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 0
    public let customerID: Int64
    public let customerName: String
    let today: LocalDate
    let rules: ContractApprovalRules

    public init(customerID: Int64, customerName: String, lastProduct: String, today: LocalDate, rules: ContractApprovalRules) {
        self.customerID = customerID
        self.customerName = customerName
        self.today = today
        self.rules = rules
        fields = [FormField(.dealProduct, text: lastProduct), FormField(.dealAmount), FormField(.dealDate, text: today.description),
                  FormField(.contractNumber), FormField(.settledOn)]
        // The product is a suggestion (the card's, or the last order's), in the field the
        // form opens on: selected, so typing replaces it and moving on keeps it. The date
        // is selected when Tab enters its field.
        if case .text(var input) = fields[0].kind { input.selectAll(); fields[0].kind = .text(input) }
    }

    public mutating func fieldChanged(_ name: FormField.Name) {}

    /// Who approves the contract at the amount typed so far; nil while it is not a number.
    public var approver: ContractApprover? {
        AmountInput.yuan(field(.dealAmount)?.text ?? "").map { rules.approver(amountYuan: $0) }
    }

    public func build() -> FormOutcome<Deal> {
        func text(_ name: FormField.Name) -> String { (field(name)?.text ?? "").trimmingWhitespace() }
        var problems: [ValidationError] = []
        let amount = AmountInput.yuan(text(.dealAmount))
        if amount == nil { problems.append(.outOfRange(field: .dealAmount, value: text(.dealAmount))) }
        let date = DateParsing.date(text(.dealDate))
        if date == nil { problems.append(.badDate(field: .dealDate, value: text(.dealDate))) }
        var deal = Deal(product: text(.dealProduct), amountYuan: amount ?? 0, date: date ?? today)
        deal.contractNumber = text(.contractNumber)
        if !text(.settledOn).isEmpty {
            if let settled = DateParsing.date(text(.settledOn)) { deal.settledOn = settled }
            else { problems.append(.badDate(field: .settledOn, value: text(.settledOn))) }
        }
        problems += deal.validate(today: today).filter { p in !problems.contains { $0.field == p.field } }
        return problems.isEmpty ? .ready(deal) : .invalid(problems)
    }
}
