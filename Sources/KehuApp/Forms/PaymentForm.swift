import KehuCore
import KehuStore

/// 发货与回款: what has been shipped and received so far on one of the customer's approved
/// orders that is not settled. Amounts are running totals (`8万`, `80000`), so the form
/// opens on what is booked and the user types the new figure.
public struct PaymentForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 0
    public let customerID: Int64
    public let customerName: String
    /// The orders the form can book against, newest first.
    public let orders: [Order]

    public init(customerID: Int64, customerName: String, orders: [Order], strings s: Strings) {
        self.customerID = customerID
        self.customerName = customerName
        self.orders = orders
        let options = orders.map { order in
            [order.date.description, s.yuan(order.amountYuan), order.contractNumber, order.product].filter { !$0.isEmpty }.joined(separator: " ")
        }
        fields = [FormField(.paymentOrder, options: options, selected: orders.isEmpty ? nil : 0),
                  FormField(.shippedAmount), FormField(.receivedAmount)]
        fillAmounts()
    }

    public var selectedOrder: Order? {
        guard case .choice(_, let selected?)? = field(.paymentOrder)?.kind, orders.indices.contains(selected) else { return nil }
        return orders[selected]
    }

    /// Choosing another order shows what is booked on it.
    public mutating func fieldChanged(_ name: FormField.Name) {
        if name == .paymentOrder { fillAmounts() }
    }

    private mutating func fillAmounts() {
        guard let order = selectedOrder else { return }
        for (name, value) in [(FormField.Name.shippedAmount, order.shippedYuan), (.receivedAmount, order.receivedYuan)] {
            guard let index = fields.firstIndex(where: { $0.name == name }) else { continue }
            fields[index].kind = .text(TextInput(String(value)))
        }
    }

    public func build() -> FormOutcome<(order: Order, progress: OrderProgress)> {
        guard let order = selectedOrder else { return .invalid([.required(field: .shippedAmount)]) }
        func amount(_ name: FormField.Name, _ problem: Field) -> (Int?, ValidationError?) {
            let text = (field(name)?.text ?? "").trimmingWhitespace()
            guard let value = AmountInput.yuan(text) else { return (nil, .outOfRange(field: problem, value: text)) }
            return (value, nil)
        }
        let (shipped, shippedProblem) = amount(.shippedAmount, .shippedAmount)
        let (received, receivedProblem) = amount(.receivedAmount, .receivedAmount)
        var problems = [shippedProblem, receivedProblem].compactMap { $0 }
        let progress = OrderProgress(shippedYuan: shipped ?? 0, receivedYuan: received ?? 0)
        problems += progress.validate(amountYuan: order.amountYuan).filter { p in !problems.contains { $0.field == p.field } }
        return problems.isEmpty ? .ready((order, progress)) : .invalid(problems)
    }
}
