import KehuApp
import KehuCore
import TerminalUI

/// The left pane while `/` is open: the query on the first line with the cursor in it,
/// then the matches as list rows, best first; a mark says how each matched.
enum SearchPane {
    static func draw(_ vm: MainViewModel, search: SearchState, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let s = vm.strings
        let count = search.isCapped ? "\(SearchState.limit)+" : "\(search.hits.count)"
        context.pane(rect, into: &buffer, focused: true, title: s[.searchTitle], note: search.input.text.isEmpty ? "" : count)
        let inner = rect.inner
        buffer.fill(inner, style: .plain)
        let prompt = "/ "
        let (shown, cursorColumn) = search.input.visible(width: max(2, inner.width - DisplayWidth.of(prompt) - 1))
        buffer.putSpans([(prompt, context.style(.paneBorderFocused)), (shown, context.style(.cardValue))],
                        x: inner.x, y: inner.y, width: inner.width, fill: .plain)
        buffer.cursor = CursorPosition(x: inner.x + DisplayWidth.of(prompt) + cursorColumn, y: inner.y)
        let rowsRect = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1))
        if search.hits.isEmpty {
            let text = search.input.text.isEmpty ? s[.searchHint] : s[.searchNothing]
            buffer.putFitted(" " + text, x: rowsRect.x, y: rowsRect.y + 1, width: rowsRect.width, style: context.style(.listEmpty))
            return
        }
        let lines = ListRowPresenter.searchHits(search.hits.dropFirst(search.top).prefix(rowsRect.height), width: rowsRect.width, today: vm.today)
        for (offset, line) in lines.enumerated() {
            let selected = search.top + offset == search.selected
            context.draw(line, into: &buffer, x: rowsRect.x, y: rowsRect.y + offset, width: rowsRect.width,
                         base: selected ? context.style(.listSelected) : nil)
        }
        context.scrollMarks(rect, into: &buffer, above: search.top > 0, below: search.top + rowsRect.height < search.hits.count)
    }

}
