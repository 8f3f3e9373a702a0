import KehuCore
import KehuStore

/// The Today view: what is due for the user, overdue first.
extension MainViewModel {
    /// Today's items of the user, or none for someone with no customers of their own.
    func reloadToday() throws {
        var items: [TodayItem] = []
        if let user = profile?.user, let me = user.id { items = try store.todayAgenda(ownerID: me, today: today, maintenanceFor: user) }
        run(TodayRoom.reduce(&todayRoom, .loaded(items, rows: viewport.listRows)))
    }

    /// "今日 12 · 逾期 3" for the status line.
    public var todayCounts: (due: Int, overdue: Int) {
        let counts = TodayOrdering.counts(todayItems, today: today)
        return (counts.dueToday, counts.overdue)
    }

    public var visibleTodayItems: [(index: Int, item: TodayItem)] {
        todayRoom.list.visible(count: todayItems.count, rows: viewport.listRows).map { ($0, todayItems[$0]) }
    }

    /// The views this user works in, in the order `v` cycles through them.
    public var availableViews: [ListView] {
        var views: [ListView] = [.today, .allCustomers]
        let role = profile?.user.role
        if profile?.user.teamID != nil, let role, [.supervisor, .salesManager, .admin].contains(role) {
            views.append(.evening)
        }
        if let role, [.salesManager, .marketingManager, .generalManager, .admin].contains(role) {
            views.append(.spotCheck)
        }
        if let role, [.salesManager, .marketingManager, .generalManager].contains(role) {
            views.append(.approvals)
        }
        return views
    }

    /// Rereads what the current view lists.
    func reloadCurrentView() throws {
        switch view {
        case .today: try reloadToday()
        case .evening, .spotCheck: try reloadEvening()
        case .approvals: try reloadApprovals()
        case .reports: try reloadReports()
        case .allCustomers: break
        }
    }

    func switchView() {
        attempt {
            let views = availableViews
            view = views[((views.firstIndex(of: view) ?? -1) + 1) % views.count]
            try reloadCurrentView()
            try loadSelection()
        }
    }

    func moveTodaySelection(_ action: Action) {
        run(TodayRoom.reduce(&todayRoom, .move(action, rows: viewport.listRows)))
    }
}
