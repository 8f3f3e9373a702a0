import KehuApp
import TerminalUI

/// Draws the whole main screen for the view-model's state into a fresh buffer: the
/// frame a backend then diffs against the last one.
public struct MainScreen {
    let context: ScreenContext

    public init(theme: Theme) {
        context = ScreenContext(theme: theme, glyphs: .light)
    }

    /// Tells the view-model how much room each pane has at this size.
    public static func viewport(for size: Size) -> Viewport? {
        let layout = MainLayout(size: size)
        guard !layout.isTooSmall else { return nil }
        return Viewport(listRows: layout.list.inner.height, cardRows: layout.card.inner.height,
                        cardWidth: layout.card.inner.width - 1, timelineRows: layout.timeline.inner.height,
                        timelineWidth: layout.timeline.inner.width - 1, screenWidth: size.width, screenHeight: size.height)
    }

    public static func isTooSmall(_ size: Size) -> Bool { MainLayout(size: size).isTooSmall }

    /// The pane under a cell, and the line inside it (0 under the top border); nil on a
    /// border, the status line or the hint line.
    public static func pane(at x: Int, _ y: Int, size: Size) -> (pane: Pane, row: Int)? {
        let layout = MainLayout(size: size)
        guard !layout.isTooSmall else { return nil }
        for (pane, rect) in [(Pane.list, layout.list), (.card, layout.card), (.timeline, layout.timeline)] {
            let inner = rect.inner
            if x >= inner.x, x < inner.maxX, y >= inner.y, y < inner.maxY { return (pane, y - inner.y) }
        }
        return nil
    }

    /// The frame on screen with its bottom line saying `text`: shown while a write waits
    /// for another process's lock, when the view-model is busy in that write and cannot
    /// draw. The next frame replaces it.
    public func notice(_ text: String, over last: ScreenBuffer) -> ScreenBuffer {
        var frame = last
        let line = Rect(x: 0, y: last.size.height - 1, width: last.size.width, height: 1)
        let style = context.style(.statusMessage)
        frame.fill(line, style: style)
        _ = frame.put(" " + text, x: 0, y: line.y, style: style, clip: line)
        return frame
    }

    /// A pure function of the view-model's state: it reads, never changes. The run loop
    /// tells the view-model the terminal's size (`resize(to:)`) before drawing.
    public func render(_ vm: MainViewModel, size: Size) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        let layout = MainLayout(size: size)
        if layout.isTooSmall {
            TooSmallScreen.draw(strings: vm.strings, size: size, into: &buffer, context: context)
            return buffer
        }
        StatusLine.draw(vm, into: &buffer, rect: layout.status, context: context)
        if let search = vm.search {
            SearchPane.draw(vm, search: search, into: &buffer, rect: layout.list, context: context)
        } else {
        switch vm.view {
        case .allCustomers: CustomerListPane.draw(vm, into: &buffer, rect: layout.list, context: context)
        case .today: TodayPane.draw(vm, into: &buffer, rect: layout.list, context: context)
        case .evening, .spotCheck: EveningPane.draw(vm, into: &buffer, rect: layout.list, context: context)
        case .approvals: ApprovalsPane.draw(vm, into: &buffer, rect: layout.list, context: context)
        case .reports: ReportsPane.drawMenu(vm, into: &buffer, rect: layout.list, context: context)
        }
        }
        if vm.search == nil, vm.view == .evening || vm.view == .spotCheck, let row = vm.selectedEveningRow {
            DetailPanes.drawCheck(vm, row: row, into: &buffer, rect: layout.card, context: context)
        } else if vm.search == nil, vm.view == .approvals, vm.selectedApprovalHeading != nil {
            DetailPanes.drawProposal(vm, into: &buffer, rect: layout.card, context: context)
        } else if vm.search == nil, vm.view == .reports {
            ReportsPane.drawReport(vm, into: &buffer, rect: Rect(x: layout.card.x, y: layout.card.y, width: layout.card.width,
                                                                  height: layout.card.height + layout.timeline.height), context: context)
        } else {
            DetailPanes.drawCard(vm, into: &buffer, rect: layout.card, context: context)
        }
        if vm.search != nil || vm.view != .reports { DetailPanes.drawTimeline(vm, into: &buffer, rect: layout.timeline, context: context) }
        if let form = vm.form {
            // Over the right panes, as on the paper card: the list stays in sight. A one-field
            // note (a comment, a reason, a rejection) takes the lower pane only, so the
            // follow-up, proposal or customer it is about stays readable above it.
            let area: Rect
            if case .note = form {
                area = layout.timeline
            } else {
                area = Rect(x: layout.card.x, y: layout.card.y, width: layout.card.width,
                            height: layout.card.height + layout.timeline.height)
            }
            FormOverlay.draw(vm, form: form, into: &buffer, rect: area, context: context)
        }
        if let overlay = vm.overlay {
            OverlayView.draw(overlay, into: &buffer, size: size, context: context)
        }
        if let prompt = vm.prompt {
            PromptOverlay.draw(vm, prompt: prompt, into: &buffer, size: size, context: context)
        }
        // Enter edits in the settings box only: the other boxes do not offer it.
        let hiding: Set<Action> = vm.overlay.map { $0.selected == nil ? [.confirm] : [] } ?? vm.hintsNotAnswered
        if let commandLine = vm.commandLine {
            CommandLineBar.draw(commandLine, into: &buffer, rect: layout.hints, screen: context)
        } else {
            HintLine.draw(keymap: vm.keymap, context: vm.context, strings: vm.strings, hiding: hiding, renaming: vm.hintWords,
                          into: &buffer, rect: layout.hints, screen: context)
        }
        return buffer
    }
}
