import KehuCore
import KehuStore

/// One line of the evening queue: a group heading, or something to check.
public enum EveningRow: Hashable, Sendable {
    case salesperson(name: String, count: Int)
    case overdueHeading(count: Int)
    case defeatHeading(count: Int)
    case followUp(EveningFollowUp)
    case overdue(EveningCard)
    case defeat(EveningCard)

    public var isHeading: Bool {
        switch self {
        case .salesperson, .overdueHeading, .defeatHeading: return true
        default: return false
        }
    }

    public var customerID: Int64? {
        switch self {
        case .followUp(let f): return f.activity.customerID
        case .overdue(let c), .defeat(let c): return c.card.customerID
        default: return nil
        }
    }
}

/// The supervisor's evening check: read each follow-up of the day, comment and sign,
/// flag what needs guidance, decide defeat applications; what is left carries over.
extension MainViewModel {
    /// Reads the evening queue, or in the spot-check view the week's sample.
    func reloadEvening() throws {
        let queue: EveningQueue
        if view == .spotCheck {
            let size = try store.setting("spotcheck.size").flatMap(SpotCheckSize.init(setting:)) ?? .standard
            queue = EveningQueue(followUps: try store.spotCheck(today: today, size: size), overdueCards: [], pendingDefeats: [])
        } else {
            guard let team = profile?.user.teamID else { eveningRows = []; eveningQueue = nil; return }
            queue = try store.eveningQueue(teamID: team, today: today)
        }
        eveningQueue = queue
        var rows: [EveningRow] = []
        var index = 0
        while index < queue.followUps.count {
            let name = queue.followUps[index].handlerName
            let group = queue.followUps[index...].prefix { $0.handlerName == name }
            rows.append(.salesperson(name: name, count: group.count))
            rows += group.map(EveningRow.followUp)
            index += group.count
        }
        if !queue.overdueCards.isEmpty {
            rows.append(.overdueHeading(count: queue.overdueCards.count))
            rows += queue.overdueCards.map(EveningRow.overdue)
        }
        if !queue.pendingDefeats.isEmpty {
            rows.append(.defeatHeading(count: queue.pendingDefeats.count))
            rows += queue.pendingDefeats.map(EveningRow.defeat)
        }
        eveningRows = rows
        eveningSelected = min(eveningSelected, max(0, rows.count - 1))
        skipHeading(forward: true)
        keepEveningVisible()
    }

    /// "已批 12/37" and how many came over from earlier days.
    public var eveningProgress: (checked: Int, total: Int, carriedOver: Int) {
        let queue = eveningQueue
        return (queue?.checkedCount ?? 0, queue?.followUps.count ?? 0, queue?.carriedOverCount ?? 0)
    }

    public var visibleEveningRows: [(index: Int, row: EveningRow)] {
        eveningList.visible(count: eveningRows.count, rows: viewport.listRows).map { ($0, eveningRows[$0]) }
    }

    public var selectedEveningRow: EveningRow? {
        eveningRows.indices.contains(eveningSelected) ? eveningRows[eveningSelected] : nil
    }

    func moveEveningSelection(_ action: Action) {
        guard !eveningRows.isEmpty else { return }
        let before = eveningSelected
        eveningList.apply(action, count: eveningRows.count, rows: viewport.listRows)
        // Headings are not stops: move on past them in the direction of travel.
        skipHeading(forward: [.moveDown, .pageDown, .first].contains(action))
        keepEveningVisible()
        if eveningSelected != before { attempt { try loadSelection() } }
    }

    private func skipHeading(forward: Bool) {
        guard !eveningRows.isEmpty else { return }
        var index = eveningSelected
        while eveningRows.indices.contains(index), eveningRows[index].isHeading { index += forward ? 1 : -1 }
        if !eveningRows.indices.contains(index) {
            index = eveningSelected
            while eveningRows.indices.contains(index), eveningRows[index].isHeading { index += forward ? -1 : 1 }
        }
        if eveningRows.indices.contains(index) { eveningSelected = index }
    }

    private func keepEveningVisible() {
        eveningList.keepVisible(count: eveningRows.count, rows: viewport.listRows)
        // Keep a group's heading in sight above its first row.
        if eveningTop > 0, eveningSelected == eveningTop, eveningRows[eveningTop - 1].isHeading { eveningTop -= 1 }
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
                    if isReview { try store.signReview(activityID: activityID, text: text, reviewerID: me, by: actor) }
                    else { try store.signComment(activityID: activityID, text: text, signerID: me, by: actor) }
                    closeForm()
                    try reloadEvening()
                    selectNextUnchecked()
                    try loadSelection()
                    show(strings[isReview ? .reviewSigned : .commentSigned], kind: .info)
                case .churnReason(let eventID, _):
                    try store.recordChurnReason(eventID: eventID, reason: text, by: actor)
                    closeForm()
                    try refreshAfterSave(showing: nil)
                    show(strings[.churnReasonSaved], kind: .info)
                case .rejectGrade(let proposalID, _):
                    try rejectGrade(proposalID: proposalID, reason: text)
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
                show(strings.message(error), kind: .error)
            }
        }
    }

    /// After signing, the next follow-up still waiting: the evening goes on without hunting.
    private func selectNextUnchecked() {
        let start = eveningSelected
        let order = Array(eveningRows.indices[start...]) + Array(eveningRows.indices[..<start])
        if let next = order.first(where: { if case .followUp(let f) = eveningRows[$0] { return !f.isChecked }; return false }) {
            eveningSelected = next
            keepEveningVisible()
        }
    }
}
