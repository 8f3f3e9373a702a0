import KehuApp
import KehuCore
import TerminalUI

/// The evening queue: the team's follow-ups grouped by salesperson (✔ once signed,
/// "结转" when left from an earlier day), then overdue cards, then defeat applications.
enum EveningPane {
    static func draw(_ vm: MainViewModel, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let s = vm.strings
        guard let inner = context.listPane(rect, into: &buffer, focused: vm.focus == .list,
                                           title: s[vm.view == .spotCheck ? .paneSpotCheck : .paneEvening],
                                           note: "", isEmpty: vm.eveningRows.isEmpty, empty: s[.nothingToCheck]) else { return }
        for (offset, entry) in vm.visibleEveningRows.enumerated() {
            let selected = entry.index == vm.eveningSelected
            let base: Style? = selected ? context.style(vm.focus == .list ? .listSelected : .listSelectedUnfocused) : nil
            context.draw(ListRowPresenter.evening(entry.row, width: inner.width, today: vm.today, strings: s), into: &buffer,
                         x: inner.x, y: inner.y + offset, width: inner.width, base: base)
        }
        context.scrollMarks(rect, into: &buffer, above: vm.eveningTop > 0, below: vm.eveningTop + inner.height < vm.eveningRows.count)
    }

}
