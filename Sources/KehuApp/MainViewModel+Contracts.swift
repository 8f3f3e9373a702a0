import KehuCore
import KehuStore

/// Contracts after the Approvals view: a rejection with its reason, and the shipments and
/// payments booked on an approved order (`$`).
extension MainViewModel {
    func rejectContract(orderID: Int64, reason: String) throws {
        guard let me = profile?.user else { return }
        try store.decideContract(orderID: orderID, approve: false, note: reason, approver: me, by: actor)
        closeForm()
        try reloadApprovals()
        try loadSelection()
        show(strings.contractRejectedMessage, kind: .info)
    }

    /// The form over the customer's approved orders that are not settled; nil when none.
    func paymentForm(for detail: CustomerDetail) throws -> PaymentForm? {
        let open = try store.orders(customerID: detail.customer.id ?? 0).filter { $0.state == .approved && $0.settledOn == nil }
        guard !open.isEmpty else { return nil }
        return PaymentForm(customerID: detail.customer.id ?? 0, customerName: detail.customer.name, orders: open, strings: strings)
    }

    func openPaymentForm() {
        guard let detail else { show(strings[.noCustomerSelected], kind: .error); return }
        attempt {
            guard let f = try paymentForm(for: detail) else { show(strings.noApprovedOrder, kind: .error); return }
            form = .payment(f)
            formProblems = []
        }
    }

    func savePayment(_ f: PaymentForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let (order, progress)):
            saving {
                try store.recordProgress(orderID: order.id, progress, seenRevision: order.revision, by: actor)
                closeForm()
                try refreshAfterSave(showing: f.customerID)
                show(strings.paymentSaved, kind: .info)
            }
        }
    }

    /// `M`: merge a duplicate (named by its code) into the customer shown — supervisors
    /// and above.
    func openMergeForm() {
        guard let customer = detail?.customer, let id = customer.id else { show(strings[.noCustomerSelected], kind: .error); return }
        guard let role = profile?.user.role, KehuDatabase.mayMerge(role) else {
            show(strings.message(StoreError.refused(.roleMayNot)), kind: .error); return
        }
        form = .note(NoteForm(.merge(customerID: id, customerName: customer.name)))
        formProblems = []
    }

    func mergeDuplicate(code: String, into survivorID: Int64, name: String) throws {
        guard let duplicateID = try store.customerID(code: code) else {
            throw StoreError.invalid([.outOfRange(field: .mergeTarget, value: code)])
        }
        let duplicateName = try store.customer(id: duplicateID)?.name ?? code
        try store.merge(customerID: duplicateID, into: survivorID, by: actor)
        closeForm()
        try refreshAfterSave(showing: survivorID)
        show(strings.merged(duplicateName, into: name), kind: .info)
    }

    /// `C`: the customer's new province and city.
    func openMoveForm() {
        guard let customer = detail?.customer, let id = customer.id else { show(strings[.noCustomerSelected], kind: .error); return }
        form = .note(NoteForm(.move(customerID: id, customerName: customer.name)))
        formProblems = []
    }

    func moveCustomer(_ id: Int64, toCity city: String) throws {
        let code = try store.move(customerID: id, toCity: city, by: actor)
        closeForm()
        try refreshAfterSave(showing: id)
        show(strings.moved(to: code), kind: .info)
    }
}
