import KehuApp
import KehuCore
import TerminalUI

/// The top line: product, view, who is working (name · role · team), a message when
/// there is one, the list position and the clock.
enum StatusLine {
    static func draw(_ vm: MainViewModel, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let s = vm.strings
        let bar = context.style(.statusBar)
        let accent = context.style(.statusAccent)
        let now = vm.now
        let clock = "\(now.date.monthDay) \(s.weekday(now.date.isoWeekday)) \(now.clock) "
        var position: String
        switch vm.view {
        case .allCustomers:
            position = vm.totalCustomers == 0 ? "\(s[.customersWord]) 0/0"
                : "\(s[.customersWord]) \(vm.selectedIndex + 1)/\(vm.totalCustomers)"
        case .approvals:
            position = "\(s[.viewApprovals]) \(vm.approvals.count)"
        case .reports:
            position = "\(s[.viewReports]) \(vm.reportSelected + 1)/\(ReportKind.allCases.count)"
        case .evening, .spotCheck:
            let progress = vm.eveningProgress
            position = s.eveningProgress(checked: progress.checked, total: progress.total, carried: progress.carriedOver)
        case .today:
            let counts = vm.todayCounts
            position = s.todayCounts(due: counts.due, overdue: counts.overdue)
                + (vm.todayItems.isEmpty ? "" : " │ \(vm.todaySelected + 1)/\(vm.todayItems.count)")
        }
        if let search = vm.search {
            position = search.hits.isEmpty ? s[.searchTitle] : "\(s[.searchTitle]) \(search.selected + 1)/\(search.isCapped ? "\(SearchState.limit)+" : "\(search.hits.count)")"
        }
        let right = " \(position) │ \(clock)"
        var who = vm.profile?.user.displayName ?? vm.login
        who += " · " + (vm.profile.map { s.label($0.user.role) } ?? s[.unregisteredRole])
        if let team = vm.profile?.teamName { who += " · " + team }
        var viewLabel = vm.view == .allCustomers ? s.label(vm.archiveView) : viewName(vm.view, s)
        if vm.view == .allCustomers, !vm.filterSummary.isEmpty { viewLabel += " ⧩ " + vm.filterSummary }
        let left = [(" kehu ", accent), ("│ ", bar), (viewLabel + " ", bar), ("│ ", bar)]
        let leftWidth = left.reduce(0) { $0 + DisplayWidth.of($1.0) }
        let rightWidth = DisplayWidth.of(right)
        let middleWidth = max(0, rect.width - leftWidth - rightWidth)
        var spans = left
        if let message = vm.message {
            spans.append((TextLayout.fit(message.text, to: middleWidth),
                          context.style(message.kind == .error ? .statusError : .statusMessage)))
        } else {
            spans.append((TextLayout.fit(who, to: middleWidth), bar))
        }
        spans.append((right, bar))
        buffer.putSpans(spans, x: rect.x, y: rect.y, width: rect.width, fill: bar)
    }

    static func viewName(_ view: ListView, _ s: Strings) -> String {
        switch view {
        case .today: return s[.viewToday]
        case .allCustomers: return s[.viewAllCustomers]
        case .evening: return s[.viewEvening]
        case .spotCheck: return s[.viewSpotCheck]
        case .approvals: return s[.viewApprovals]
        case .reports: return s[.viewReports]
        }
    }
}
