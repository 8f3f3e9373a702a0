import KehuCore
import KehuStore

/// Correcting a follow-up (`K`): the row at the top of the timeline, by its author or the
/// team's supervisor; the store keeps the original and flags a signed row for the evening.
extension MainViewModel {
    func openCorrectionForm() {
        guard let detail, let entry = cardRoom.topEntry else { show(strings[.noCustomerSelected], kind: .error); return }
        guard let user = profile?.user, let me = user.id,
              ActivityCorrection.mayCorrect(role: user.role, userID: me, teamID: user.teamID, author: entry.activity.handlerID,
                                            authorsTeam: teamOfAuthor(entry)) else {
            show(strings.message(StoreError.refused(.roleMayNot)), kind: .error); return
        }
        form = .correction(CorrectionForm(entry: entry, customerName: detail.customer.name, today: today, strings: strings))
        formProblems = []
    }

    /// The author's team, from the people this user may know of (their own team's, for a
    /// supervisor); nil when not among them.
    private func teamOfAuthor(_ entry: TimelineEntry) -> Int64? {
        (try? store.users())?.first { $0.id == entry.activity.handlerID }?.teamID
    }

    func saveCorrection(_ f: CorrectionForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let correction):
            guard let me = profile?.user.id, let id = f.activity.id else { return }
            do {
                let changed = try store.correct(activityID: id, correction, correctorID: me, by: actor)
                closeForm()
                try refreshAfterSave(showing: f.activity.customerID)
                show(changed ? strings.correctionSaved : strings.correctionUnchanged, kind: .info)
            } catch let StoreError.invalid(problems) {
                showFormProblems(problems)
            } catch {
                show(strings.screenMessage(error), kind: .error)
            }
        }
    }
}
