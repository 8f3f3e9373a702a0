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

    static func line(_ item: TodayItem, width: Int, codeWidth: Int, today: LocalDate, strings s: Strings) -> StyledLine {
        let late = item.daysLate(on: today)
        let when = late > 0 ? s.overdueDays(late) : late == 0 ? s[.dueToday] : item.due.monthDay
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
            return [Span(" " + TextLayout.fit(when, to: 8) + " ", whenRole),
                    Span(TextLayout.fit("\(s.label(holiday)) · \(s[.greetings])", to: max(1, width - 10)), .listRow)]
        }
        let whatWidth = min(16, max(6, DisplayWidth.of(what)))
        let nameWidth = max(4, width - 1 - 9 - codeWidth - 1 - 1 - 2 - whatWidth)
        return [Span(" " + TextLayout.fit(when, to: 8) + " ", whenRole),
                Span(TextLayout.fit(item.customerCode, to: codeWidth) + " ", .listCode),
                Span(TextLayout.fit(item.customerName, to: nameWidth) + " ", .listRow),
                Span(level + " ", .timelineLevel),
                Span(TextLayout.fit(what, to: whatWidth), .listRow)]
    }
}
