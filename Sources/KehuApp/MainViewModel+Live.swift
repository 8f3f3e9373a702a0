import KehuCore
import KehuStore

/// Live refresh: when a colleague (or a command) commits, what is on screen is read again
/// — the list and its count, Today, the evening queue, approvals, the card and timeline —
/// on the same customer where it still is, with the card and timeline where the reader
/// had them. An open form, prompt or overlay is left as it is: the user is typing.
extension MainViewModel {
    /// Whether someone committed a change since `start()` read the archive: for a watcher
    /// that opens after the first frame.
    public func changedSinceStart() -> Bool {
        ((try? store.latestChange()) ?? lastChange) != lastChange
    }

    public func databaseChanged() {
        let shownID = detail?.customer.id
        let listID = selectedRow?.id
        let todayID = todayRoom.selected?.customerID
        let scroll = (card: cardTop, timeline: timelineTop)
        attempt {
            totalCustomers = try store.customerCount(in: archiveView, filter: listFilter, today: today)
            forgetWindow()
            if let listID, try store.contains(customerID: listID, in: archiveView, filter: listFilter, today: today) {
                selectedIndex = try store.customerIndex(id: listID, in: archiveView, filter: listFilter, order: listOrder, today: today)
            } else {
                selectedIndex = min(selectedIndex, max(0, totalCustomers - 1))
            }
            keepSelectionVisible()
            try fillWindow()
            if search == nil {
                try reloadCurrentView()
                if view == .today, let todayID, let index = todayItems.firstIndex(where: { $0.customerID == todayID }) {
                    todaySelected = index
                    todayRoom.list.keepVisible(count: todayItems.count, rows: viewport.listRows)
                }
                try loadSelection()
            } else if let shownID {
                try loadDetail(customerID: shownID)
            }
            if detail?.customer.id == shownID, shownID != nil {
                sendCard(.keepScroll(card: scroll.card, timeline: scroll.timeline))
            }
            // What changed for me is said once: a comment, a customer given or taken, a defeat decided.
            let (changes, latest) = try store.changesForMe(after: lastChange)
            lastChange = latest
            if !changes.isEmpty { show(strings.news(changes), kind: .info) }
        }
    }
}
