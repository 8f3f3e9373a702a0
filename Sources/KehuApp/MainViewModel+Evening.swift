import KehuCore
import KehuStore

/// The supervisor's evening check: read each follow-up of the day, comment and sign,
/// flag what needs guidance, decide defeat applications; what is left carries over.
extension MainViewModel {
    /// Reads the evening queue, or in the spot-check view the week's sample.
    func reloadEvening() throws {
        let queue: EveningQueue
        if view == .spotCheck {
            let size = try store.setting("spotcheck.size").flatMap(SpotCheckSize.init(setting:)) ?? .standard
            let period = try store.setting("spotcheck.period").flatMap(SpotCheckPeriod.init(setting:)) ?? .standard
            queue = EveningQueue(followUps: try store.spotCheck(today: today, size: size, period: period), overdueCards: [], pendingDefeats: [])
        } else {
            guard let team = profile?.user.teamID else { sendEvening(.loaded(nil, rows: viewport.listRows)); return }
            queue = try store.eveningQueue(teamID: team, today: today)
        }
        sendEvening(.loaded(queue, rows: viewport.listRows))
    }

    /// "已批 12/37" and how many came over from earlier days.
    public var eveningProgress: (checked: Int, total: Int, carriedOver: Int) {
        let queue = eveningQueue
        return (queue?.checkedCount ?? 0, queue?.followUps.count ?? 0, queue?.carriedOverCount ?? 0)
    }

    public var visibleEveningRows: [(index: Int, row: EveningRow)] {
        eveningRoom.list.visible(count: eveningRows.count, rows: viewport.listRows).map { ($0, eveningRows[$0]) }
    }

    public var selectedEveningRow: EveningRow? { eveningRoom.selected }

    func moveEveningSelection(_ action: Action) {
        sendEvening(.move(action, rows: viewport.listRows))
    }

    func sendEvening(_ action: EveningAction) {
        run(EveningRoom.reduce(&eveningRoom, action))
    }

    func openCommentForm() {
        guard case .followUp(let item)? = selectedEveningRow, let id = item.activity.id else { return }
        if view == .spotCheck {
            form = .note(NoteForm(.review(activityID: id, customerName: item.customerName, handlerName: item.handlerName),
                                  text: item.activity.managerReview?.text ?? ""))
        } else {
            form = .note(NoteForm(.comment(activityID: id, customerName: item.customerName, handlerName: item.handlerName),
                                  text: item.activity.supervisorComment?.text ?? ""))
        }
        formProblems = []
    }

    func toggleGuidance() {
        guard case .followUp(let item)? = selectedEveningRow, let id = item.activity.id else { return }
        attempt {
            try store.setNeedsGuidance(activityID: id, !item.activity.needsGuidance, by: actor)
            try reloadEvening()
        }
    }

    /// 虚假跟进 on a follow-up row, 虚假战败 on a defeat application; again to clear.
    func toggleDoubtful() {
        attempt {
            switch selectedEveningRow {
            case .followUp(let item)?:
                guard let id = item.activity.id else { return }
                try store.setDoubtful(activityID: id, !item.activity.doubtful, by: actor)
            case .defeat(let item)?:
                guard let id = item.card.id else { return }
                try store.setDefeatDoubtful(cardID: id, !item.card.defeatDoubtful, by: actor)
            default:
                return
            }
            try reloadEvening()
        }
    }

    func decideSelectedDefeat(approve: Bool) {
        guard case .defeat(let item)? = selectedEveningRow, let id = item.card.id else { return }
        if approve {
            attempt {
                try store.decideDefeat(cardID: id, approve: true, note: "", by: actor)
                try reloadEvening()
                try loadSelection()
                show(strings[.defeatApproved], kind: .info)
            }
        } else {
            form = .note(NoteForm(.returnDefeat(cardID: id, customerName: item.customerName)))
            formProblems = []
        }
    }

    func saveNote(_ f: NoteForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let text):
            do {
                switch f.purpose {
                case .comment(let activityID, _, _), .review(let activityID, _, _):
                    guard let me = profile?.user.id else { return }
                    let isReview: Bool
                    if case .review = f.purpose { isReview = true } else { isReview = false }
                    if isReview { try store.signReview(activityID: activityID, text: text, reviewerID: me, replacing: f.seen, by: actor) }
                    else { try store.signComment(activityID: activityID, text: text, signerID: me, replacing: f.seen, by: actor) }
                    closeForm()
                    try reloadEvening()
                    sendEvening(.nextUnchecked(rows: viewport.listRows))
                    try loadSelection()
                    show(strings[isReview ? .reviewSigned : .commentSigned], kind: .info)
                case .churnReason(let eventID, _):
                    try store.recordChurnReason(eventID: eventID, reason: text, replacing: f.seen, by: actor)
                    closeForm()
                    try refreshAfterSave(showing: nil)
                    show(strings[.churnReasonSaved], kind: .info)
                case .rejectGrade(let proposalID, _):
                    try rejectGrade(proposalID: proposalID, reason: text)
                case .rejectContract(let orderID, _):
                    try rejectContract(orderID: orderID, reason: text)
                case .merge(let customerID, let name):
                    try mergeDuplicate(code: text, into: customerID, name: name)
                case .move(let customerID, _):
                    try moveCustomer(customerID, toCity: text)
                case .invalid(let customerID, let name):
                    try store.markInvalid(customerID: customerID, reason: text, by: actor)
                    closeForm()
                    try refreshAfterSave(showing: customerID)
                    show(strings.markedInvalid(name), kind: .info)
                case .setting(let key):
                    try saveSetting(key: key, text: f.fields[0].text)
                case .returnDefeat(let cardID, _):
                    try store.decideDefeat(cardID: cardID, approve: false, note: text, by: actor)
                    closeForm()
                    try reloadEvening()
                    try loadSelection()
                    show(strings[.defeatReturned], kind: .info)
                }
            } catch let StoreError.invalid(problems) {
                showFormProblems(problems)
            } catch {
                show(strings.screenMessage(error), kind: .error)
            }
        }
    }
}
