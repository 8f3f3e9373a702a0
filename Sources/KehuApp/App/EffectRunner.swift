import KehuCore
import KehuStore

/// The one place effects meet the store: each is carried out and its result sent back to
/// the room that asked, as an action. A failed read never ends the session; the status
/// line says what failed.
extension MainViewModel {
    /// Sends an action to a room that may be closed (a form, the search): nothing happens
    /// when it is; otherwise its reducer runs and its effect is carried out.
    func send<State, RoomAction>(_ room: ReferenceWritableKeyPath<MainViewModel, State?>, _ action: RoomAction,
                                 to reduce: (inout State, RoomAction) -> Effect) {
        guard var state = self[keyPath: room] else { return }
        let effect = reduce(&state, action)
        self[keyPath: room] = state
        run(effect)
    }

    func run(_ effect: Effect) {
        switch effect {
        case .none:
            break
        case .runReport(let kind):
            attempt { sendReports(.loaded(try reportTable(kind))) }
        case .showCustomer(let id):
            attempt { try loadDetail(customerID: id) }
        case .readTimeline(let id, let offset, let all):
            attempt {
                var entries: [TimelineEntry] = []
                repeat {
                    let page = try store.timeline(customerID: id, offset: offset + entries.count, limit: all ? 500 : DetailState.page)
                    entries += page
                    if page.isEmpty { break }
                } while all && offset + entries.count < timelineTotal
                sendCard(.more(entries))
                if all { sendCard(.scrollTimeline(.last)) }
            }
        case .readCustomers(let offset, let limit, let thenShow):
            attempt {
                let rows = try store.customerPage(offset: offset, limit: limit, order: listOrder, in: archiveView, filter: listFilter,
                                                  today: today, total: totalCustomers)
                sendList(.windowRead(offset: offset, rows: rows, thenShow: thenShow))
            }
        case .reloadApprovals:
            attempt { sendApprovals(.loaded(try approvalsWaiting())) }
        case .approveGrade(let id):
            guard let me = profile?.user else { return }
            attempt {
                try store.decideGrade(proposalID: id, approve: true, note: "", approver: me, by: actor)
                sendApprovals(.loaded(try approvalsWaiting()))
                try loadSelection()
                show(strings[.gradeApproved], kind: .info)
            }
        case .askWhyGradeRejected(let id, let name):
            form = .note(NoteForm(.rejectGrade(proposalID: id, customerName: name)))
            formProblems = []
        case .approveContract(let id):
            guard let me = profile?.user else { return }
            attempt {
                try store.decideContract(orderID: id, approve: true, note: "", approver: me, by: actor)
                let decided = try store.contract(orderID: id)
                sendApprovals(.loaded(try approvalsWaiting()))
                try loadSelection()
                show(decided.map { strings.contractSigned($0) } ?? strings[.gradeApproved], kind: .info)
            }
        case .closeCommandLine(let action):
            commandLine = nil
            if let action { send(action) }
        case .askWhyContractRejected(let id, let name):
            form = .note(NoteForm(.rejectContract(orderID: id, customerName: name)))
            formProblems = []
        case .search(let text):
            runSearch(text)
        case .goToCustomer(let id, let code):
            goToCustomer(id: id, code: code)
        case .closeSearch:
            closeSearch()
        case .openHelp:
            openOverlay(.help(focus.context), title: strings[.helpTitle] + " · " + strings.label(focus.context), note: strings[.helpFooter])
        case .quit:
            shouldQuit = true
        case .redraw:
            redrawRequested = true
        case .saveForm:
            saveForm()
        case .closeForm:
            closeForm()
        case .askDiscard:
            prompt = .discard
        case .editExternally(let text):
            pendingExternalEdit = text
        case .showProblem(let problem):
            show(strings.message(problem), kind: .error)
        case .showError(let key):
            show(strings[key], kind: .error)
        case .selectCustomer(let id, let code):
            attempt { try select(customerID: id, code: code) }
        case .saveLeadAnyway:
            if case .lead(var lead)? = form {
                lead.duplicatesAccepted = true
                form = .lead(lead)
            }
            saveForm()
        case .restoreDraft(let draft):
            attempt { try restore(draft) }
        case .deleteDraft(let id):
            attempt { try store.deleteDraft(id: id) }
        case .batch(let effects):
            effects.forEach(run)
        }
    }
}
