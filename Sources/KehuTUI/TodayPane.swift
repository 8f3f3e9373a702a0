import KehuApp
import KehuCore
import TerminalUI

/// The Today list: when it is due (overdue in days, today, or the coming date), the
/// customer, the card level, and what is due.
enum TodayPane {
    static func draw(_ vm: MainViewModel, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let s = vm.strings
        guard let inner = context.listPane(rect, into: &buffer, focused: vm.focus == .list, title: s[.paneToday],
                                           note: vm.todayItems.isEmpty ? "" : "\(vm.todayItems.count)",
                                           isEmpty: vm.todayItems.isEmpty, empty: s[.nothingDue]) else { return }
        let codeWidth = max(11, vm.visibleTodayItems.map { DisplayWidth.of($0.item.customerCode) }.max() ?? 11)
        for (offset, entry) in vm.visibleTodayItems.enumerated() {
            let selected = entry.index == vm.todaySelected
            let base: Style? = selected ? context.style(vm.focus == .list ? .listSelected : .listSelectedUnfocused) : nil
            context.draw(line(entry.item, width: inner.width, codeWidth: codeWidth, today: vm.today, strings: s),
                         into: &buffer, x: inner.x, y: inner.y + offset, width: inner.width, base: base)
        }
        context.scrollMarks(rect, into: &buffer, above: vm.todayTop > 0, below: vm.todayTop + inner.height < vm.todayItems.count)
    }

    /// Columns give way by priority, never to blank space: the due column shrinks to the
    /// days with their unit (`258天`), the code goes when it would leave the name fewer
    /// than six characters (the card pane's title shows it), what is due is never cut
    /// shorter than its words.
    static func line(_ item: TodayItem, width: Int, codeWidth: Int, today: LocalDate, strings s: Strings) -> StyledLine {
        let late = item.daysLate(on: today)
        let full = late > 0 ? s.overdueDays(late) : late == 0 ? s[.dueToday] : item.due.monthDay
        let whenRole: ThemeRole = late > 0 ? .overdue : late == 0 ? .dueToday : .listCode
        var level = " "
        let what: String
        switch item.kind {
        case .followUp(_, let l, let time):
            level = l.rawValue
            what = time.map { "\($0) \(s[.callBackDue])" } ?? s[.followUpDue]
        case .birthday(let name):
            what = "\(name) \(s[.birthdayDue])"
        case .poolWarning:
            what = s[.poolWarningDue]
        case .churnWarning:
            what = s[.churnWarningDue]
        case .churnReason:
            what = s[.churnReasonDue]
        case .maintenance(let kind):
            what = s.maintenanceLabel(kind)
        case .defeatReturned(_, let reason):
            what = "\(s[.defeatReturnedDue])：\(reason)"
        case .holiday(let holiday):
            // A holiday concerns every customer: it takes the whole row.
            return [Span(" " + TextLayout.fitRight(full, to: 9) + " ", whenRole),
                    Span(TextLayout.fit("\(s.label(holiday)) · \(s[.greetings])", to: max(1, width - 11)), .listRow)]
        }
        let whatWidth = min(16, max(6, DisplayWidth.of(what)))
        // The name's room with the due column so wide and with or without the code.
        func nameRoom(_ whenWidth: Int, code: Bool) -> Int {
            width - (1 + whenWidth + 1) - (code ? codeWidth + 1 : 0) - 1 - 2 - whatWidth
        }
        let compact = nameRoom(9, code: true) < 13
        let whenWidth = compact ? 6 : 9
        let when = compact && late > 0 ? s.overdueDaysShort(late) : full
        let withCode = nameRoom(whenWidth, code: true) >= 12
        let nameWidth = max(4, nameRoom(whenWidth, code: withCode))
        var spans = [Span(" " + TextLayout.fitRight(when, to: whenWidth) + " ", whenRole)]
        if withCode { spans.append(Span(TextLayout.fit(item.customerCode, to: codeWidth) + " ", .listCode)) }
        return spans + [Span(TextLayout.fit(item.customerName, to: nameWidth) + " ", .listRow),
                        Span(level + " ", .timelineLevel),
                        Span(TextLayout.fit(what, to: whatWidth), .listRow)]
    }
}
