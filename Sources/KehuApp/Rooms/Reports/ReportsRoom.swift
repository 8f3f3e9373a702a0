import KehuCore
import TerminalBasics

/// The reports kehu prints on the command line, in the Reports view too.
public enum ReportKind: String, CaseIterable, Sendable {
    case funnel, kpi, churn, pareto, defeats, sources, vipProgress = "vip-progress", leads, outstanding
}

/// The Reports view (`R`): a menu of reports on the left, the chosen one laid out as text
/// on the right, scrolled on its own.
public struct ReportsState: Equatable, Sendable {
    public internal(set) var menu = ListState()
    public internal(set) var table: ReportTable?
    /// The report as lines, laid out once per report rather than on every frame (an 80/20
    /// list can run to thousands of lines).
    public internal(set) var lines: [String] = []
    public internal(set) var scroll = ListState()
    /// How many columns the report is scrolled to the right (a KPI table wider than the pane).
    public internal(set) var column = 0
    /// The widest line's columns, measured once per report (not on every frame or key).
    public internal(set) var widest = 0
    /// Where `R` goes back to.
    var returnTo: ListView = .allCustomers

    public var kind: ReportKind { ReportKind.allCases[min(menu.selected, ReportKind.allCases.count - 1)] }
}

public enum ReportsAction: Equatable, Sendable {
    /// A movement key on the menu, with the rows the list pane has.
    case moveMenu(Action, rows: Int)
    /// A click on the menu's `index`th report.
    case pickMenu(Int)
    /// A movement key on the report, with the rows it has on screen.
    case scrollReport(Action, rows: Int)
    /// ← or → on the report: sideways by `step` columns, within `width` on screen.
    case scrollSideways(by: Int, width: Int)
    /// The chosen report, run: shown from its top.
    case loaded(ReportTable)
}

enum ReportsRoom {
    static func reduce(_ state: inout ReportsState, _ action: ReportsAction) -> Effect {
        switch action {
        case .moveMenu(let key, let rows):
            guard state.menu.apply(key, count: ReportKind.allCases.count, rows: rows) else { return .none }
            return .runReport(state.kind)
        case .pickMenu(let index):
            guard ReportKind.allCases.indices.contains(index), index != state.menu.selected else { return .none }
            state.menu.selected = index
            return .runReport(state.kind)
        case .scrollReport(let key, let rows):
            state.scroll.scroll(key, count: state.lines.count, rows: rows)
            return .none
        case .scrollSideways(let step, let width):
            // Never past the point where the widest line's end is at the pane's right edge.
            state.column = max(0, min(max(0, state.widest - width), state.column + step))
            return .none
        case .loaded(let table):
            state.table = table
            state.lines = table.rendered(as: .text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            state.scroll = ListState()
            state.column = 0
            state.widest = state.lines.map { DisplayWidth.of($0) }.max() ?? 0
            return .none
        }
    }

    /// The period each report covers on screen: what a manager looks at most — this month
    /// so far for the KPIs, last month for churn, the last twelve months for orders,
    /// defeats and sources, the last six for the VIP progress.
    static func period(_ kind: ReportKind, today: LocalDate) -> (LocalDate, LocalDate) {
        let monthStart = LocalDate(year: today.year, month: today.month, day: 1)!
        switch kind {
        case .kpi, .funnel: return (monthStart, today)
        case .churn: return (monthStart.adding(months: -1), monthStart.adding(days: -1))
        case .pareto, .defeats, .sources: return (today.adding(months: -12).adding(days: 1), today)
        case .vipProgress: return (monthStart.adding(months: -5), today)
        case .leads: return (today.weekStart, today)   // the week's 客户跟进单, due Saturday noon
        case .outstanding: return (today, today)       // what is owed and waiting now
        }
    }
}
