/// Cutting and padding text by display columns, never by characters, so Chinese text
/// lines up and a wide character is never split at a pane edge.
public enum TextLayout {
    public static let ellipsis: Character = "…"

    /// `text` shortened to at most `width` columns; a cut is marked with … inside the width.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        let room = width - 1   // keep one column for the mark
        for (ch, w) in Glyphs(text) {
            if used + w > room { break }
            out.append(ch)
            used += w
        }
        return out + String(ellipsis)
    }

    /// `text` cut or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }

    /// The text without its first `columns` display columns; a wide character cut in
    /// half leaves a space in its place.
    public static func dropColumns(_ text: String, _ columns: Int) -> String {
        guard columns > 0 else { return text }
        var skipped = 0
        var rest = Substring(text)
        while skipped < columns, let first = rest.first {
            skipped += DisplayWidth.of(first)
            rest = rest.dropFirst()
        }
        return (skipped > columns ? " " : "") + String(rest)
    }

    /// Right-aligned in `width` columns (numbers, dates).
    public static func fitRight(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return String(repeating: " ", count: max(0, width - DisplayWidth.of(cut))) + cut
    }

    /// Punctuation that Chinese typesetting never puts at the start of a line.
    static let noLineStart: Set<Character> = Set("，。、；：！？）」』】》〉,.;:!?)…％%")

    /// Breaks `text` into lines of at most `width` columns, at spaces where it can and
    /// anywhere between Chinese characters (which need no spaces), carrying the last
    /// character down rather than starting a line with a comma or full stop.
    /// With `maxLines`, stops once it has that many: the first lines of a long text without
    /// wrapping the rest.
    public static func wrap(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines: [String] = []
        // Split by scalars: splitting by characters looks for character boundaries
        // through the whole text first.
        for paragraph in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init) {
            var line = ""
            var lineWidth = 0
            var lastSpace: String.Index?
            for (ch, w) in Glyphs(paragraph) {
                if lines.count >= maxLines { return lines }
                if lineWidth + w > width {
                    if let space = lastSpace, ch != " " {
                        let rest = String(line[line.index(after: space)...])
                        lines.append(String(line[..<space]))
                        line = rest
                        lineWidth = DisplayWidth.of(rest)
                    } else if noLineStart.contains(ch), line.count >= 2 {
                        let carried = line.removeLast()
                        lines.append(line)
                        line = String(carried)
                        lineWidth = DisplayWidth.of(carried)
                    } else {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    lastSpace = nil
                    if ch == " " { continue }
                }
                if ch == " " { lastSpace = line.endIndex }
                line.append(ch)
                lineWidth += w
            }
            guard lines.count < maxLines else { return lines }
            lines.append(line)
        }
        return lines
    }
}
