import KehuApp
import KehuCore
import KehuStore
import TerminalUI

/// The left pane: one customer a row — code, name, grade and status, next follow-up
/// (with ! when overdue, so it shows in monochrome too).
enum CustomerListPane {
    static func draw(_ vm: MainViewModel, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let s = vm.strings
        context.pane(rect, into: &buffer, focused: vm.focus == .list,
                     title: vm.archiveView == .all ? s[.paneCustomers] : s.label(vm.archiveView),
                     note: vm.totalCustomers > 0 ? "\(vm.totalCustomers)" : "")
        let inner = rect.inner
        buffer.fill(inner, style: .plain)
        let rows = vm.visibleRows
        if vm.totalCustomers == 0 {
            let y = inner.y + inner.height / 2 - 1
            buffer.putFitted(" " + s[.noCustomers], x: inner.x, y: y, width: inner.width, style: context.style(.listEmpty))
            buffer.putFitted(" " + s[.noCustomersHint], x: inner.x, y: y + 1, width: inner.width, style: context.style(.listEmpty))
            return
        }
        let codeWidth = max(11, rows.map { DisplayWidth.of($0.row.code) }.max() ?? 11)
        for (offset, item) in rows.enumerated() {
            let selected = item.index == vm.selectedIndex
            let base: Style? = selected ? context.style(vm.focus == .list ? .listSelected : .listSelectedUnfocused) : nil
            let line = self.line(item.row, width: inner.width, codeWidth: codeWidth, today: vm.today)
            context.draw(line, into: &buffer, x: inner.x, y: inner.y + offset, width: inner.width, base: base)
        }
        context.scrollMarks(rect, into: &buffer, above: vm.listTop > 0,
                            below: vm.listTop + inner.height < vm.totalCustomers)
    }

    /// Below this inner width the grade and status column gives way to the name: the
    /// code's first two letters already say both.
    static let gradeColumnMinimumWidth = 44

    static func line(_ row: CustomerListRow, width: Int, codeWidth: Int, today: LocalDate) -> StyledLine {
        let showGrade = width >= gradeColumnMinimumWidth
        let gradeWidth = showGrade ? 5 : 0      // "A* b "
        let dueWidth = 6        // "!11-29"
        let nameWidth = max(4, width - 1 - codeWidth - 1 - 1 - gradeWidth - dueWidth)
        // * marks a potential grade (潜在VIP, 潜在重点).
        let grade = showGrade ? String(row.grade.letter) + (row.grade.isPotential ? "*" : " ") + " " + String(row.status.letter) + " " : ""
        var due = ""
        var dueRole: ThemeRole = .listRow
        if let next = row.nextFollowUpOn {
            due = (next < today ? "!" : " ") + next.monthDay
            dueRole = next < today ? .overdue : next == today ? .dueToday : .listCode
        }
        let nameRole: ThemeRole = row.grade == .vip ? .gradeVIP : .listRow
        // ✉: a supervisor's comment on my follow-up here waits to be read; ⚠: churn warning.
        return [Span(row.hasNewComment ? "✉" : row.churnWarning ? "⚠" : " ", row.hasNewComment ? .timelineComment : .overdue),
                Span(TextLayout.fit(row.code, to: codeWidth) + " ", .listCode),
                Span(TextLayout.fit(row.name, to: nameWidth) + " ", nameRole),
                Span(grade, .listCode),
                Span(TextLayout.fitRight(due, to: dueWidth), dueRole)]
    }
}
