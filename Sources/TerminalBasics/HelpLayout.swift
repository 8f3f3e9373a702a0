/// Command-line help laid out by display width. ArgumentParser wraps by counting
/// characters and breaks only at spaces, so a Chinese paragraph (two columns a character,
/// no spaces) ran far past the terminal's edge and broke wherever a stray space fell.
/// kehu asks it for unwrapped text and wraps it here: at spaces, or between two Chinese
/// characters, never starting a line with a comma or a closing bracket; an option's
/// description continues under its own first column.
public enum HelpLayout {
    /// Punctuation that never ends a line (an opening bracket or quote goes down with what it opens).
    static let noLineEnd: Set<Character> = Set("（「『【《〈“‘([")
    /// Closing quotes join the punctuation that never starts a line.
    static let noLineStart: Set<Character> = TextLayout.noLineStart.union("”’")

    public static func wrap(_ text: String, width: Int) -> String {
        let width = max(20, width)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrapLine(String($0), width: width) }
            .joined(separator: "\n")
    }

    /// One line of help: its continuation lines start under the description's first
    /// column (`  --db <db>     The database…`), or under the line's own indent.
    static func wrapLine(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let indent = hangingIndent(line)
        var lines: [String] = []
        var rest = Substring(line)
        var first = true
        while !rest.isEmpty {
            let lead = first ? "" : String(repeating: " ", count: indent)
            let room = max(10, width - DisplayWidth.of(lead))
            let (piece, remainder) = cut(rest, width: room, keepLeadingSpaces: first)
            lines.append(lead + piece)
            rest = remainder.drop { $0 == " " }
            first = false
        }
        return lines
    }

    /// Where a line's description starts: after the label and a run of at least two
    /// spaces, when that is within the first 30 columns; else the line's own indent.
    static func hangingIndent(_ line: String) -> Int {
        // A usage line continues under the command, after "USAGE: ".
        for label in ["USAGE: ", "Usage: ", "用法："] where line.hasPrefix(label) { return DisplayWidth.of(label) }
        let leading = line.prefix { $0 == " " }.count
        var column = 0
        var spaces = 0
        var sawLabel = false
        for ch in line {
            if ch == " " {
                spaces += 1
            } else {
                if sawLabel, spaces >= 2, column <= 30 { return column }
                sawLabel = sawLabel || column >= leading
                spaces = 0
            }
            column += DisplayWidth.of(ch)
            if column > 30 { break }
        }
        return leading
    }

    /// The longest start of `text` that fits `width`, broken at the last opportunity: a
    /// space, or between characters where either is wide.
    static func cut(_ text: Substring, width: Int, keepLeadingSpaces: Bool) -> (String, Substring) {
        var used = 0
        var lastBreak: String.Index?
        var previous: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            let w = DisplayWidth.of(ch)
            if let previous, canBreak(between: previous, and: ch), !(keepLeadingSpaces && text[..<index].allSatisfy { $0 == " " }) {
                lastBreak = index
            }
            if used + w > width {
                // No place to break (or not even one character fits): cut here, at least one character on.
                var at = lastBreak ?? index
                if at == text.startIndex { at = text.index(after: at) }
                let piece = text[..<at]
                return (String(piece.reversed().drop { $0 == " " }.reversed()), text[at...])
            }
            used += w
            previous = ch
            index = text.index(after: index)
        }
        return (String(text), text[text.endIndex...])
    }

    /// Whether a line may break between two characters: after a space, or where either is
    /// Chinese (wide), unless that would start a line with a closing mark or end one with
    /// an opening one. The manual page's break points follow the same rule.
    public static func canBreak(between before: Character, and after: Character) -> Bool {
        if after == " " { return false }
        if before == " " { return true }
        guard DisplayWidth.of(before) > 1 || DisplayWidth.of(after) > 1 else { return false }
        return !noLineStart.contains(after) && !noLineEnd.contains(before)
    }
}
