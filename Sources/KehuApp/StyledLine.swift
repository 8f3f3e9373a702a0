import TerminalBasics

/// A run of text and the theme role it is drawn in.
public struct Span: Hashable, Sendable {
    public let text: String
    public let role: ThemeRole
    public init(_ text: String, _ role: ThemeRole) { self.text = text; self.role = role }
}

/// One screen line as pieces of styled text, at most the width it was laid out for.
public typealias StyledLine = [Span]

/// Breaks a line of spans between spans when it is wider than `width`; continuation
/// lines start under the first column after `indent`. A piece's leading separator is
/// dropped at the start of a line, and a piece wider than a whole line is cut with ….
func wrapSpans(_ spans: StyledLine, width: Int, indent: Int) -> [StyledLine] {
    var lines: [StyledLine] = []
    var current: StyledLine = []
    var used = 0
    for span in spans {
        var text = span.text
        let spanWidth = DisplayWidth.of(text)
        if used + spanWidth > width, used > indent {
            lines.append(current)
            current = [Span(String(repeating: " ", count: indent), span.role)]
            used = indent
            while text.hasPrefix(" ") || text.hasPrefix("·") { text.removeFirst() }
        }
        if used + DisplayWidth.of(text) > width { text = TextLayout.truncate(text, to: max(1, width - used)) }
        current.append(Span(text, span.role))
        used += DisplayWidth.of(text)
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}

/// Lays out "label value" items side by side, separated by " · ", starting a new line
/// when the next item does not fit; an item wider than a line wraps under its label.
struct FlowLayout {
    let width: Int
    private(set) var lines: [StyledLine] = []
    private var current: StyledLine = []
    private var used = 0

    init(width: Int) { self.width = max(1, width) }

    mutating func item(_ label: String?, _ value: String, role: ThemeRole = .cardValue) {
        let value = value.trimmingCharacters()
        guard !value.isEmpty else { return }
        let labelText = label.map { $0 + " " } ?? ""
        // Text written in lines (a note of several lines) keeps them: each wraps under the label.
        if value.contains(where: \.isNewline) {
            newLine()
            let indent = DisplayWidth.of(labelText)
            let paragraphs = value.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .map { String($0).trimmingCharacters() }
            for (number, paragraph) in paragraphs.enumerated() {
                for (index, piece) in TextLayout.wrap(paragraph, width: max(1, width - indent)).enumerated() {
                    let lead = number == 0 && index == 0 ? labelText : String(repeating: " ", count: indent)
                    current.append(Span(lead, .cardLabel))
                    current.append(Span(piece, role))
                    newLine()
                }
            }
            return
        }
        let itemWidth = DisplayWidth.of(labelText) + DisplayWidth.of(value)
        let separator = " · "
        if !current.isEmpty, used + DisplayWidth.of(separator) + itemWidth <= width {
            // The dot joins the colour run next to it — the label after it, or without a
            // label the value before it — so it costs no colour change of its own.
            current.append(Span(separator, labelText.isEmpty ? (current.last?.role ?? .cardLabel) : .cardLabel))
            used += DisplayWidth.of(separator)
        } else if !current.isEmpty {
            newLine()
        }
        if itemWidth <= width - used {
            if !labelText.isEmpty { current.append(Span(labelText, .cardLabel)) }
            current.append(Span(value, role))
            used += itemWidth
            return
        }
        // Too long for one line: wrap the value, indented under its label.
        let indent = DisplayWidth.of(labelText)
        let pieces = TextLayout.wrap(value, width: max(1, width - indent))
        for (index, piece) in pieces.enumerated() {
            if index > 0 { newLine() }
            current.append(Span(index == 0 ? labelText : String(repeating: " ", count: indent), .cardLabel))
            current.append(Span(piece, role))
            used = indent + DisplayWidth.of(piece)
        }
    }

    /// Ends the current line so the next item starts a fresh one.
    mutating func newLine() {
        if !current.isEmpty { lines.append(current) }
        current = []
        used = 0
    }

    mutating func line(_ spans: StyledLine) {
        newLine()
        lines.append(spans)
    }

    mutating func finish() -> [StyledLine] {
        newLine()
        return lines
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
