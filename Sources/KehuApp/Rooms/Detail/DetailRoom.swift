import KehuCore
import KehuStore

/// The right-hand panes: the shown customer's card (archive, contacts, cards, orders)
/// above, its visit timeline below, each laid out for its pane's width and scrolled on
/// its own. Timelines are read a page at a time; a customer may have thousands of visits.
public struct DetailState: Equatable, Sendable {
    public internal(set) var detail: CustomerDetail?
    public internal(set) var cardLines: [StyledLine] = []
    public internal(set) var card = ListState()
    public internal(set) var entries: [TimelineEntry] = []
    public internal(set) var total = 0
    /// The timeline's lines, laid out from the newest entry as far as the pane has been
    /// scrolled and a little beyond (`laidAhead`): a list move lays out what can be seen,
    /// not every entry read.
    public internal(set) var timelineLines: [StyledLine] = []
    /// The line each laid-out entry starts on.
    public internal(set) var timelineStarts: [Int] = []
    public internal(set) var timeline = ListState()

    /// The entry at the top of the timeline pane: the one `K` corrects (the newest until
    /// the pane is scrolled).
    public var topEntry: TimelineEntry? { topEntryIndex.map { entries[$0] } }

    var topEntryIndex: Int? {
        guard !entries.isEmpty else { return nil }
        let index = timelineStarts.lastIndex(where: { $0 <= timeline.top }) ?? 0
        return entries.indices.contains(index) ? index : 0
    }

    /// The line the top entry starts on, marked while the timeline has the focus.
    public var topEntryLine: Int? { topEntryIndex.flatMap { timelineStarts.indices.contains($0) ? timelineStarts[$0] : nil } }

    /// Lines the timeline scrolls over: a line at a time it goes on until its last entry
    /// is at the top (so `K` can reach every entry of a short timeline); End and the
    /// layout stop at the last full page.
    func scrollCount(rows: Int) -> Int { max(timelineLines.count, (timelineStarts.last ?? 0) + rows) }

    /// Timeline entries are read this many at a time.
    static let page = 60

    /// The first read of a customer's timeline: two panes' worth of entries (each takes at
    /// least a line), so a list move reads and lays out only what can be seen and the
    /// first scrolls; scrolling on reads `page` more.
    static func firstPage(rows: Int) -> Int { min(page, max(10, rows * 2)) }

    /// Lines laid out below the top of the timeline pane: the pane, a page down, and one more.
    static func laidAhead(rows: Int) -> Int { rows * 3 }

    /// Whether every entry read is laid out.
    var isAllLaid: Bool { timelineStarts.count == entries.count }
}

/// What the card room lays its lines out with: pane sizes, the day, the words.
struct DetailLayout {
    let viewport: Viewport
    let today: LocalDate
    let strings: Strings
}

public enum DetailAction: Sendable {
    /// A customer read (nil: none shown), with the first page of its timeline.
    case shown(CustomerDetail?, entries: [TimelineEntry], total: Int)
    /// More of the timeline, read after what is there.
    case more([TimelineEntry])
    case scrollCard(Action)
    case scrollTimeline(Action)
    /// The panes changed size: lay out again.
    case relayout
    /// Stand where the reader was before the same customer was read again.
    case keepScroll(card: Int, timeline: Int)
}

enum DetailRoom {
    static func reduce(_ state: inout DetailState, _ action: DetailAction, layout: DetailLayout) -> Effect {
        let rows = layout.viewport
        switch action {
        case .shown(let detail, let entries, let total):
            state.detail = detail
            state.entries = entries
            state.total = total
            state.card = ListState()
            state.timeline = ListState()
            lay(&state, layout)
            return .none
        case .more(let entries):
            state.entries += entries
            layTimeline(&state, layout, through: state.timeline.top + DetailState.laidAhead(rows: rows.timelineRows))
            return .none
        case .scrollCard(let key):
            state.card.scroll(key, count: state.cardLines.count, rows: rows.cardRows)
            return .none
        case .scrollTimeline(let key):
            let ahead = DetailState.laidAhead(rows: rows.timelineRows)
            // Lay out far enough for the move (at most a page) before making it.
            layTimeline(&state, layout, through: key == .last ? .max : state.timeline.top + ahead + rows.timelineRows)
            let count = key == .last || key == .first ? state.timelineLines.count : state.scrollCount(rows: rows.timelineRows)
            state.timeline.scroll(key, count: count, rows: rows.timelineRows)
            layTimeline(&state, layout, through: state.timeline.top + ahead)
            guard let id = state.detail?.customer.id, state.entries.count < state.total else { return .none }
            // The end of a timeline is its oldest visit: read the rest first.
            if key == .last { return .readTimeline(customerID: id, after: state.entries.count, all: true) }
            // Nearing the end of what is read: read the next page.
            if state.isAllLaid, state.timeline.top + rows.timelineRows * 2 >= state.timelineLines.count {
                return .readTimeline(customerID: id, after: state.entries.count, all: false)
            }
            return .none
        case .relayout:
            lay(&state, layout)
            // A taller pane may show more than the first read holds.
            if let id = state.detail?.customer.id, state.entries.count < state.total,
               state.timelineLines.count < rows.timelineRows * 2 {
                return .readTimeline(customerID: id, after: state.entries.count, all: false)
            }
            return .none
        case .keepScroll(let card, let timeline):
            state.card = ListState(top: card)
            state.timeline = ListState(top: timeline)
            layTimeline(&state, layout, through: timeline + DetailState.laidAhead(rows: rows.timelineRows))
            state.card.clamp(count: state.cardLines.count, rows: rows.cardRows)
            state.timeline.clamp(count: state.scrollCount(rows: rows.timelineRows), rows: rows.timelineRows)
            return .none
        }
    }

    private static func lay(_ state: inout DetailState, _ layout: DetailLayout) {
        let v = layout.viewport
        state.cardLines = state.detail.map { CardPresenter.lines($0, width: v.cardWidth, today: layout.today, strings: layout.strings) } ?? []
        state.timelineLines = []
        state.timelineStarts = []
        layTimeline(&state, layout, through: state.timeline.top + DetailState.laidAhead(rows: v.timelineRows))
        state.card.clamp(count: state.cardLines.count, rows: v.cardRows)
        state.timeline.clamp(count: state.scrollCount(rows: v.timelineRows), rows: v.timelineRows)
    }

    /// Lays out more of the entries read, until the timeline has `line` lines or all.
    private static func layTimeline(_ state: inout DetailState, _ layout: DetailLayout, through line: Int) {
        _ = TimelinePresenter.extend(&state.timelineLines, starts: &state.timelineStarts, entries: state.entries, until: line,
                                     width: layout.viewport.timelineWidth, today: layout.today, strings: layout.strings)
    }
}
