import KehuCore
import KehuStore

/// The Reports view as the runner sees it: what `R` does, and the store reads behind
/// `Effect.runReport`.
extension MainViewModel {
    func sendReports(_ action: ReportsAction) {
        run(ReportsRoom.reduce(&reports, action))
    }

    /// A report as a table, for the period the view shows it over.
    func reportTable(_ kind: ReportKind) throws -> ReportTable {
        let (from, to) = ReportsRoom.period(kind, today: today)
        switch kind {
        case .funnel: return ManagerReportPresenter.funnel(try store.funnel(), strings: strings)
        case .kpi:
            return ManagerReportPresenter.kpi(try store.kpi(from: from, to: to, today: today), targets: try store.kpiTargets(),
                                              from: from, to: to, strings: strings)
        case .churn: return ChurnReportPresenter.table(try store.churnReport(from: from, to: to, today: today), strings: strings)
        case .pareto: return ManagerReportPresenter.pareto(try store.pareto(from: from, to: to), from: from, to: to, strings: strings)
        case .defeats: return ManagerReportPresenter.defeats(try store.defeats(from: from, to: to), from: from, to: to, strings: strings)
        case .sources: return ManagerReportPresenter.sources(try store.sources(from: from, to: to), from: from, to: to, strings: strings)
        case .vipProgress:
            return ManagerReportPresenter.vipProgress(try store.vipProgress(from: from, to: to), from: from, to: to, strings: strings)
        case .leads: return ManagerReportPresenter.leads(try store.leadSummary(from: from, to: to), from: from, to: to, strings: strings)
        case .outstanding:
            return ManagerReportPresenter.outstanding(try store.outstandingPayments(), awaiting: try store.contractsAwaitingApproval(),
                                                      today: today, strings: strings)
        }
    }

    func reloadReports() throws {
        sendReports(.loaded(try reportTable(reports.kind)))
    }

    /// `R`: into the Reports view, and back to where you were.
    func toggleReports() {
        attempt {
            if view == .reports {
                view = reports.returnTo
                try reloadCurrentView()
                try loadSelection()
            } else {
                reports.returnTo = view
                view = .reports
                focus = .list
                try reloadReports()
            }
        }
    }
}
