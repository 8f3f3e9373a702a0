import KehuCore
import KehuStore

/// Editing the archive, its contacts, closing cards, and the history of a customer.
extension MainViewModel {
    func openCustomerForm() {
        guard let customer = detail?.customer else { show(strings[.noCustomerSelected], kind: .error); return }
        form = .customer(CustomerForm(customer, strings: strings))
        formProblems = []
    }

    func openContactForm() {
        guard let detail, let id = detail.customer.id else { show(strings[.noCustomerSelected], kind: .error); return }
        form = .contact(ContactForm(customerID: id, contacts: detail.contacts, strings: strings))
        formProblems = []
    }

    func openCloseCardForm() {
        guard let detail, let id = detail.customer.id else { show(strings[.noCustomerSelected], kind: .error); return }
        attempt {
            guard let card = try store.openCard(customerID: id) else { show(strings[.noCardToClose], kind: .error); return }
            form = .closeCard(CloseCardForm(card: card, customerName: detail.customer.name, today: today, strings: strings))
            formProblems = []
        }
    }

    func openOrderForm() {
        guard let detail else { show(strings[.noCustomerSelected], kind: .error); return }
        attempt {
            form = .order(try orderForm(for: detail))
            formProblems = []
        }
    }

    func orderForm(for detail: CustomerDetail) throws -> OrderForm {
        let last = try store.orders(customerID: detail.customer.id ?? 0).first
        return OrderForm(customerID: detail.customer.id ?? 0, customerName: detail.customer.name, lastProduct: last?.product ?? "",
                         today: today, rules: try store.contractApprovalRules())
    }

    func saveOrder(_ f: OrderForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let deal):
            saving {
                let approver = try store.recordOrder(customerID: f.customerID, deal: deal, by: actor)
                closeForm()
                try refreshAfterSave(showing: f.customerID)
                show(strings.orderSaved(approver), kind: .info)
            }
        }
    }

    func openHistory() {
        guard let id = detail?.customer.id else { show(strings[.noCustomerSelected], kind: .error); return }
        attempt {
            let entries = try store.customerHistory(customerID: id)
            openOverlay(.history(entries), title: "\(strings[.historyTitle]) · \(detail?.customer.name ?? "")", note: "\(entries.count)")
        }
    }

    /// Runs a save; validation problems go to the form, anything else to the status line
    /// (a conflict names the fields and what the other person wrote).
    func saving(_ body: () throws -> Void) {
        do {
            try body()
        } catch let StoreError.invalid(problems) {
            showFormProblems(problems)
        } catch {
            show(strings.screenMessage(error), kind: .error)
        }
    }

    func saveCustomer(_ f: CustomerForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let edited):
            saving {
                let written = try store.update(customer: f.original, to: edited, by: actor)
                closeForm()
                try refreshAfterSave(showing: f.original.id)
                show(strings[written.isEmpty ? .nothingChanged : .savedCustomer], kind: .info)
            }
        }
    }

    func saveContact(_ f: ContactForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let contact):
            saving {
                if let original = f.current { try store.update(contact: original, to: contact, by: actor) }
                else { try store.add(contact, by: actor) }
                closeForm()
                try refreshAfterSave(showing: f.customerID)
                show(strings[.savedContact], kind: .info)
            }
        }
    }

    func saveClosing(_ f: CloseCardForm) {
        guard let cardID = f.card.id else { return }
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(.deal(let deal)):
            saving {
                let approver = try store.closeWon(cardID: cardID, deal: deal, by: actor)
                closeForm()
                try refreshAfterSave(showing: f.card.customerID)
                show(strings[.dealSaved] + strings.word(.listSeparator) + strings.orderSaved(approver), kind: .info)
            }
        case .ready(.defeat(let application)):
            saving {
                try store.applyForDefeat(cardID: cardID, application: application, by: actor)
                closeForm()
                try refreshAfterSave(showing: f.card.customerID)
                show(strings[.defeatApplied], kind: .info)
            }
        }
    }

    func showFormProblems(_ problems: [ValidationError]) {
        formProblems = problems
        show(problems.map { strings.message($0) }.joined(separator: strings.word(.listSeparator)), kind: .error)
    }
}

extension ActiveForm {
    /// What is wrong with the form as it stands (empty when it would save).
    var problems: [ValidationError] {
        func of<T>(_ outcome: FormOutcome<T>) -> [ValidationError] {
            if case .invalid(let p) = outcome { return p }
            return []
        }
        switch self {
        case .followUp(let f): return of(f.build())
        case .lead(let f): return of(f.build())
        case .customer(let f): return of(f.build())
        case .contact(let f): return of(f.build())
        case .closeCard(let f): return of(f.build())
        case .note(let f): return of(f.build())
        case .grade(let f): return of(f.build())
        case .assign(let f): return of(f.build())
        case .order(let f): return of(f.build())
        case .payment(let f): return of(f.build())
        case .filter(let f): return of(f.build())
        case .leadVerdict(let f): return of(f.build())
        case .correction(let f): return of(f.build())
        case .card(let f): return of(f.build())
        }
    }
}

extension MainViewModel {
    func openFilterForm() {
        attempt {
            let owners = try store.users().filter { $0.active && ($0.role == .salesperson || $0.role == .supervisor) }
            form = .filter(FilterForm(filter: listFilter, order: listOrder, owners: owners, teams: try store.teams(), strings: strings))
            formProblems = []
        }
    }

    func saveFilter(_ f: FilterForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let (filter, order)):
            closeForm()
            applyFilter(filter, order: order)
        }
    }

    func clearFilter() {
        applyFilter(CustomerFilter(), order: .code)
        show(strings[.filterCleared], kind: .info)
    }

    /// Shows the customer list narrowed and ordered anew, from its top.
    func applyFilter(_ filter: CustomerFilter, order: CustomerListOrder) {
        listFilter = filter
        listOrder = order
        attempt {
            let owner = try filter.ownerID.flatMap { id in try store.users().first { $0.id == id }?.displayName }
            let team = try filter.teamID.flatMap { id in try store.teams().first { $0.id == id }?.name }
            filterSummary = strings.filterSummary(filter, order: order, ownerName: owner, teamName: team)
        }
        showListFromTop()
    }
}
