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
    public internal(set) var timelineLines: [StyledLine] = []
    public internal(set) var timeline = ListState()

    /// Timeline entries are read this many at a time.
    static let page = 60
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
            lay(&state, layout)
            return .none
        case .scrollCard(let key):
            state.card.scroll(key, count: state.cardLines.count, rows: rows.cardRows)
            return .none
        case .scrollTimeline(let key):
            state.timeline.scroll(key, count: state.timelineLines.count, rows: rows.timelineRows)
            guard let id = state.detail?.customer.id, state.entries.count < state.total else { return .none }
            // The end of a timeline is its oldest visit: read the rest first.
            if key == .last { return .readTimeline(customerID: id, after: state.entries.count, all: true) }
            // Nearing the end of what is read: read the next page.
            if state.timeline.top + rows.timelineRows * 2 >= state.timelineLines.count {
                return .readTimeline(customerID: id, after: state.entries.count, all: false)
            }
            return .none
        case .relayout:
            lay(&state, layout)
            return .none
        case .keepScroll(let card, let timeline):
            state.card = ListState(top: card)
            state.timeline = ListState(top: timeline)
            state.card.clamp(count: state.cardLines.count, rows: rows.cardRows)
            state.timeline.clamp(count: state.timelineLines.count, rows: rows.timelineRows)
            return .none
        }
    }

    private static func lay(_ state: inout DetailState, _ layout: DetailLayout) {
        let v = layout.viewport
        state.cardLines = state.detail.map { CardPresenter.lines($0, width: v.cardWidth, today: layout.today, strings: layout.strings) } ?? []
        state.timelineLines = TimelinePresenter.lines(state.entries, width: v.timelineWidth, today: layout.today, strings: layout.strings)
        state.card.clamp(count: state.cardLines.count, rows: v.cardRows)
        state.timeline.clamp(count: state.timelineLines.count, rows: v.timelineRows)
    }
}
