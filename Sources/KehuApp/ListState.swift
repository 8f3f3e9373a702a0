/// Where a list stands — its selection and its top row on screen — for every list and
/// table kehu shows: the customer list, Today, the evening queue, approvals, the reports
/// menu, search matches. Panes of lines without a selection (card, timeline, report,
/// overlays) use its `scroll`. One type, so every list pages, stops at its ends and keeps
/// its selection in view the same way.
public struct ListState: Hashable, Sendable {
    public internal(set) var selected: Int
    public internal(set) var top: Int

    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }

    /// Moves the selection for a movement key over `count` items with `rows` on screen.
    /// - Returns: whether the selection moved.
    @discardableResult
    mutating func apply(_ action: Action, count: Int, rows: Int) -> Bool {
        guard count > 0 else { return false }
        let before = selected
        let page = max(1, rows)
        switch action {
        case .moveUp: selected -= 1
        case .moveDown: selected += 1
        case .pageUp: selected -= page; top -= page
        case .pageDown: selected += page; top += page
        case .first: selected = 0
        case .last: selected = count - 1
        default: break
        }
        selected = min(max(0, selected), count - 1)
        keepVisible(count: count, rows: rows)
        return selected != before
    }

    /// Selects the item on the `row`th line on screen (a click); false when that line
    /// shows no item or holds the selection already.
    @discardableResult
    mutating func select(visibleRow row: Int, count: Int, rows: Int) -> Bool {
        let target = top + row
        guard row >= 0, row < max(1, rows), target < count, target != selected else { return false }
        selected = target
        keepVisible(count: count, rows: rows)
        return true
    }

    /// Keeps the selection inside the list and on screen.
    mutating func keepVisible(count: Int, rows: Int) {
        let rows = max(1, rows)
        selected = min(selected, max(0, count - 1))
        top = min(max(0, top), max(0, count - rows))
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
    }

    /// Scrolls a pane of `count` lines with `rows` on screen: a line, or a page that keeps
    /// one line of the last in view (`step` lines when given), or to either end.
    mutating func scroll(_ action: Action, count: Int, rows: Int, step: Int? = nil) {
        let maxTop = max(0, count - rows)
        let page = step ?? max(1, rows - 1)
        switch action {
        case .moveUp: top -= 1
        case .moveDown: top += 1
        case .pageUp: top -= page
        case .pageDown: top += page
        case .first: top = 0
        case .last: top = maxTop
        default: break
        }
        top = min(max(0, top), maxTop)
    }

    /// Keeps a scrolled pane's top in range after its lines or its size changed.
    mutating func clamp(count: Int, rows: Int) {
        top = min(max(0, top), max(0, count - rows))
    }

    /// The rows on screen of a list of `count` with `rows` visible.
    func visible(count: Int, rows: Int) -> Range<Int> {
        let end = min(count, top + max(0, rows))
        return top < end ? top..<end : top..<top
    }
}
