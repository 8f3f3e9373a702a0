import KehuApp
import KehuCore
import TerminalUI

/// The Reports view: the reports on the left, the selected one on the right over both
/// detail panes. Bars are block characters, or # in the monochrome theme (terminals
/// without colour are often without the block glyphs too).
enum ReportsPane {
    static func drawMenu(_ vm: MainViewModel, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let s = vm.strings
        context.pane(rect, into: &buffer, focused: vm.focus == .list, title: s[.paneReports], note: "\(ReportKind.allCases.count)")
        let inner = rect.inner
        buffer.fill(inner, style: .plain)
        for (index, kind) in ReportKind.allCases.enumerated() where index < inner.height {
            let selected = index == vm.reportSelected
            let base: Style? = selected ? context.style(vm.focus == .list ? .listSelected : .listSelectedUnfocused) : nil
            context.draw([Span(" " + s.label(kind), .listRow)], into: &buffer, x: inner.x, y: inner.y + index, width: inner.width, base: base)
        }
    }

    static func drawReport(_ vm: MainViewModel, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let kind = ReportKind.allCases[min(vm.reportSelected, ReportKind.allCases.count - 1)]
        let focused = vm.focus != .list
        context.pane(rect, into: &buffer, focused: focused, title: vm.strings.label(kind), note: "")
        let inner = rect.inner
        buffer.fill(inner, style: .plain)
        let ascii = context.theme.name == "mono"
        let lines = vm.reportLines
        for (offset, line) in lines.dropFirst(vm.reportTop).prefix(inner.height).enumerated() {
            let whole = ascii ? line.replacingOccurrences(of: "█", with: "#") : line
            let shown = TextLayout.dropColumns(whole, vm.reportColumn)
            let role: ThemeRole = line.hasPrefix("  ") ? (line.contains("█") || line.hasSuffix(" !") || line.contains(" ! ") ? .cardEmphasis : .cardValue) : .cardHeading
            context.draw([Span(" " + shown, role)], into: &buffer, x: inner.x, y: inner.y + offset, width: inner.width)
        }
        context.scrollMarks(rect, into: &buffer, above: vm.reportTop > 0, below: vm.reportTop + inner.height < lines.count)
        // A table wider than the pane says so at the edge it continues past.
        if vm.reportColumn > 0 { buffer.put("◀", x: rect.x, y: rect.y + rect.height / 2, style: context.style(.paneBorderFocused)) }
        if vm.reportWidest - vm.reportColumn > inner.width - 1 {
            buffer.put("▶", x: rect.maxX - 1, y: rect.y + rect.height / 2, style: context.style(.paneBorderFocused))
        }
    }
}
