import KehuCore
import KehuStore

/// `/`: search as you type. The list pane shows the matches, best first, and the card
/// and timeline follow the selected one; Enter goes to that customer in the whole
/// archive, Esc goes back to where the search began.
public struct SearchState: Sendable {
    public internal(set) var input = TextInput()
    public internal(set) var hits: [SearchHit] = []
    public internal(set) var list = ListState()
    public var selected: Int { list.selected }
    public var top: Int { list.top }
    /// Where Esc returns.
    let origin: (view: ListView, archive: ArchiveView, selected: Int, top: Int, todaySelected: Int, focus: Pane)

    /// At most this many matches are kept; the count then reads "200+".
    public static let limit = 200
    public var isCapped: Bool { hits.count >= Self.limit }
}

extension MainViewModel {
    func openSearch() {
        search = SearchState(origin: (view, archiveView, selectedIndex, listTop, todaySelected, focus))
        focus = .list
    }

    /// A typed character or a paste: the matches follow at once.
    func typeSearch(_ text: String) {
        guard var state = search else { return }
        state.input.insert(text)
        search = state
        runSearch()
    }

    func handleSearch(_ action: Action) {
        guard var state = search else { return }
        switch action {
        case .deleteBackward: state.input.deleteBackward()
        case .deleteForward: state.input.deleteForward()
        case .cursorLeft: state.input.moveLeft()
        case .cursorRight: state.input.moveRight()
        case .lineStart: state.input.moveToStart()
        case .lineEnd: state.input.moveToEnd()
        case .killLine: state.input.deleteToEnd()
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            let moved = state.list.apply(action, count: state.hits.count, rows: viewport.listRows)
            search = state
            if moved { attempt { try loadDetail(customerID: state.hits[state.selected].row.id) } }
            return
        case .confirm, .nextOrSave: goToSelectedHit(); return
        case .close, .cancel: closeSearch(); return
        case .quit: shouldQuit = true; return
        case .redraw: redrawRequested = true; return
        case .help:
            openOverlay(.help(focus.context), title: strings[.helpTitle] + " · " + strings.label(focus.context), note: strings[.helpFooter])
            return
        default: return
        }
        let changed = state.input.text != search?.input.text
        search = state
        if changed { runSearch() }
    }

    private func runSearch() {
        guard var state = search else { return }
        attempt {
            state.hits = try store.searchCustomers(state.input.text, limit: SearchState.limit, today: today)
            state.list = ListState()
            search = state
            try loadDetail(customerID: state.hits.first?.row.id)
        }
    }

    /// Enter: the customer in the whole archive's list, the search closed.
    private func goToSelectedHit() {
        guard let state = search else { return }
        guard state.hits.indices.contains(state.selected) else { closeSearch(); return }
        let hit = state.hits[state.selected].row
        search = nil
        attempt {
            view = .allCustomers
            archiveView = .all
            totalCustomers = try store.customerCount()
            window = (0, [])
            try select(customerID: hit.id, code: hit.code)
        }
    }

    /// Esc: back where the search began, with the customer shown there.
    private func closeSearch() {
        guard let origin = search?.origin else { return }
        search = nil
        attempt {
            (view, archiveView, selectedIndex, listTop, todaySelected, focus) = origin
            try reloadCurrentView()
            try loadSelection()
        }
    }
}
