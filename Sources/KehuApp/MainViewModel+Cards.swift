import KehuCore
import KehuStore

/// The whole intent card (`i`): the customer's hottest open card in a form of its own.
extension MainViewModel {
    /// The focus points the company offers (`card.focusPoints`), else the paper card's.
    func cardFocusPoints() throws -> [String] {
        let names = try store.setting("card.focusPoints").map { Normalization.halfWidth($0).split(whereSeparator: { "、,，".contains($0) })
            .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty } } ?? []
        return names.isEmpty ? IntentCard.standardFocusPoints : names
    }

    func openCardForm() {
        guard let detail, let id = detail.customer.id else { show(strings[.noCustomerSelected], kind: .error); return }
        attempt {
            guard let card = try store.openCard(customerID: id) else { show(strings[.noOpenCard], kind: .error); return }
            form = .card(CardForm(card: card, customerName: detail.customer.name, focusPoints: try cardFocusPoints(), strings: strings))
            formProblems = []
        }
    }

    /// `I`: why the shown customer is invalid, for those who may say so.
    func openInvalidForm() {
        guard let customer = detail?.customer, let id = customer.id else { show(strings[.noCustomerSelected], kind: .error); return }
        guard let user = profile?.user, user.role != .salesperson || customer.ownerID == user.id else {
            show(strings.message(StoreError.refused(.roleMayNot)), kind: .error); return
        }
        form = .note(NoteForm(.invalid(customerID: id, customerName: customer.name), text: customer.invalidReason))
        formProblems = []
    }

    func saveCard(_ f: CardForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let card):
            do {
                let written = try store.update(card: f.original, to: card, by: actor)
                closeForm()
                try refreshAfterSave(showing: card.customerID)
                show(written.isEmpty ? strings.correctionUnchanged : strings.cardSaved, kind: .info)
            } catch let StoreError.invalid(problems) {
                showFormProblems(problems)
            } catch {
                show(strings.screenMessage(error), kind: .error)
            }
        }
    }
}
