import TerminalBasics

/// What kehu needs to know about the terminal to write its frames itself: the ECMA-48
/// sequences (cursor position, SGR) every terminal in use today understands, which of
/// the attributes it shows, how many colours, and whether writing the last column wraps
/// at once. Read from terminfo by the backend; a plain value, so frames can be encoded
/// and checked without a terminal.
public struct TerminalDialect: Hashable, Sendable {
    /// 256, 16 or 8 colours, or 0 to draw with attributes only.
    public var colorCount: Int
    /// The attributes the terminal has sequences for; the others are left out.
    public var attributes: Attributes
    /// Writing the bottom-right cell does not scroll the screen: the terminal waits for
    /// the next character before wrapping (terminfo `xenl`), or never wraps (no `am`).
    public var lastCellIsSafe: Bool
    /// Shows and hides the cursor (terminfo `cnorm`, `civis`); empty when it has none.
    public var showCursor: [UInt8]
    public var hideCursor: [UInt8]
    /// The terminal has tab stops kehu may set and clear (terminfo `ht`, `hts`, `tbc`:
    /// every VT100 descendant), and the line does not turn its tabs into spaces: a tab
    /// is then a one-byte move to a column kehu keeps coming back to.
    public var tabStops: Bool
    /// It also goes back a stop (CBT, terminfo `cbt`; not the Linux console).
    public var backTab: Bool
    /// A line feed goes straight down, keeping the column: the line does not add a
    /// carriage return to it (`-onlcr`, as kehu sets the terminal).
    public var lineFeedKeepsColumn: Bool

    public init(colorCount: Int, attributes: Attributes = [.bold, .underline, .reverse, .dim], lastCellIsSafe: Bool = true,
                showCursor: [UInt8] = Array("\u{1B}[?25h".utf8), hideCursor: [UInt8] = Array("\u{1B}[?25l".utf8),
                tabStops: Bool = true, backTab: Bool = true, lineFeedKeepsColumn: Bool = true) {
        self.colorCount = colorCount
        self.attributes = attributes
        self.lastCellIsSafe = lastCellIsSafe
        self.showCursor = showCursor
        self.hideCursor = hideCursor
        self.tabStops = tabStops
        self.backTab = tabStops && backTab
        self.lineFeedKeepsColumn = lineFeedKeepsColumn
    }

    /// xterm and its many descendants (kitty, alacritty, foot, wezterm, tmux, screen).
    public static let xterm256 = TerminalDialect(colorCount: 256)

    /// What a cell looks like on this terminal: its colours brought down to the palette
    /// (the pen), and grey text dimmed where the palette has no grey.
    public func pen(for style: Style) -> Pen {
        var attributes = style.attributes.intersection(self.attributes)
        guard colorCount > 0 else { return Pen(foreground: -1, background: -1, attributes: attributes) }
        if style.foreground.isGreyOnEightColours(palette: colorCount), self.attributes.contains(.dim) { attributes.insert(.dim) }
        return Pen(foreground: Self.index(style.foreground.degraded(toPalette: colorCount)),
                   background: Self.index(style.background.degraded(toPalette: colorCount, asBackground: true)),
                   attributes: attributes)
    }

    private static func index(_ color: Color) -> Int16 {
        switch color {
        case .terminalDefault: return -1
        case .indexed(let i): return Int16(i)
        }
    }
}

/// The terminal's drawing state: colours as palette indices (-1 the terminal's default)
/// and attributes. Two styles with the same pen look the same on this terminal.
public struct Pen: Hashable, Sendable {
    public var foreground: Int16
    public var background: Int16
    public var attributes: Attributes

    public static let plain = Pen(foreground: -1, background: -1, attributes: [])

    /// Whether an erased cell takes this pen's look: terminals erase with the current
    /// background, and a blank shows nothing of the foreground, bold or dim.
    var erasesToPlain: Bool {
        background == -1 && !attributes.contains(.reverse) && !attributes.contains(.underline)
    }
}
