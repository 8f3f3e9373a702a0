import KehuApp
import KehuCore
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
        let codeWidth = ListRowPresenter.codeWidth(rows.map(\.row))
        for (offset, item) in rows.enumerated() {
            let selected = item.index == vm.selectedIndex
            let base: Style? = selected ? context.style(vm.focus == .list ? .listSelected : .listSelectedUnfocused) : nil
            let line = ListRowPresenter.customer(item.row, width: inner.width, codeWidth: codeWidth, today: vm.today)
            context.draw(line, into: &buffer, x: inner.x, y: inner.y + offset, width: inner.width, base: base)
        }
        context.scrollMarks(rect, into: &buffer, above: vm.listTop > 0,
                            below: vm.listTop + inner.height < vm.totalCustomers)
    }

}
