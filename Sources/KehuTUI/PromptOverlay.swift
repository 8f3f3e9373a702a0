import KehuApp
import KehuCore
import TerminalUI

/// A question in a small box in the middle of the screen, with its answers spelled out.
enum PromptOverlay {
    static func draw(_ vm: MainViewModel, prompt: Prompt, into buffer: inout ScreenBuffer, size: Size, context: ScreenContext) {
        let s = vm.strings
        var title: String
        var lines: [String] = []
        var answers: String
        switch prompt {
        case .discard:
            title = s[.discardQuestion]
            answers = "\(s[.discardYes])   \(s[.discardNo])"
        case .duplicates(let matches):
            title = s[.duplicatesTitle]
            lines = matches.map { s.duplicateLine($0, mine: $0.ownerID != nil && $0.ownerID == vm.profile?.user.id) }
            // Open is offered only when one of them can be opened.
            answers = (matches.contains(where: \.isOpenable) ? "\(s[.duplicatesOpen])  " : "") + "\(s[.duplicatesCreate])  \(s[.duplicatesBack])"
        case .draft(_, let label):
            title = s[.draftQuestion]
            lines = [label]
            answers = "\(s[.draftRestore])  \(s[.draftDiscard])  \(s[.draftLater])"
        }
        let width = min(size.width - 4, max(40, ([title, answers] + lines).map { DisplayWidth.of($0) + 4 }.max() ?? 40))
        let height = min(size.height - 2, lines.count + 4)
        let rect = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
        buffer.fill(rect, style: .plain)
        buffer.box(rect, glyphs: .heavy, style: context.style(.helpBorder), title: title, titleStyle: context.style(.helpTitle))
        let inner = rect.inner
        for (index, line) in lines.prefix(inner.height - 1).enumerated() {
            buffer.putFitted(" " + line, x: inner.x, y: inner.y + index, width: inner.width, style: context.style(.helpText))
        }
        buffer.putFitted(" " + answers, x: inner.x, y: inner.maxY - 1, width: inner.width, style: context.style(.helpKey))
        buffer.cursor = nil
    }
}
