import KehuApp
import KehuCore
import TerminalUI

/// Contracts and grade changes waiting for my signature, oldest first.
enum ApprovalsPane {
    static func draw(_ vm: MainViewModel, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let s = vm.strings
        guard let inner = context.listPane(rect, into: &buffer, focused: vm.focus == .list, title: s[.paneApprovals],
                                           note: vm.approvals.isEmpty ? "" : "\(vm.approvals.count)",
                                           isEmpty: vm.approvals.isEmpty, empty: s[.nothingToApprove]) else { return }
        let top = max(0, vm.approvalSelected - inner.height + 1)
        for (offset, item) in vm.approvals.dropFirst(top).prefix(inner.height).enumerated() {
            let index = top + offset
            let base: Style? = index == vm.approvalSelected ? context.style(vm.focus == .list ? .listSelected : .listSelectedUnfocused) : nil
            context.draw(ListRowPresenter.approval(item, width: inner.width, strings: s), into: &buffer, x: inner.x, y: inner.y + offset, width: inner.width, base: base)
        }
    }
}
