import KehuCore
import KehuStore

/// The Today view: what is due for the user, overdue first.
extension MainViewModel {
    /// Today's items of the user, or none for someone with no customers of their own.
    func reloadToday() throws {
        guard let me = profile?.user.id else { todayItems = []; return }
        todayItems = try store.todayAgenda(ownerID: me, today: today)
        todaySelected = min(todaySelected, max(0, todayItems.count - 1))
        keepTodayVisible()
    }

    /// "今日 12 · 逾期 3" for the status line.
    public var todayCounts: (due: Int, overdue: Int) {
        let counts = TodayOrdering.counts(todayItems, today: today)
        return (counts.dueToday, counts.overdue)
    }

    public var visibleTodayItems: [(index: Int, item: TodayItem)] {
        let end = min(todayItems.count, todayTop + viewport.listRows)
        guard todayTop < end else { return [] }
        return (todayTop..<end).map { ($0, todayItems[$0]) }
    }

    func switchView() {
        attempt {
            view = view == .today ? .allCustomers : .today
            if view == .today { try reloadToday() }
            try loadSelection()
        }
    }

    func moveTodaySelection(_ action: Action) {
        guard !todayItems.isEmpty else { return }
        let page = max(1, viewport.listRows)
        let before = todaySelected
        switch action {
        case .moveUp: todaySelected -= 1
        case .moveDown: todaySelected += 1
        case .pageUp: todaySelected -= page; todayTop -= page
        case .pageDown: todaySelected += page; todayTop += page
        case .first: todaySelected = 0
        case .last: todaySelected = todayItems.count - 1
        default: break
        }
        todaySelected = min(max(0, todaySelected), todayItems.count - 1)
        keepTodayVisible()
        if todaySelected != before { attempt { try loadSelection() } }
    }

    func keepTodayVisible() {
        let rows = max(1, viewport.listRows)
        todayTop = min(max(0, todayTop), max(0, todayItems.count - rows))
        if todaySelected < todayTop { todayTop = todaySelected }
        if todaySelected >= todayTop + rows { todayTop = todaySelected - rows + 1 }
    }
}
