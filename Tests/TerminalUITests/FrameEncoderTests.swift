import Testing
@testable import TerminalUI
import TerminalBasics

/// A terminal in memory that understands what the frame encoder writes (ECMA-48 cursor
/// moves, erases and SGR, tabs and tab stops, UTF-8 text): the frames it ends up showing
/// are compared with the frames kehu meant to show.
struct VirtualTerminal {
    struct Shown: Equatable { var text: String; var width: UInt8; var pen: Pen }
    let size: Size
    var cells: [Shown]
    var x = 0, y = 0
    var pen = Pen.plain
    /// The stops a terminal starts with; `tabs -3` or a resize in tmux sets others.
    var tabStops: Set<Int>
    /// The line adds a carriage return to each line feed (`onlcr`).
    var lineFeedReturns = false

    init(size: Size, tabStops: Set<Int>? = nil) {
        self.size = size
        cells = Array(repeating: Shown(text: " ", width: 1, pen: .plain), count: size.width * size.height)
        self.tabStops = tabStops ?? Set(stride(from: 8, to: size.width, by: 8))
    }

    mutating func apply(_ bytes: [UInt8]) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B, i + 1 < bytes.count, bytes[i + 1] == 0x5B {
                var j = i + 2
                while j < bytes.count, (0x20...0x3F).contains(bytes[j]) { j += 1 }
                let params = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
                control(params, final: bytes[j])
                i = j + 1
            } else if b == 0x1B, i + 1 < bytes.count, bytes[i + 1] == 0x48 {
                tabStops.insert(min(x, size.width - 1)); i += 2                      // HTS
            } else if b == 0x0D { x = 0; i += 1 }
            else if b == 0x0A { y = min(size.height - 1, y + 1); if lineFeedReturns { x = 0 }; i += 1 }
            else if b == 0x08 { x = max(0, min(x, size.width - 1) - 1); i += 1 }
            else if b == 0x09 {
                x = tabStops.filter { $0 > x }.min() ?? size.width - 1; i += 1    // HT: the next stop, or the last column
            }
            else {
                let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                let text = String(decoding: bytes[i..<(i + length)], as: UTF8.self)
                let width = DisplayWidth.of(text)
                if width == 0, x > 0 { cells[y * size.width + x - 1].text += text }
                else if x < size.width {
                    cells[y * size.width + x] = Shown(text: text, width: UInt8(width), pen: pen)
                    if width == 2, x + 1 < size.width { cells[y * size.width + x + 1] = Shown(text: "", width: 0, pen: pen) }
                    x = min(size.width, x + width)
                }
                i += length
            }
        }
    }

    private mutating func control(_ params: String, final: UInt8) {
        let numbers = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        func n(_ k: Int, _ fallback: Int = 1) -> Int { k < numbers.count && numbers[k] != 0 ? numbers[k] : fallback }
        let column = min(x, size.width - 1)
        switch final {
        case 0x48: y = n(0) - 1; x = n(1) - 1
        case 0x47: x = n(0) - 1
        case 0x64: y = n(0) - 1
        case 0x43: x = min(size.width - 1, column + n(0))
        case 0x44: x = max(0, column - n(0))
        case 0x41: y = max(0, y - n(0))
        case 0x42: y = min(size.height - 1, y + n(0))
        case 0x58: for k in column..<min(size.width, column + n(0)) { erase(k, y) }
        case 0x4B: for k in column..<size.width { erase(k, y) }
        case 0x4A: for k in 0..<cells.count { cells[k] = Shown(text: " ", width: 1, pen: .plain) }
        case 0x6D: sgr(params.isEmpty ? [0] : numbers)
        case 0x5A:                                                                          // CBT
            x = column
            for _ in 0..<n(0) { x = tabStops.filter { $0 < x }.max() ?? 0 }
        case 0x67: if n(0, 0) == 3 { tabStops = [] } else { tabStops.remove(column) }   // TBC
        case 0x68, 0x6C: break   // modes (the cursor shown or hidden)
        default: Issue.record("unexpected sequence ESC [ \(params) \(Character(Unicode.Scalar(final)))")
        }
    }

    private mutating func erase(_ k: Int, _ row: Int) {
        cells[row * size.width + k] = Shown(text: " ", width: 1, pen: Pen(foreground: -1, background: pen.background, attributes: []))
    }

    private mutating func sgr(_ codes: [Int]) {
        var k = 0
        while k < codes.count {
            let c = codes[k]
            switch c {
            case 0: pen = .plain
            case 1: pen.attributes.insert(.bold)
            case 2: pen.attributes.insert(.dim)
            case 4: pen.attributes.insert(.underline)
            case 7: pen.attributes.insert(.reverse)
            case 22: pen.attributes.subtract([.bold, .dim])
            case 24: pen.attributes.remove(.underline)
            case 27: pen.attributes.remove(.reverse)
            case 30...37: pen.foreground = Int16(c - 30)
            case 39: pen.foreground = -1
            case 40...47: pen.background = Int16(c - 40)
            case 49: pen.background = -1
            case 90...97: pen.foreground = Int16(c - 90 + 8)
            case 100...107: pen.background = Int16(c - 100 + 8)
            case 38: pen.foreground = Int16(codes[k + 2]); k += 2
            case 48: pen.background = Int16(codes[k + 2]); k += 2
            default: Issue.record("unexpected SGR \(c)")
            }
            k += 1
        }
    }

    /// Whether the terminal shows `frame` as the encoder's dialect draws it.
    func shows(_ frame: ScreenBuffer, encoder: FrameEncoder) -> Bool {
        for (k, cell) in frame.cells.enumerated() {
            let wanted = encoder.appearance(cell)
            var have = cells[k]
            if have.text == " ", have.pen.erasesToPlain { have.pen = .plain }
            if wanted.width == 0 { if have.width != 0 { return false } else { continue } }
            if have != Shown(text: wanted.text, width: wanted.width, pen: wanted.pen) { return false }
        }
        return true
    }
}

@Suite struct FrameEncoderTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    static let styles: [Style] = [
        .plain, Style(foreground: .indexed(7)), Style(foreground: .indexed(8)), Style(foreground: .indexed(11), attributes: [.bold]),
        Style(foreground: .indexed(0), background: .indexed(14)), Style(attributes: [.reverse]), Style(foreground: .indexed(2), attributes: [.dim]),
        Style(foreground: .indexed(208), background: .indexed(236)), Style(attributes: [.underline]),
    ]
    static let words = ["北京华美", "Aa-京BJ0033", "  ", "客户 28/100000", "·", "┃", "010-3648 7097", "é", "ｘ", "      ", "━━━━", "…"]

    static func scribble(_ frame: inout ScreenBuffer, rng: inout Generator, strokes: Int) {
        // Now and then a pane's column changes on most rows, as a list move changes the
        // card: the moves the encoder keeps making there are what its tab stops are for.
        if Int.random(in: 0..<3, using: &rng) == 0 {
            let x = [5, 9, 15].randomElement(using: &rng)!
            for y in 0..<frame.size.height where Int.random(in: 0..<4, using: &rng) > 0 {
                frame.put(words.randomElement(using: &rng)!, x: x, y: y, style: styles.randomElement(using: &rng)!)
            }
        }
        for _ in 0..<strokes {
            let y = Int.random(in: 0..<frame.size.height, using: &rng)
            let x = Int.random(in: 0..<frame.size.width, using: &rng)
            let style = styles.randomElement(using: &rng)!
            if Int.random(in: 0..<5, using: &rng) == 0 {
                frame.fill(Rect(x: x, y: y, width: Int.random(in: 1...frame.size.width, using: &rng), height: 1), style: style)
            } else {
                frame.put(words.randomElement(using: &rng)!, x: x, y: y, style: style)
            }
        }
    }

    @Test(arguments: [256, 16, 8, 0])
    func theTerminalEndsUpShowingEachFrame(colours: Int) {
        let dialects = [TerminalDialect(colorCount: colours),
                        TerminalDialect(colorCount: colours, attributes: [.bold, .reverse], lastCellIsSafe: false, tabStops: false, lineFeedKeepsColumn: false),
                        TerminalDialect(colorCount: colours, backTab: false)]
        for dialect in dialects {
            let encoder = FrameEncoder(dialect: dialect)
            var rng = Generator(state: UInt64(colours) + 7)
            let size = Size(width: 23, height: 7)
            // Stops the user set (`tabs 3,5,11`): kehu must not count on the usual ones.
            var terminal = VirtualTerminal(size: size, tabStops: [3, 5, 11])
            terminal.lineFeedReturns = !dialect.lineFeedKeepsColumn
            var state = FrameEncoder.TerminalState()
            var frame = ScreenBuffer(size: size)
            var moves: Set<UInt8> = []
            for round in 0..<400 {
                Self.scribble(&frame, rng: &rng, strokes: round % 10 == 0 ? 30 : Int.random(in: 0...4, using: &rng))
                frame.cursor = round % 7 == 0 ? CursorPosition(x: round % size.width, y: round % size.height) : nil
                if !dialect.lastCellIsSafe {
                    // A terminal that scrolls on its last cell: kehu never draws there (the hint line ends blank).
                    frame[size.width - 1, size.height - 1] = .blank
                    if frame[size.width - 2, size.height - 1].width == 2 { frame[size.width - 2, size.height - 1] = .blank }
                }
                if round % 50 == 49 { state = FrameEncoder.TerminalState() }   // C-l, a resize: sent whole
                let bytes = encoder.encode(frame, state: &state)
                terminal.apply(bytes)
                #expect(terminal.shows(frame, encoder: encoder), "round \(round), \(colours) colours")
                if !terminal.shows(frame, encoder: encoder) { return }
                moves.formUnion(Self.cheapMoves(bytes))
            }
            // The frames went through every way of moving the dialect allows.
            var wanted: Set<UInt8> = [0x08]
            if dialect.tabStops { wanted.formUnion([0x09, 0x48]) }
            if dialect.backTab { wanted.insert(0x5A) }
            if dialect.lineFeedKeepsColumn { wanted.insert(0x0A) }
            #expect(wanted.isSubset(of: moves), "\(colours) colours: moves used \(moves.sorted())")
        }
    }

    /// The cheap moves a frame's bytes use: HT, BS, a line feed without a carriage return
    /// before it, ESC H (a stop set; `H` stands for it) and CSI … Z (a back-tab; `Z`).
    static func cheapMoves(_ bytes: [UInt8]) -> Set<UInt8> {
        var found: Set<UInt8> = []
        var k = 0
        while k < bytes.count {
            let byte = bytes[k]
            if byte == 0x1B, k + 1 < bytes.count, bytes[k + 1] == 0x48 { found.insert(0x48); k += 2; continue }
            if byte == 0x1B, k + 1 < bytes.count, bytes[k + 1] == 0x5B {
                var end = k + 2
                while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }
                if end < bytes.count, bytes[end] == 0x5A { found.insert(0x5A) }
                k = end + 1
                continue
            }
            if byte == 0x09 || byte == 0x08 || byte == 0x0A && (k == 0 || bytes[k - 1] != 0x0D) { found.insert(byte) }
            k += 1
        }
        return found
    }

    @Test func anUnchangedFrameSendsNothingAndOneChangedCellLittle() {
        let encoder = FrameEncoder(dialect: .xterm256)
        var state = FrameEncoder.TerminalState()
        var frame = ScreenBuffer(size: Size(width: 100, height: 30))
        frame.put("北京华美化工有限公司", x: 10, y: 5, style: Style(foreground: .indexed(11)))
        let whole = encoder.encode(frame, state: &state)
        #expect(whole.starts(with: Array("\u{1B}[m\u{1B}[H\u{1B}[2J".utf8)))
        #expect(encoder.encode(frame, state: &state).isEmpty)
        frame.put("津", x: 12, y: 5, style: Style(foreground: .indexed(11)))
        let one = encoder.encode(frame, state: &state)
        // Back along the row from where the last text ended, and the character: the pen
        // is still the yellow of that text.
        #expect(one == Array("\u{1B}[18D津".utf8))
    }

    @Test func blanksKeepThePenAndLongRunsAreErased() {
        let encoder = FrameEncoder(dialect: .xterm256)
        var state = FrameEncoder.TerminalState()
        var frame = ScreenBuffer(size: Size(width: 40, height: 3))
        frame.put(String(repeating: "x", count: 40), x: 0, y: 1, style: Style(foreground: .indexed(2)))
        _ = encoder.encode(frame, state: &state)
        frame.put("ab" + String(repeating: " ", count: 38), x: 0, y: 1, style: Style(foreground: .indexed(2)))
        let bytes = encoder.encode(frame, state: &state)
        // x → a, b: two letters; the rest of the row erased with one sequence.
        #expect(bytes == Array("\u{1B}[2Hab\u{1B}[K".utf8))
    }

    /// A frame of `width`×`height` with `text` at column `x` of every row but the last.
    static func column(_ text: String, x: Int, width: Int = 60, height: Int = 8) -> ScreenBuffer {
        var frame = ScreenBuffer(size: Size(width: width, height: height))
        for y in 0..<(height - 1) { frame.put(text + String(y), x: x, y: y, style: .plain) }
        return frame
    }

    @Test func aColumnTheCursorKeepsGoingToGetsATabStop() {
        let encoder = FrameEncoder(dialect: .xterm256)
        var state = FrameEncoder.TerminalState()
        var terminal = VirtualTerminal(size: Size(width: 60, height: 8))
        let whole = encoder.encode(Self.column("北京", x: 30), state: &state)
        terminal.apply(whole)
        let text = String(decoding: whole, as: UTF8.self)
        // The user's own stops are cleared before kehu counts on any; the third move to
        // column 30 sets a stop there (ESC H), once.
        #expect(text.hasPrefix("\u{1B}[m\u{1B}[H\u{1B}[2J\u{1B}[3g"), "\(text.debugDescription)")
        #expect(text.components(separatedBy: "\u{1B}H").count == 2, "\(text.debugDescription)")
        // The next frame goes there by tabs alone: up and back a stop to the first row,
        // then 3 bytes of moving for each line's change (CR LF HT), not 5 (LF ESC [ 4 D).
        let next = encoder.encode(Self.column("广州", x: 30), state: &state)
        terminal.apply(next)
        #expect(terminal.shows(Self.column("广州", x: 30), encoder: encoder))
        #expect(String(decoding: next, as: UTF8.self) == "\u{1B}[6A\u{1B}[Z广州" + String(repeating: "\r\n\t广州", count: 6))
        var plain = FrameEncoder.TerminalState()
        let noTabs = FrameEncoder(dialect: TerminalDialect(colorCount: 256, tabStops: false))
        _ = noTabs.encode(Self.column("北京", x: 30), state: &plain)
        let moved = noTabs.encode(Self.column("广州", x: 30), state: &plain)
        #expect(String(decoding: moved, as: UTF8.self) == "\u{1B}[1;31H广州" + String(repeating: "\n\u{1B}[4D广州", count: 6))
    }
}
