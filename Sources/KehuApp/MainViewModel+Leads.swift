import KehuCore
import KehuStore

/// Judging leads (`L`): effective or not, by those who summarise and check them.
extension MainViewModel {
    func openLeadVerdictForm() {
        guard let customer = detail?.customer, let id = customer.id else { show(strings[.noCustomerSelected], kind: .error); return }
        guard let role = profile?.user.role, LeadVerdict.mayJudge(role) else {
            show(strings.message(StoreError.refused(.roleMayNot)), kind: .error); return
        }
        attempt {
            form = .leadVerdict(LeadVerdictForm(customer: customer, current: try store.leadVerdict(customerID: id)?.verdict, strings: strings))
            formProblems = []
        }
    }

    func saveLeadVerdict(_ f: LeadVerdictForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let verdict):
            guard let me = profile?.user.id else { return }
            do {
                try store.judgeLead(customerID: f.customerID, effective: verdict.effective, note: verdict.note, judgeID: me, by: actor)
                closeForm()
                try refreshAfterSave(showing: f.customerID)
                show("\(f.customerName) · \(strings[verdict.effective ? .leadEffective : .leadIneffective])", kind: .info)
            } catch let StoreError.invalid(problems) {
                showFormProblems(problems)
            } catch {
                show(strings.screenMessage(error), kind: .error)
            }
        }
    }
}
