import KehuApp
import TerminalUI

/// What every drawing function needs besides the state it draws: the theme's styles and
/// the box glyphs.
struct ScreenContext {
    let theme: Theme
    let glyphs: BoxGlyphs

    func style(_ role: ThemeRole) -> Style { theme[role] }

    /// Theme roles inside a styled line, onto a background taken from `base` where the
    /// role leaves the background to the terminal (so a selected row stays one band).
    func draw(_ line: StyledLine, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, base: Style? = nil) {
        let spans = line.map { span -> (String, Style) in
            var style = self.style(span.role)
            if let base {
                if style.background == .terminalDefault { style.background = base.background }
                style.attributes.formUnion(base.attributes)
                if base.foreground != .terminalDefault, base.background != .terminalDefault { style.foreground = base.foreground }
            }
            return (span.text, style)
        }
        buffer.putSpans(spans, x: x, y: y, width: width, fill: base ?? .plain)
    }

    /// A pane's frame: heavy and in the focus colour when it has the keyboard.
    func pane(_ rect: Rect, into buffer: inout ScreenBuffer, focused: Bool, title: String, note: String = "") {
        buffer.box(rect, glyphs: focused ? .heavy : glyphs,
                   style: style(focused ? .paneBorderFocused : .paneBorder),
                   title: title, titleStyle: style(.paneTitle), note: note, noteStyle: style(.paneNote))
    }

    /// Marks that a pane has more above or below, on its border.
    func scrollMarks(_ rect: Rect, into buffer: inout ScreenBuffer, above: Bool, below: Bool) {
        if above { buffer.put("▲", x: rect.maxX - 3, y: rect.y, style: style(.paneNote)) }
        if below { buffer.put("▼", x: rect.maxX - 3, y: rect.maxY - 1, style: style(.paneNote)) }
    }

    /// A list pane's frame, cleared. With nothing to list it says so in the middle and
    /// returns nil; otherwise it returns the area for the rows.
    func listPane(_ rect: Rect, into buffer: inout ScreenBuffer, focused: Bool, title: String, note: String,
                  isEmpty: Bool, empty: String) -> Rect? {
        pane(rect, into: &buffer, focused: focused, title: title, note: note)
        let inner = rect.inner
        buffer.fill(inner, style: .plain)
        guard isEmpty else { return inner }
        buffer.putFitted(" " + empty, x: inner.x, y: inner.y + inner.height / 2 - 1, width: inner.width, style: style(.listEmpty))
        return nil
    }
}
