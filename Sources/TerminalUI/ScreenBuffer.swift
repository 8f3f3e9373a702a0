/// One screen cell. A wide character fills its own cell and marks the next one as its
/// continuation, so the grid's columns always match the terminal's.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    /// 1 or 2 for a cell that starts a character, 0 for the right half of a wide one.
    public var width: UInt8

    public init(text: String = " ", style: Style = .plain, width: UInt8 = 1) {
        self.text = text; self.style = style; self.width = width
    }

    public static let blank = Cell()

    /// Cells are the same when they would send the same bytes: text compared byte for
    /// byte. String's own `==` compares canonical equivalence, which for two different
    /// Chinese characters takes Unicode's slow path — and a frame diff compares every
    /// cell on every key. (Equal cells still hash alike: same bytes, same hash.)
    public static func == (lhs: Cell, rhs: Cell) -> Bool {
        lhs.width == rhs.width && lhs.style == rhs.style && Cell.sameBytes(lhs.text, rhs.text)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(style)
        hasher.combine(text)
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        // A cell's text is nearly always a small string, held in the String's own 16
        // bytes: the same text is the same bits, the commonest case on any frame.
        if unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self) { return true }
        let x = a.utf8, y = b.utf8
        return x.count == y.count && x.elementsEqual(y)
    }

    /// A cell's text for one scalar; printable ASCII from a table made once.
    static func text(of scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        return v < 0x80 ? asciiTexts[Int(v)] : String(Character(scalar))
    }

    private static let asciiTexts: [String] = (0..<0x80).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// Whether `text` is one ASCII space, without String's `==` (see `sameBytes`).
    static func isSpace(_ text: String) -> Bool {
        let bytes = text.utf8
        return bytes.count == 1 && bytes.first == 0x20
    }

    static func continuation(_ style: Style) -> Cell { Cell(text: "", style: style, width: 0) }
}

public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

public struct CursorPosition: Hashable, Sendable {
    public var x: Int, y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    /// The area inside a one-cell border.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }
}

/// The whole frame, drawn completely each time and then compared with the last one by a
/// backend, which sends only what changed.
public struct ScreenBuffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should stand (a text field being edited); hidden when nil.
    public var cursor: CursorPosition?

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Writes `text` from column `x` on row `y`, clipped to `clip` (default: the whole
    /// screen). A wide character that would cross the right edge becomes a space, never
    /// half a glyph. Returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let area = clip ?? Rect(x: 0, y: 0, width: size.width, height: size.height)
        guard y >= area.y, y < area.maxY, y >= 0, y < size.height else { return x }
        let right = min(area.maxX, size.width)
        return putScalars(text, x: x, y: y, style: style, left: area.x, right: right)
    }

    /// `put` for text whose every scalar stands alone (`DisplayWidth.standsAlone`: nearly
    /// all Chinese and Latin text), in one pass over the scalars with no search for
    /// character boundaries; every frame draws thousands of cells this way. At the first
    /// scalar that does not stand alone it hands the whole text to the character path,
    /// which writes the cells written so far again, the same or (a base that a following
    /// mark or selector widens) wider.
    private mutating func putScalars(_ text: String, x: Int, y: Int, style: Style, left: Int, right: Int) -> Int {
        let rowStart = y * size.width
        var column = x
        var writing = false
        for scalar in text.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            // A scalar of no width joins the cell before it: the character path's work.
            guard w > 0, DisplayWidth.standsAlone(scalar) else { return putCharacters(text, x: x, y: y, style: style, left: left, right: right) }
            if column + w > right { return clipped(at: column, y, style: style, right: right, writing: writing) }
            if column >= left {
                if !writing { mendLeftHalf(column, y); writing = true }
                cells[rowStart + column] = Cell(text: Cell.text(of: scalar), style: style, width: UInt8(w))
                if w == 2 { cells[rowStart + column + 1] = .continuation(style) }
            }
            column += w
        }
        if writing, column < size.width, self[column, y].width == 0 { self[column, y] = Cell(text: " ", style: self[column, y].style) }
        return column
    }

    /// `put` character by character: combining marks join the cell before, emoji
    /// sequences and selectors take their own widths.
    private mutating func putCharacters(_ text: String, x: Int, y: Int, style: Style, left: Int, right: Int) -> Int {
        var column = x
        var writing = false
        for (ch, w) in Glyphs(text) {
            if w == 0 {
                // A stray combining mark joins the previous cell.
                if column > left, column - 1 < right { self[column - 1, y].text.append(ch) }
                continue
            }
            if column + w > right { return clipped(at: column, y, style: style, right: right, writing: writing) }
            if column >= left {
                // Only the run's edges can cut a wide character in half: its first cell
                // (the right half of one) and the cell after its last (checked below).
                if !writing { mendLeftHalf(column, y); writing = true }
                self[column, y] = Cell(text: String(ch), style: style, width: UInt8(w))
                if w == 2 { self[column + 1, y] = .continuation(style) }
            }
            column += w
        }
        if writing, column < size.width, self[column, y].width == 0 { self[column, y] = Cell(text: " ", style: self[column, y].style) }
        return column
    }

    /// Where a run stops at its clip's right edge: the cell there becomes a space (it may
    /// hold half of what was drawn before), or, at the edge itself, a right half left
    /// without its left (just overwritten) does.
    private mutating func clipped(at column: Int, _ y: Int, style: Style, right: Int, writing: Bool) -> Int {
        if column < right {
            clearCell(column, y, style)
        } else if writing, column < size.width, self[column, y].width == 0 {
            self[column, y] = Cell(text: " ", style: self[column, y].style)
        }
        return right
    }

    /// Before writing from `x`: a wide character whose right half is at `x` loses it, so
    /// its left half becomes a space.
    private mutating func mendLeftHalf(_ x: Int, _ y: Int) {
        if self[x, y].width == 0, x > 0, self[x - 1, y].width == 2 { self[x - 1, y] = Cell(text: " ", style: self[x - 1, y].style) }
    }

    /// Overwrites one cell with a space, first mending a wide character it cut in half.
    private mutating func clearCell(_ x: Int, _ y: Int, _ style: Style) {
        let cell = self[x, y]
        if cell.width == 0, x > 0, self[x - 1, y].width == 2 { self[x - 1, y] = Cell(text: " ", style: self[x - 1, y].style) }
        if cell.width == 2, x + 1 < size.width { self[x + 1, y] = Cell(text: " ", style: cell.style) }
        self[x, y] = Cell(text: " ", style: style)
    }

    public mutating func fill(_ rect: Rect, style: Style) {
        let left = max(0, rect.x), right = min(size.width, rect.maxX)
        guard left < right else { return }
        let blank = Cell(text: " ", style: style)
        for row in max(0, rect.y)..<min(size.height, rect.maxY) {
            // Wide characters cut by the rectangle's edges become spaces outside it.
            mendLeftHalf(left, row)
            if right < size.width, self[right, row].width == 0 { self[right, row] = Cell(text: " ", style: self[right, row].style) }
            for column in left..<right { cells[row * size.width + column] = blank }
        }
    }

    /// Each row as plain text (wide characters once, continuation cells skipped): what a
    /// screen test compares and what `tmux capture-pane` shows.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where self[x, y].width != 0 { line += self[x, y].text }
            return line
        }
    }

    /// Rows with trailing spaces removed, for tests that compare with literal sketches.
    public var trimmedLines: [String] {
        lines.map { line in
            var s = Substring(line)
            while s.last == " " { s.removeLast() }
            return String(s)
        }
    }
}
