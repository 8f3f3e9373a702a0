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
        var cursor = ListCursor(selected: todaySelected, top: todayTop)
        cursor.apply(action, count: todayItems.count, rows: viewport.listRows)
        let moved = cursor.selected != todaySelected
        (todaySelected, todayTop) = (cursor.selected, cursor.top)
        if moved { attempt { try loadSelection() } }
    }

    func keepTodayVisible() {
        var cursor = ListCursor(selected: todaySelected, top: todayTop)
        cursor.keepVisible(count: todayItems.count, rows: viewport.listRows)
        (todaySelected, todayTop) = (cursor.selected, cursor.top)
    }
}
