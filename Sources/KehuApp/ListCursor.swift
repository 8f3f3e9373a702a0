/// Where a list's selection and top row go for a movement key: shared by the customer
/// list and the Today list, so both page, stop at the ends and keep the selection in view
/// the same way.
struct ListCursor: Equatable {
    var selected: Int
    var top: Int

    mutating func apply(_ action: Action, count: Int, rows: Int) {
        guard count > 0 else { return }
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
    }

    mutating func keepVisible(count: Int, rows: Int) {
        let rows = max(1, rows)
        top = min(max(0, top), max(0, count - rows))
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
    }
}
