import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuStore

/// `kehu report NAME`: a report on the command line, as text, CSV or JSON, limited to
/// what the running login may see.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: tr("Print a report: churn, funnel, kpi, pareto, defeats, sources, vip-progress, leads or outstanding."),
        discussion: tr("The period is --month (default: last month; for leads, this week), or --from and --to (dates like 2026-10-01 or 2026/10/1).")
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp(tr("churn (lost customers by grade, owner, reason), kpi (contacts and visits against targets), funnel (open cards by stage, forecast), pareto (80/20 of order value), defeats (reasons, competitors, products), sources (leads and deals per source), vip-progress (potential VIP customers month by month), leads (the week's effective and ineffective leads), outstanding (what customers still owe on approved contracts, and contracts awaiting approval).")), completion: CompletionValues.reports)
    var name: String
    @Option(help: ArgumentHelp(tr("Only one team's customers (a team's name)."))) var team: String?
    @Option(help: ArgumentHelp(tr("A calendar month, e.g. 2026-10."))) var month: String?
    @Option(help: ArgumentHelp(tr("First day of the period."))) var from: String?
    @Option(help: ArgumentHelp(tr("Last day of the period."))) var to: String?
    @Option(help: ArgumentHelp(tr("text, csv or json.")), completion: CompletionValues.reportFormats) var format: String = "text"

    func run() throws {
        let (store, me, strings, clock) = try openAsUser(common)
        guard let format = ReportTable.Format(rawValue: format) else {
            throw ValidationError(tr("unknown format \"%@\"; one of: text, csv, json", self.format))
        }
        var (first, last) = try period(today: clock.today)
        // The weekly summary of leads is this week's unless a period is asked for.
        if name == "leads", month == nil, from == nil, to == nil { (first, last) = (clock.today.weekStart, clock.today) }
        _ = me
        var scoped = store
        // --team narrows any report to one team's customers — within what the login may
        // see: a manager's region, a supervisor's own team. A team outside it is as
        // unknown as one that does not exist.
        var teamID: Int64?
        if let team {
            guard let found = try store.team(named: team), let id = found.id,
                  let narrowed = try? store.narrowed(toTeam: id) else {
                throw fail(strings.teamOutOfSight(team, visible: try store.teams().map(\.name)),
                           code: ExitCodes.notAllowed)
            }
            teamID = id
            scoped = narrowed
        }
        let table: ReportTable
        switch name {
        case "churn": table = ChurnReportPresenter.table(try scoped.churnReport(from: first, to: last, today: clock.today), strings: strings)
        case "funnel": table = ManagerReportPresenter.funnel(try scoped.funnel(teamID: teamID), strings: strings)
        case "kpi":
            table = ManagerReportPresenter.kpi(try scoped.kpi(from: first, to: last, today: clock.today, teamID: teamID),
                                               targets: try store.kpiTargets(), from: first, to: last, strings: strings)
        case "vip-progress":
            table = ManagerReportPresenter.vipProgress(try scoped.vipProgress(from: first, to: last), from: first, to: last, strings: strings)
        case "pareto": table = ManagerReportPresenter.pareto(try scoped.pareto(from: first, to: last), from: first, to: last, strings: strings)
        case "defeats": table = ManagerReportPresenter.defeats(try scoped.defeats(from: first, to: last), from: first, to: last, strings: strings)
        case "sources": table = ManagerReportPresenter.sources(try scoped.sources(from: first, to: last), from: first, to: last, strings: strings)
        case "leads": table = ManagerReportPresenter.leads(try scoped.leadSummary(from: first, to: last), from: first, to: last, strings: strings)
        case "outstanding":
            table = ManagerReportPresenter.outstanding(try scoped.outstandingPayments(), awaiting: try scoped.contractsAwaitingApproval(),
                                                       today: clock.today, strings: strings)
        default:
            throw ValidationError(tr("unknown report \"%@\"; one of: churn, funnel, kpi, pareto, defeats, sources, vip-progress, leads, outstanding", name))
        }
        print(table.rendered(as: format), terminator: "")
    }

    /// The period asked for: a month, or from/to, or else last month.
    func period(today: LocalDate) throws -> (LocalDate, LocalDate) {
        if let month {
            guard month.count == 7, let start = DateParsing.date(month + "-01") else {
                throw ValidationError(tr("--month \"%@\" is not a month like 2026-10", month))
            }
            return (start, start.adding(months: 1).adding(days: -1))
        }
        let lastMonthStart = LocalDate(year: today.year, month: today.month, day: 1)!.adding(months: -1)
        func day(_ text: String?, _ option: String, _ fallback: LocalDate) throws -> LocalDate {
            guard let text else { return fallback }
            guard let date = DateParsing.date(text) else { throw ValidationError(tr("--%@ \"%@\" is not a date like 2026-10-01", option, text)) }
            return date
        }
        let start = try day(from, "from", lastMonthStart)
        let end = try day(to, "to", from == nil ? lastMonthStart.adding(months: 1).adding(days: -1) : today)
        guard start <= end else { throw ValidationError(tr("--from %@ is after --to %@", start.description, end.description)) }
        return (start, end)
    }
}

/// Opens the database for the running login (any active user) through the door, after
/// applying the company's calendar rules. `creating`: a single user's own file is made
/// on first use, its maker the first admin (as the screen does).
func openAsUser(_ common: CommonOptions, creating: Bool = false) throws -> (KehuDatabase, UserProfile, Strings, any Clock) {
    let (strings, _) = common.strings()
    let entrance = try Entrance.open(common, strings: strings, creating: creating)
    entrance.tellNotes()
    let clock = runClock()
    do {
        // A read-only file is reported as it is: the rules wait for someone who may write.
        if !entrance.store.isReadOnly {
            try entrance.store.applyCompanyRules(today: clock.today, by: Actor(login: "kehu", clock: clock))
        }
    } catch let error as StoreError {
        throw fail(strings.message(error), code: ExitCodes.code(for: error))
    }
    return (entrance.store, entrance.me, strings, clock)
}
