import KehuApp
import TerminalUI

/// The `:` command line in place of the hint line: what is typed, then the matching
/// commands (their word, name and keys), the chosen one marked; the list scrolls so the
/// chosen one is always in sight.
enum CommandLineBar {
    static func draw(_ state: CommandLineState, into buffer: inout ScreenBuffer, rect: Rect, screen: ScreenContext) {
        let bar = screen.style(.hintBar)
        var key = screen.style(.hintKey)
        if key.background == .terminalDefault { key.background = bar.background }
        var cursor = bar
        cursor.attributes.insert(.reverse)
        var spans: [(String, Style)] = [(" :", key), (state.input.text, bar), (" ", cursor), ("  ", bar)]
        let matches = state.matches
        let chosen = state.chosen
        let items = matches.map { "\($0.word) \($0.name) (\($0.keys))" }
        // From the chosen one backwards as far as fits, so it is always shown.
        let room = rect.width - spans.reduce(0) { $0 + DisplayWidth.of($1.0) }
        var first = matches.firstIndex { $0 == chosen } ?? 0
        var used = DisplayWidth.of(items.isEmpty ? "" : items[first]) + 3
        while first > 0, used + DisplayWidth.of(items[first - 1]) + 3 <= room / 2 {
            first -= 1
            used += DisplayWidth.of(items[first]) + 3
        }
        for (index, item) in items.enumerated().dropFirst(first) {
            let selected = matches[index] == chosen
            spans.append((item, selected ? key : bar))
            spans.append(("   ", bar))
        }
        if matches.isEmpty { spans.append(("—", bar)) }
        buffer.putSpans(spans, x: rect.x, y: rect.y, width: rect.width, fill: bar)
    }
}
