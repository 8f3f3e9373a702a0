import KehuCore
import KehuStore
import TerminalBasics

/// The main screen without a screen: the customer list read a window at a time, the
/// selected customer's card and timeline, focus, help and status messages. Keys come in
/// as `Action`s, so tests drive it exactly as a user does.
public final class MainViewModel {
    public let store: KehuDatabase
    public let strings: Strings
    public let keymap: Keymap
    public let profile: UserProfile?
    public let login: String
    /// Who is at the keyboard, for the audit history: an admin looking through `--as`
    /// is recorded as themselves, not as the person they look as.
    public let actingLogin: String
    let clock: any Clock

    public internal(set) var focus: Pane = .list
    public internal(set) var view: ListView = .allCustomers
    /// The customer list: archive view, filter and order, its rows and selection.
    public internal(set) var customers = CustomerListState()
    public internal(set) var archiveView: ArchiveView { get { customers.archiveView } set { customers.archiveView = newValue } }
    public internal(set) var listFilter: CustomerFilter { get { customers.filter } set { customers.filter = newValue } }
    public internal(set) var listOrder: CustomerListOrder { get { customers.order } set { customers.order = newValue } }
    public internal(set) var filterSummary: String { get { customers.filterSummary } set { customers.filterSummary = newValue } }
    public internal(set) var todayRoom = TodayState()
    public var todayItems: [TodayItem] { todayRoom.items }
    public internal(set) var todaySelected: Int { get { todayRoom.list.selected } set { todayRoom.list.selected = newValue } }
    public var todayTop: Int { todayRoom.list.top }
    /// The form open over the right panes, with the problems of its last check.
    public internal(set) var formRoom: FormState?
    public internal(set) var form: ActiveForm? {
        get { formRoom?.form }
        set {
            guard let newValue else { formRoom = nil; return }
            if formRoom == nil { formRoom = FormState(form: newValue) } else { formRoom?.form = newValue }
        }
    }
    /// The problems of the last attempt to save, each naming its field.
    public internal(set) var formProblems: [ValidationError] {
        get { formRoom?.problems ?? [] }
        set { formRoom?.problems = newValue }
    }
    public internal(set) var prompt: Prompt?
    /// Text the screen should open in `$EDITOR`; the result comes back through
    /// `finishExternalEdit`.
    public internal(set) var pendingExternalEdit: String?
    /// Text for the user's clipboard, for the run loop to send to the terminal (`y`, `Y`).
    public internal(set) var pendingClipboard: String?
    var cadence = FollowUpCadence.standard
    /// The company's follow-up cadence, as read at start.
    public var followUpCadence: FollowUpCadence { cadence }
    /// The evening queue as rows (with group headers), and the selected row.
    public internal(set) var eveningRoom = EveningState()
    public var eveningRows: [EveningRow] { eveningRoom.rows }
    public var eveningQueue: EveningQueue? { eveningRoom.queue }
    public var eveningSelected: Int { eveningRoom.list.selected }
    public var eveningTop: Int { eveningRoom.list.top }
    /// Grade proposals waiting for my decision, and the selected one.
    public internal(set) var approvalsRoom = ApprovalsState()
    public var approvals: [ApprovalItem] { approvalsRoom.items }
    public var approvalSelected: Int { approvalsRoom.list.selected }
    /// The Reports view: which report, its table, how far it is scrolled.
    public internal(set) var reports = ReportsState()
    public var reportSelected: Int { reports.menu.selected }
    public var reportTable: ReportTable? { reports.table }
    public var reportLines: [String] { reports.lines }
    public var reportTop: Int { reports.scroll.top }
    public var reportColumn: Int { reports.column }
    public var reportWidest: Int { reports.widest }
    /// The box over the screen (help, a customer's history, tomorrow's pool drops).
    public internal(set) var overlay: OverlayState?
    /// Where the settings box's cursor was when a setting was opened for editing.
    var settingsReturnIndex = 0
    public var isHelpOpen: Bool { if case .help? = overlay?.kind { return true }; return false }
    /// The history overlay's entries: who changed what on the shown customer.
    public var history: [AuditEntry]? { if case .history(let entries)? = overlay?.kind { return entries }; return nil }
    /// The pool preview's drops: what returns to the pool tomorrow.
    public var poolPreview: [PoolDrop]? { if case .poolPreview(let drops)? = overlay?.kind { return drops }; return nil }
    /// `/` search under way: its text and matches.
    public internal(set) var search: SearchState?
    /// The `:` command line, while it is open.
    public internal(set) var commandLine: CommandLineState?
    /// The newest audit entry already told about (live refresh says what is newer once).
    var lastChange: Int64 = 0
    /// Where Esc from the search returns: the view, archive view, selections and focus.
    var searchOrigin: (view: ListView, archive: ArchiveView, selected: Int, top: Int, todaySelected: Int, focus: Pane)?
    public internal(set) var shouldQuit = false
    public internal(set) var redrawRequested = false
    public internal(set) var message: StatusMessage?

    public internal(set) var totalCustomers: Int { get { customers.total } set { customers.total = newValue } }
    public internal(set) var selectedIndex: Int { get { customers.list.selected } set { customers.list.selected = newValue } }
    public internal(set) var listTop: Int { get { customers.list.top } set { customers.list.top = newValue } }

    public private(set) var viewport = Viewport(listRows: 20, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40)
    /// The shown customer's card and timeline.
    public internal(set) var cardRoom = DetailState()
    public var detail: CustomerDetail? { cardRoom.detail }
    public var cardLines: [StyledLine] { cardRoom.cardLines }
    public var cardTop: Int { cardRoom.card.top }
    public var timelineEntries: [TimelineEntry] { cardRoom.entries }
    public var timelineTotal: Int { cardRoom.total }
    public var timelineLines: [StyledLine] { cardRoom.timelineLines }
    public var timelineTop: Int { cardRoom.timeline.top }

    /// The customer on the card pane, as its title shows it.
    public var shownCustomer: (name: String, code: String)? { detail.map { ($0.customer.name, $0.customer.code) } }
    /// The newest visit's number, for the timeline's title.
    public var latestVisitNumber: Int? { timelineEntries.first?.activity.visitNumber }


    public init(store: KehuDatabase, strings: Strings, keymap: Keymap, login: String,
                profile: UserProfile?, clock: any Clock, actingLogin: String? = nil) {
        self.store = store
        self.strings = strings
        self.keymap = keymap
        self.login = login
        self.actingLogin = actingLogin.map { Actor(login: $0, actingAs: login, clock: clock).login } ?? login
        self.profile = profile
        self.clock = clock
    }

    /// Who the audit history names for changes made here.
    var actor: Actor { Actor(login: actingLogin, clock: clock) }

    public var context: KeyContext {
        if prompt != nil { return .prompt }
        if form != nil { return .form }
        if search != nil, overlay == nil { return .search }
        // Overlays (help, history) share the help table: close and scroll.
        if overlay != nil { return .help }
        return focus == .list && [.evening, .spotCheck, .approvals].contains(view) ? .evening : focus.context
    }
    public var today: LocalDate { clock.today }
    public var now: LocalDateTime { clock.now }

    // MARK: Loading

    /// Reads the list's size and the first customer. Called once when the screen opens.
    /// `viewport`: the terminal's size when it is known before the
    /// first frame, so the list window and the card are read and laid out once, at the
    /// size they are drawn at (at a guessed size the card was laid out twice: a tenth of
    /// the work before the first frame).
    public func start(at viewport: Viewport? = nil) {
        if let viewport { self.viewport = viewport }
        attempt {
            cadence = FollowUpCadence(days: try store.cadenceDays())
            totalCustomers = try store.customerCount(in: archiveView, filter: listFilter, today: today)
            selectedIndex = min(selectedIndex, max(0, totalCustomers - 1))
            try fillWindow()
            let role = profile?.user.role
            if role == .salesperson {
                view = .today
                try reloadToday()
            } else if role == .assistant || role == .salesManager || role == .marketingManager {
                // Their maintenance contacts: the day starts on them when any are due.
                try reloadToday()
                if !todayItems.isEmpty { view = .today }
            } else if profile?.user.role == .supervisor, now.hour >= 16, profile?.user.teamID != nil {
                // Before the evening meeting a supervisor starts on the team's queue.
                view = .evening
                try reloadEvening()
            }
            try loadSelection()
            if let draft = try store.drafts().first { prompt = .draft(draft, label: try draftLabel(draft)) }
            // What others change from now on is news; what happened before, Today shows.
            lastChange = try store.latestChange()
        }
    }

    /// The terminal's size, as the screen's layout gives it to each pane: sent before every
    /// frame, acted on when it changed.
    public func resize(to new: Viewport) { setViewport(new) }

    public func setViewport(_ new: Viewport) {
        guard new != viewport else { return }
        overlay?.resize(new, layout: layOutOverlay)
        viewport = new
        keepSelectionVisible()
        if let count = search?.hits.count { search?.list.keepVisible(count: count, rows: new.searchRows) }
        attempt { try fillWindow() }
        // New widths wrap the card and timeline anew; new heights keep their scroll in range.
        sendCard(.relayout)
    }

    /// Rows of the list on screen now, with their absolute index.
    public var visibleRows: [(index: Int, row: CustomerListRow)] {
        customers.list.visible(count: totalCustomers, rows: viewport.listRows).compactMap { index in
            customers.row(at: index).map { (index, $0) }
        }
    }

    public var selectedRow: CustomerListRow? { customers.selectedRow }

    /// Keeps a window of rows around what is on screen: three screens' worth, so moving
    /// a page either way needs no query, and memory stays flat at any list size.
    func fillWindow() throws {
        guard let window = customers.windowNeeded(rows: viewport.listRows) else { return }
        let rows = try store.customerPage(offset: window.offset, limit: window.limit, order: listOrder, in: archiveView, filter: listFilter,
                                          today: today, total: totalCustomers)
        sendList(.windowRead(offset: window.offset, rows: rows, thenShow: false))
    }

    func sendList(_ action: CustomerListAction) {
        run(CustomerListRoom.reduce(&customers, action))
    }

    /// The rows read so far are stale: the next `fillWindow` reads again.
    func forgetWindow() { sendList(.forgetWindow) }

    /// The customer whose card and timeline are shown.
    public var selectedCustomerID: Int64? {
        switch view {
        case .allCustomers: return selectedRow?.id
        case .today: return todayRoom.selected?.customerID
        case .evening, .spotCheck: return eveningRoom.selected?.customerID
        case .approvals: return approvalsRoom.selected?.customerID
        case .reports: return nil
        }
    }

    func loadSelection() throws {
        try loadDetail(customerID: selectedCustomerID)
    }

    func loadDetail(customerID: Int64?) throws {
        guard let id = customerID else {
            sendCard(.shown(nil, entries: [], total: 0))
            return
        }
        // Only reads: moving the cursor over a customer never writes (see `openShownCustomer`).
        let shown = try store.shown(customerID: id, timelinePage: DetailState.firstPage(rows: viewport.timelineRows))
        sendCard(.shown(shown.detail, entries: shown.entries, total: shown.total))
    }

    /// Reads the shown card once more, discarding it, on the connection keys will read on.
    /// The customer screen reads its first screen on the store's writer connection (see
    /// `KehuDatabase.firstScreenDrawn()`), and statements are prepared per connection:
    /// without this, the first move after the start paid for preparing the card's (0.7 ms).
    public func prepareTheCardForKeys() {
        guard let id = selectedCustomerID else { return }
        _ = try? store.shown(customerID: id, timelinePage: DetailState.firstPage(rows: viewport.timelineRows))
    }

    /// Going into the shown customer's card or timeline (or logging a follow-up on it) is
    /// reading the supervisor's comments on my follow-ups there: the ✉ mark goes. This is
    /// the one write that reading a customer makes, and only on that explicit step — not
    /// when an admin only looks through my eyes with --as.
    func openShownCustomer() {
        guard focus != .list || form != nil, let id = detail?.customer.id, let me = profile?.user.id, actingLogin == login,
              [.today, .allCustomers].contains(view) else { return }
        // Nothing to mark unless a comment on my follow-up is in sight (the list's ✉, or
        // a signed follow-up of mine in the timeline read): most Tabs cost no query.
        let commented = timelineEntries.contains { $0.activity.handlerID == me && $0.activity.supervisorComment != nil }
        guard commented || (view == .allCustomers && selectedRow?.hasNewComment == true) else { return }
        attempt {
            if try store.markCommentsSeen(customerID: id, handlerID: me) {
                forgetWindow()
                try fillWindow()
            }
        }
    }

    /// Rereads the list around the screen, the Today list and the shown customer after a
    /// change was saved. In Today the done row leaves and the panes follow the selection
    /// to the next one; in the customer list they stay on the customer, new visit on top.
    func refreshAfterSave(showing customerID: Int64?) throws {
        totalCustomers = try store.customerCount(in: archiveView, filter: listFilter, today: today)
        forgetWindow()
        try fillWindow()
        if view != .allCustomers {
            try reloadCurrentView()
            try loadSelection()
        } else {
            try loadDetail(customerID: customerID ?? selectedCustomerID)
        }
    }

    func sendCard(_ action: DetailAction) {
        run(DetailRoom.reduce(&cardRoom, action, layout: DetailLayout(viewport: viewport, today: today, strings: strings)))
    }

    /// Opens a box over the screen, laid out for the current terminal size.
    func openOverlay(_ kind: OverlayState.Kind, title: String, note: String) {
        overlay = OverlayState(kind: kind, title: title, note: note, viewport: viewport, layout: layOutOverlay)
    }

    private func layOutOverlay(_ kind: OverlayState.Kind, width: Int) -> [StyledLine] {
        OverlayPresenter.lines(kind, width: width, keymap: keymap, today: today, strings: strings)
    }

    func moveSelection(_ action: Action) {
        if view == .today {
            moveTodaySelection(action)
            return
        }
        if view == .evening || view == .spotCheck {
            moveEveningSelection(action)
            return
        }
        if view == .reports {
            sendReports(.moveMenu(action, rows: viewport.listRows))
            return
        }
        if view == .approvals {
            sendApprovals(.move(action, rows: viewport.listRows))
            return
        }
        sendList(.move(action, rows: viewport.listRows))
    }

    func keepSelectionVisible() {
        customers.list.keepVisible(count: totalCustomers, rows: viewport.listRows)
    }


    /// Steps through the archive views; the list starts again at its first customer.
    func switchArchiveView(by step: Int) {
        let all = ArchiveView.allCases
        archiveView = all[(all.firstIndex(of: archiveView)! + step + all.count) % all.count]
        showListFromTop()
    }

    /// The customer list, as archive view, filter and order now say, from its first row.
    func showListFromTop() {
        view = .allCustomers
        selectedIndex = 0
        listTop = 0
        forgetWindow()
        attempt {
            totalCustomers = try store.customerCount(in: archiveView, filter: listFilter, today: today)
            try fillWindow()
            try loadSelection()
        }
    }

    /// Rereads everything shown, after something other than this session changed the
    /// archive (the day's calendar rules, applied after the first frame).
    public func reloadFromStore() {
        forgetWindow()
        attempt {
            totalCustomers = try store.customerCount(in: archiveView, filter: listFilter, today: today)
            selectedIndex = min(selectedIndex, max(0, totalCustomers - 1))
            try fillWindow()
            try reloadCurrentView()
            try loadSelection()
        }
    }

    /// Shows a message in the status line (config problems at start-up, for example).
    public func show(_ text: String, kind: StatusMessage.Kind) {
        message = StatusMessage(kind: kind, text: text)
    }

    /// A failed read never ends the session: the user sees what failed and can go on.
    func attempt(_ body: () throws -> Void) {
        do { try body() } catch {
            message = StatusMessage(kind: .error, text: strings[.loadingFailed] + ": " + strings.screenMessage(error))
        }
    }
}
