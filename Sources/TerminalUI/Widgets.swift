/// Line-drawing glyphs. The light box set is drawn by every UTF-8 terminal; an ASCII set
/// stands in where the locale is not UTF-8.
public struct BoxGlyphs: Sendable {
    public let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
    public static let light = BoxGlyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let heavy = BoxGlyphs(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛")
    public static let ascii = BoxGlyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
}

extension ScreenBuffer {
    /// A bordered pane with a title in its top edge and, optionally, a note at the right
    /// of the same edge (a code, a count).
    public mutating func box(_ rect: Rect, glyphs: BoxGlyphs, style: Style, title: String = "", titleStyle: Style? = nil,
                             note: String = "", noteStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = rect.width - 2
        put(glyphs.topLeft + String(repeating: glyphs.horizontal, count: inner) + glyphs.topRight, x: rect.x, y: rect.y, style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            put(glyphs.vertical, x: rect.x, y: row, style: style)
            put(glyphs.vertical, x: rect.maxX - 1, y: row, style: style)
        }
        put(glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: inner) + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, style: style)
        // Title from the left, note from the right; the title gives way when both do not fit.
        let noteText = note.isEmpty ? "" : " " + TextLayout.truncate(note, to: max(0, inner - 4)) + " "
        let noteWidth = DisplayWidth.of(noteText)
        if !noteText.isEmpty {
            put(noteText, x: rect.maxX - 2 - noteWidth, y: rect.y, style: noteStyle ?? style)
        }
        if !title.isEmpty {
            let room = inner - 2 - noteWidth - (noteWidth > 0 ? 1 : 0)
            if room >= 3 {
                put(" " + TextLayout.truncate(title, to: room) + " ", x: rect.x + 1, y: rect.y, style: titleStyle ?? style)
            }
        }
    }

    /// Text cut to `width` columns and padded, so a row always repaints its whole width.
    public mutating func putFitted(_ text: String, x: Int, y: Int, width: Int, style: Style) {
        put(TextLayout.fit(text, to: width), x: x, y: y, style: style, clip: Rect(x: x, y: y, width: width, height: 1))
    }

    /// A row of styled pieces, cut at `width`; the rest of the width is padded in `fill`.
    public mutating func putSpans(_ spans: [(String, Style)], x: Int, y: Int, width: Int, fill: Style) {
        let clip = Rect(x: x, y: y, width: width, height: 1)
        var column = x
        var remaining = width
        for span in spans where remaining > 0 {
            let text = DisplayWidth.of(span.0) > remaining ? TextLayout.truncate(span.0, to: remaining) : span.0
            column = put(text, x: column, y: y, style: span.1, clip: clip)
            remaining = x + width - column
        }
        if remaining > 0 { put(String(repeating: " ", count: remaining), x: column, y: y, style: fill, clip: clip) }
    }
}
