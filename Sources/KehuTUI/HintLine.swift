import KehuApp
import TerminalUI

/// The bottom line, generated from the active keymap for the focused context: the first
/// key of each action, paired actions (up/down) shown together.
enum HintLine {
    static let groups: [[Action]] = [[.moveUp, .moveDown], [.logFollowUp], [.newLead], [.nextView], [.pageUp, .pageDown],
                                     [.first, .last], [.focusNext], [.nextField], [.save], [.cancel], [.editExternally],
                                     [.confirm], [.decline], [.help], [.close], [.quit]]

    static func items(keymap: Keymap, context: KeyContext, strings: Strings) -> [(keys: String, label: String)] {
        var items: [(String, String)] = []
        for group in groups {
            // An overlay answers only its own keys: offer nothing it does not do.
            let tables: [KeyContext] = context == .help || !context.fallsBackToGlobal ? [context] : [context, .global]
            let keys = group.compactMap { action in
                tables.lazy.compactMap { keymap.keys(for: action, in: $0).first }.first?.label
            }
            guard keys.count == group.count else { continue }
            let joined = group.count == 2 && keys.allSatisfy({ DisplayWidth.of($0) == 1 }) ? keys.joined() : keys.joined(separator: "/")
            items.append((joined, strings.hint(group[0])))
        }
        return items
    }

    static func draw(keymap: Keymap, context: KeyContext, strings: Strings, into buffer: inout ScreenBuffer,
                     rect: Rect, screen: ScreenContext) {
        let bar = screen.style(.hintBar)
        var keyStyle = screen.style(.hintKey)
        if keyStyle.background == .terminalDefault { keyStyle.background = bar.background }
        var spans: [(String, Style)] = [(" ", bar)]
        var used = 1
        for item in items(keymap: keymap, context: context, strings: strings) {
            let width = DisplayWidth.of(item.keys) + 1 + DisplayWidth.of(item.label) + 2
            guard used + width <= rect.width else { break }   // whole hints only, never half of one
            spans.append((item.keys, keyStyle))
            spans.append((" " + item.label + "  ", bar))
            used += width
        }
        buffer.putSpans(spans, x: rect.x, y: rect.y, width: rect.width, fill: bar)
    }
}
