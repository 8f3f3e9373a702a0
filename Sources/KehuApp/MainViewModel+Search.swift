import KehuCore
import KehuStore

/// Search as the runner sees it: opening, the store's matches, and going to a match or
/// back to where the search began.
extension MainViewModel {
    func openSearch() {
        search = SearchState()
        searchOrigin = (view, archiveView, selectedIndex, listTop, todaySelected, focus)
        focus = .list
    }

    func sendSearch(_ action: SearchAction) { send(\.search, action, to: SearchRoom.reduce) }

    /// A typed character or a paste: the matches follow at once.
    func typeSearch(_ text: String) { sendSearch(.type(text)) }

    func handleSearch(_ action: Action) { sendSearch(.key(action, rows: viewport.searchRows)) }

    func runSearch(_ text: String) {
        attempt { sendSearch(.results(try store.searchCustomers(text, limit: SearchState.limit, today: today))) }
    }

    /// Enter: the customer in the whole archive's list, the search closed.
    func goToCustomer(id: Int64, code: String) {
        search = nil
        searchOrigin = nil
        attempt {
            view = .allCustomers
            archiveView = .all
            // Counted as the list will read (the filter stays unless `select` must clear it).
            totalCustomers = try store.customerCount(in: archiveView, filter: listFilter, today: today)
            forgetWindow()
            try select(customerID: id, code: code)
        }
    }

    /// Esc: back where the search began, with the customer shown there.
    func closeSearch() {
        guard let origin = searchOrigin else { search = nil; return }
        search = nil
        searchOrigin = nil
        attempt {
            (view, archiveView, selectedIndex, listTop, todaySelected, focus) = origin
            try reloadCurrentView()
            try loadSelection()
        }
    }
}
