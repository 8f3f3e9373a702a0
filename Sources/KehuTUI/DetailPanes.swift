import KehuApp
import TerminalUI

/// The right side: the customer card above, the visit timeline below. Both draw lines the
/// view-model laid out, from their scroll position.
enum DetailPanes {
    static func drawCard(_ vm: MainViewModel, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let s = vm.strings
        let shown = vm.shownCustomer
        context.pane(rect, into: &buffer, focused: vm.focus == .card,
                     title: shown?.name ?? s[.paneCard], note: shown?.code ?? "")
        let inner = rect.inner
        buffer.fill(inner, style: .plain)
        guard shown != nil else {
            buffer.putFitted(" " + s[.noSelection], x: inner.x, y: inner.y, width: inner.width, style: context.style(.listEmpty))
            return
        }
        drawLines(vm.cardLines, top: vm.cardTop, into: &buffer, inner: inner, context: context)
        context.scrollMarks(rect, into: &buffer, above: vm.cardTop > 0, below: vm.cardTop + inner.height < vm.cardLines.count)
    }

    /// In the evening check the card pane shows what the supervisor needs to judge the row.
    static func drawCheck(_ vm: MainViewModel, row: EveningRow, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        context.pane(rect, into: &buffer, focused: false, title: EveningPresenter.title(row, strings: vm.strings))
        let inner = rect.inner
        buffer.fill(inner, style: .plain)
        let lines = EveningPresenter.lines(row, width: inner.width - 1, today: vm.today, cadence: vm.followUpCadence, strings: vm.strings)
        drawLines(lines, top: 0, into: &buffer, inner: inner, context: context)
        context.scrollMarks(rect, into: &buffer, above: false, below: lines.count > inner.height)
    }

    static func drawProposal(_ vm: MainViewModel, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        guard let heading = vm.selectedApprovalHeading else { return }
        context.pane(rect, into: &buffer, focused: false, title: heading.title, note: heading.note)
        let inner = rect.inner
        buffer.fill(inner, style: .plain)
        drawLines(vm.selectedApprovalLines(width: inner.width - 1), top: 0, into: &buffer, inner: inner, context: context)
    }

    static func drawTimeline(_ vm: MainViewModel, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let s = vm.strings
        let latest = vm.latestVisitNumber
        let title = s[.paneTimeline] + (latest.map { " (\(s.visitNumber($0)))" } ?? "")
        context.pane(rect, into: &buffer, focused: vm.focus == .timeline, title: title,
                     note: vm.timelineTotal > 0 ? "\(vm.timelineTotal)" : "")
        let inner = rect.inner
        buffer.fill(inner, style: .plain)
        if vm.shownCustomer != nil, vm.timelineEntries.isEmpty {
            buffer.putFitted(" " + s[.noActivities], x: inner.x, y: inner.y, width: inner.width, style: context.style(.listEmpty))
            return
        }
        // The entry `K` would correct, marked in the margin while the timeline has the focus.
        drawLines(vm.timelineLines, top: vm.timelineTop, marked: vm.focus == .timeline ? vm.cardRoom.topEntryLine : nil,
                  into: &buffer, inner: inner, context: context)
        let more = vm.timelineTop + inner.height < vm.timelineLines.count || vm.timelineEntries.count < vm.timelineTotal
        context.scrollMarks(rect, into: &buffer, above: vm.timelineTop > 0, below: more)
    }

    /// One column of margin on the left, so text does not touch the border.
    private static func drawLines(_ lines: [StyledLine], top: Int, marked: Int? = nil, into buffer: inout ScreenBuffer, inner: Rect,
                                  context: ScreenContext) {
        let visible = lines.dropFirst(top).prefix(inner.height)
        for (offset, line) in visible.enumerated() {
            let margin = marked == top + offset ? Span("▸", .timelineLevel) : Span(" ", .cardValue)
            context.draw([margin] + line, into: &buffer, x: inner.x, y: inner.y + offset, width: inner.width)
        }
    }
}
