import KehuCore
import KehuStore

/// The reports kehu prints on the command line, in the Reports view too.
public enum ReportKind: String, CaseIterable, Sendable {
    case funnel, kpi, churn, pareto, defeats, sources, vipProgress = "vip-progress"
}

extension MainViewModel {
    /// The period each report covers on screen: what a manager looks at most — this month
    /// so far for the KPIs, last month for churn, the last twelve months for orders,
    /// defeats and sources, the last six for the VIP progress.
    func reportPeriod(_ kind: ReportKind) -> (LocalDate, LocalDate) {
        let monthStart = LocalDate(year: today.year, month: today.month, day: 1)!
        switch kind {
        case .kpi, .funnel: return (monthStart, today)
        case .churn: return (monthStart.adding(months: -1), monthStart.adding(days: -1))
        case .pareto, .defeats, .sources: return (today.adding(months: -12).adding(days: 1), today)
        case .vipProgress: return (monthStart.adding(months: -5), today)
        }
    }

    /// Runs the selected report for the Reports view.
    func reloadReports() throws {
        let kind = ReportKind.allCases[min(reportSelected, ReportKind.allCases.count - 1)]
        let (from, to) = reportPeriod(kind)
        switch kind {
        case .funnel: reportTable = ManagerReportPresenter.funnel(try store.funnel(), strings: strings)
        case .kpi:
            reportTable = ManagerReportPresenter.kpi(try store.kpi(from: from, to: to, today: today), targets: try store.kpiTargets(),
                                                     from: from, to: to, strings: strings)
        case .churn: reportTable = ChurnReportPresenter.table(try store.churnReport(from: from, to: to, today: today), strings: strings)
        case .pareto: reportTable = ManagerReportPresenter.pareto(try store.pareto(from: from, to: to), from: from, to: to, strings: strings)
        case .defeats: reportTable = ManagerReportPresenter.defeats(try store.defeats(from: from, to: to), from: from, to: to, strings: strings)
        case .sources: reportTable = ManagerReportPresenter.sources(try store.sources(from: from, to: to), from: from, to: to, strings: strings)
        case .vipProgress:
            reportTable = ManagerReportPresenter.vipProgress(try store.vipProgress(from: from, to: to), from: from, to: to, strings: strings)
        }
        reportTop = 0
    }

    /// `R`: into the Reports view, and back to where you were.
    func toggleReports() {
        attempt {
            if view == .reports {
                view = viewBeforeReports
                try reloadCurrentView()
                try loadSelection()
            } else {
                viewBeforeReports = view
                view = .reports
                focus = .list
                try reloadReports()
            }
        }
    }

    func moveReportSelection(_ action: Action) {
        guard reportMenu.apply(action, count: ReportKind.allCases.count, rows: viewport.listRows) else { return }
        attempt { try reloadReports() }
    }

    func scrollReport(_ action: Action) {
        reportScroll.scroll(action, count: reportLines.count, rows: max(1, viewport.cardRows + viewport.timelineRows))
    }
}
