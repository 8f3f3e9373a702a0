import KehuCore
import KehuStore

/// The claim pool: claiming prospects, assigning them, and seeing what drops tomorrow.
extension MainViewModel {
    func claimSelected() {
        guard let customer = detail?.customer, let id = customer.id, let me = profile?.user else {
            show(strings[.noCustomerSelected], kind: .error); return
        }
        do {
            try store.claim(customerID: id, by: me, actor: actor)
            try refreshAfterSave(showing: id)
            show(strings.claimed(customer.name), kind: .info)
        } catch {
            show(strings.screenMessage(error), kind: .error)
        }
    }

    func openAssignForm() {
        guard let customer = detail?.customer else { show(strings[.noCustomerSelected], kind: .error); return }
        guard let role = profile?.user.role, [.supervisor, .salesManager, .admin].contains(role) else {
            show(strings.message(StoreError.refused(.roleMayNot)), kind: .error); return
        }
        attempt {
            let team = customer.teamID ?? profile?.user.teamID
            let candidates = try store.users().filter { $0.active && $0.role == .salesperson && (team == nil || $0.teamID == team) }
            form = .assign(AssignForm(customer: customer, candidates: candidates, strings: strings))
            formProblems = []
        }
    }

    func saveAssign(_ f: AssignForm) {
        guard case .ready(let owner) = f.build() else { return }
        do {
            try store.assign(customerID: f.customerID, to: owner, by: actor)
            closeForm()
            try refreshAfterSave(showing: f.customerID)
            show(strings.assigned(f.customerName, to: f.candidates.first { $0.id == owner }?.displayName ?? strings[.noOwnerPool]), kind: .info)
        } catch {
            show(strings.screenMessage(error), kind: .error)
        }
    }

    /// "What drops to the pool tomorrow, and why": in everything this user may see.
    func openPoolPreview() {
        attempt {
            let drops = try store.poolDrops(on: today.adding(days: 1))
            openOverlay(.poolPreview(drops), title: "\(strings[.poolPreviewTitle]) · \(today.adding(days: 1).monthDay)", note: "\(drops.count)")
        }
    }
}
