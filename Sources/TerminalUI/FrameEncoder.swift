import TerminalBasics

/// Turns one frame into the bytes that bring the terminal from the last frame to it, for
/// one `write()`: over SSH every write is a packet and a round of latency, and ncurses
/// wrote a list move in 37 pieces. Only cells that look different are sent; the cursor
/// takes the shortest of the ECMA-48 moves (or rewrites a short unchanged gap), colours
/// change by the fewest SGR parameters, and blank runs are erased rather than spelled out.
public struct FrameEncoder {
    public let dialect: TerminalDialect

    /// What the terminal is known to show and do, carried from frame to frame.
    public struct TerminalState: Sendable {
        /// The frame on the terminal (its cells as kehu drew them); nil when unknown
        /// (start, resize, another program used the terminal, C-l).
        var shown: [Cell]?
        var size: Size?
        var pen: Pen?
        var cursorX: Int?
        var cursorY: Int?
        var cursorVisible: Bool?
        /// The columns (from 0) where the terminal has tab stops, all set by kehu; nil
        /// when unknown.
        var tabStops: [Int]?
        public init() {}
    }

    /// A cell as the eye sees it: a blank that erases to the terminal's own background
    /// looks the same whatever its foreground, bold or dim.
    struct Appearance: Hashable {
        var text: String
        var width: UInt8
        var pen: Pen
        /// Byte for byte, as `Cell`'s: what is sent is bytes.
        static func == (lhs: Appearance, rhs: Appearance) -> Bool {
            lhs.width == rhs.width && lhs.pen == rhs.pen && Cell.sameBytes(lhs.text, rhs.text)
        }
        func hash(into hasher: inout Hasher) {
            hasher.combine(width)
            hasher.combine(pen)
            hasher.combine(text)
        }
        var isBlank: Bool { width == 1 && Cell.isSpace(text) && pen == .plain }
    }

    public init(dialect: TerminalDialect) { self.dialect = dialect }

    func appearance(_ cell: Cell) -> Appearance { appearance(cell, pen: dialect.pen(for: cell.style)) }

    func appearance(_ cell: Cell, pen: Pen) -> Appearance {
        if Cell.isSpace(cell.text), pen.erasesToPlain { return Appearance(text: " ", width: cell.width, pen: .plain) }
        return Appearance(text: cell.text.isEmpty && cell.width != 0 ? " " : cell.text, width: cell.width, pen: pen)
    }

    /// The bytes for `frame`, given what `state` says the terminal shows; updates it.
    /// Cells are compared as drawn first (cheap); only those that differ are compared as
    /// they look, so a frame that changed little costs little.
    public func encode(_ frame: ScreenBuffer, state: inout TerminalState) -> [UInt8] {
        var out = Output(dialect: dialect, state: state, width: frame.size.width)
        let cells = frame.cells
        let before: [Cell]? = state.size == frame.size ? state.shown : nil
        if before == nil {
            // Unknown contents: clear once, then everything that is not blank is sent.
            out.setPen(.plain)
            out.bytes += Array("\u{1B}[H\u{1B}[2J".utf8)
            out.cursorX = 0; out.cursorY = 0
            if dialect.tabStops {
                // The terminal's stops are unknown (the user's own, or reset by a resize, as
                // tmux does): all cleared (TBC), kehu sets its own as it goes.
                out.bytes += Array("\u{1B}[3g".utf8)
                out.state.tabStops = []
            }
        }
        // Neighbouring cells nearly always share a style: the last style's pen is kept
        // rather than worked out again for every cell looked at.
        var penStyle = Style.plain, lastPen = dialect.pen(for: .plain)
        func pen(_ style: Style) -> Pen {
            if style != penStyle { penStyle = style; lastPen = dialect.pen(for: style) }
            return lastPen
        }
        func appearance(_ cell: Cell) -> Appearance { self.appearance(cell, pen: pen(cell.style)) }
        func look(_ i: Int) -> Appearance { appearance(cells[i]) }
        // Whether a cell shows as a blank, without making its appearance for the usual
        // cases: text other than a space never does, a space in a pen that erases plain
        // always does.
        func blank(_ i: Int) -> Bool {
            let cell = cells[i]
            if Cell.isSpace(cell.text) { return cell.width == 1 && pen(cell.style).erasesToPlain || look(i).isBlank }
            return cell.text.isEmpty && look(i).isBlank
        }
        func same(_ i: Int) -> Bool {
            guard let before else { return blank(i) }
            return cells[i] == before[i] || look(i) == appearance(before[i])
        }
        let width = frame.size.width, height = frame.size.height
        for y in 0..<height {
            let row = y * width
            var x = 0
            while x < width {
                guard cells[row + x].width != 0, !same(row + x) || (cells[row + x].width == 2 && x + 1 < width && !same(row + x + 1)) else {
                    // Unchanged, or the right half of a wide character (sent with its left).
                    // A wide character is sent again when its right half was overwritten.
                    x += 1
                    continue
                }
                if blank(row + x) {
                    var end = x
                    while end < width, blank(row + end) { end += 1 }
                    if end == width, width - x >= 3 {
                        // Blank to the end of the row: erase the line's rest.
                        out.move(to: x, y, row: row, cells: cells)
                        out.setPenErasingToPlain()
                        out.bytes.append(0x1B); out.bytes.append(0x5B); out.bytes.append(0x4B)
                        break
                    }
                    // Spelling the blanks out costs a byte each; erasing costs a sequence
                    // and a move past them afterwards.
                    if end - x >= 10 {
                        out.move(to: x, y, row: row, cells: cells)
                        out.setPenErasingToPlain()
                        out.csi(end - x, final: 0x58)              // ECH: the cursor stays
                        x = end
                        continue
                    }
                }
                let cell = look(row + x)
                if y == height - 1, x + Int(cell.width) >= width, !dialect.lastCellIsSafe { break }
                out.move(to: x, y, row: row, cells: cells)
                out.put(cell)
                x += Int(max(1, cell.width))
            }
        }
        out.placeCursor(frame.cursor, size: frame.size)
        state = out.state
        state.shown = cells
        state.size = frame.size
        return out.bytes
    }
}

/// The byte stream of one frame being built, with where the cursor and pen stand.
private struct Output {
    let dialect: TerminalDialect
    var state: FrameEncoder.TerminalState
    let width: Int
    var bytes: [UInt8] = []
    /// How many moves ended at each column in this frame.
    var arrivals: [UInt8]

    init(dialect: TerminalDialect, state: FrameEncoder.TerminalState, width: Int) {
        self.dialect = dialect
        self.state = state
        self.width = width
        arrivals = Array(repeating: 0, count: width)
        bytes.reserveCapacity(4096)
    }

    var cursorX: Int? { get { state.cursorX } set { state.cursorX = newValue } }
    var cursorY: Int? { get { state.cursorY } set { state.cursorY = newValue } }

    mutating func csi(_ n: Int, final: UInt8) {
        bytes.append(0x1B); bytes.append(0x5B)
        if n != 1 { number(n) }
        bytes.append(final)
    }

    mutating func number(_ n: Int) {
        if n >= 10 { number(n / 10) }
        bytes.append(UInt8(0x30 + n % 10))
    }

    static func digits(_ n: Int) -> Int { n >= 100 ? 3 : n >= 10 ? 2 : 1 }

    /// Moves the cursor to (x, y) by the cheapest way: rewriting the unchanged cells in
    /// between when they are few and in the current pen, tabs to the stops kehu set, a
    /// line feed, or the shortest ECMA-48 move.
    mutating func move(to x: Int, _ y: Int, row: Int, cells: [Cell]) {
        guard let cx = cursorX, let cy = cursorY else { absolute(x, y); return cameBack(to: x, cells[row + x]) }
        if cx == x && cy == y { return }
        var best = Route(cost: 4 + Self.digits(y + 1) + (x == 0 ? 0 : 1 + Self.digits(x + 1)), down: .absolute)   // CUP
        func consider(_ down: Route.Down, cost: Int, from start: Int) {
            guard cost < best.cost else { return }
            var along = self.along(from: start, to: x, row: row, cells: cells, within: best.cost - cost)
            guard cost + along.cost < best.cost else { return }
            along.down = down
            along.cost += cost
            best = along
        }
        if cy == y {
            consider(.none, cost: 0, from: cx)
            if x < cx { consider(.carriageReturn, cost: 1, from: 0) }
        } else if y == cy + 1 {
            consider(.newLine, cost: 2, from: 0)
            if dialect.lineFeedKeepsColumn { consider(.lineFeed, cost: 1, from: cx) }
        } else {
            let n = abs(y - cy)
            consider(y > cy ? .down(n) : .up(n), cost: 3 + (n == 1 ? 0 : Self.digits(n)), from: cx)
        }
        switch best.down {
        case .absolute: absolute(x, y); return cameBack(to: x, cells[row + x])
        case .none: break
        case .carriageReturn: bytes.append(0x0D)
        case .newLine: bytes.append(0x0D); bytes.append(0x0A)
        case .lineFeed: bytes.append(0x0A)
        case .down(let n): csi(n, final: 0x42)
        case .up(let n): csi(n, final: 0x41)
        }
        for _ in 0..<best.tabs { bytes.append(0x09) }
        if best.backTabs > 0 { csi(best.backTabs, final: 0x5A) }
        switch best.rest {
        case .none: break
        case .forward(let n): csi(n, final: 0x43)
        case .back(let n):
            if n < 3 + (n == 1 ? 0 : Self.digits(n)) { for _ in 0..<n { bytes.append(0x08) } } else { csi(n, final: 0x44) }
        case .column: bytes.append(0x1B); bytes.append(0x5B); number(x + 1); bytes.append(0x47)
        case .rewrite(let from):
            for i in from..<x {
                let cell = look(cells[row + i])
                if cell.width != 0 { bytes.append(contentsOf: cell.text.utf8) }
            }
        }
        cursorX = x; cursorY = y
        if case .rewrite = best.rest {} else { cameBack(to: x, cells[row + x]) }
    }

    /// A way along one row (after any move down or up), and what it costs.
    struct Route {
        enum Down { case absolute, none, carriageReturn, newLine, lineFeed, down(Int), up(Int) }
        enum Rest { case none, forward(Int), back(Int), column, rewrite(from: Int) }
        var cost: Int
        var down: Down = .none
        var tabs = 0
        var backTabs = 0
        var rest: Rest = .none
    }

    /// The cheapest way along the row from column `start` to `x`, if one costs less than
    /// `limit`: tabs to the last stop on the way then the rest, a move forward or back, a
    /// column, or the unchanged cells written again.
    func along(from start: Int, to x: Int, row: Int, cells: [Cell], within limit: Int) -> Route {
        if start == x { return Route(cost: 0) }
        var best = Route(cost: Int.max)
        func forward(from a: Int, tabs: Int) {
            let n = x - a
            if n == 0 { if tabs < best.cost { best = Route(cost: tabs, tabs: tabs) }; return }
            let step = 3 + (n == 1 ? 0 : Self.digits(n))                                       // CUF
            if tabs + step < best.cost { best = Route(cost: tabs + step, tabs: tabs, rest: .forward(n)) }
            if tabs + n < best.cost, tabs + n < limit, let pen = state.pen,
               let cost = rewriteCost(cells, row: row, from: a, to: x, pen: pen), tabs + cost < best.cost {
                best = Route(cost: tabs + cost, tabs: tabs, rest: .rewrite(from: a))
            }
        }
        if x > start {
            forward(from: start, tabs: 0)
            // Each tab goes to the next stop: as many as there are stops on the way.
            if let stops = state.tabStops {
                var tabs = 0, last = start
                for stop in stops where stop > start && stop <= x { tabs += 1; last = stop }
                if tabs > 0 { forward(from: last, tabs: tabs) }
            }
        } else {
            let n = start - x
            let step = min(n, 3 + (n == 1 ? 0 : Self.digits(n)))                                   // BS, or CUB
            if step < best.cost { best = Route(cost: step, rest: .back(n)) }
            // Back a stop at a time (CBT) to the last stop at or before x, then forward.
            if dialect.backTab, let stops = state.tabStops {
                var back = 0, landing = 0
                for stop in stops.reversed() where stop < start {
                    back += 1; landing = stop
                    if stop <= x { break }
                }
                if back > 0, landing <= x {
                    let cost = 3 + (back == 1 ? 0 : Self.digits(back))
                    if landing == x { if cost < best.cost { best = Route(cost: cost, backTabs: back) } }
                    else {
                        let n = x - landing, step = 3 + (n == 1 ? 0 : Self.digits(n))
                        if cost + step < best.cost { best = Route(cost: cost + step, backTabs: back, rest: .forward(n)) }
                    }
                }
            }
        }
        if 3 + Self.digits(x + 1) < best.cost { best = Route(cost: 3 + Self.digits(x + 1), rest: .column) }   // CHA
        return best
    }

    /// Counts the moves that ended at column `x` in this frame: where the cursor keeps
    /// being sent (a pane's edge, a column of its text), a tab stop makes every later
    /// move there one byte. Setting it costs two (ESC H), once. Not on a border: a whole
    /// frame jumps blank gaps to its borders, which later frames seldom change.
    mutating func cameBack(to x: Int, _ cell: Cell) {
        guard x >= Self.nearestTabStop, dialect.tabStops, var stops = state.tabStops, stops.count < Self.mostTabStops, !stops.contains(x) else { return }
        if let first = cell.text.unicodeScalars.first, (0x2500...0x257F).contains(first.value) { return }
        arrivals[x] += 1
        guard arrivals[x] >= 3 else { return }
        bytes.append(0x1B); bytes.append(0x48)
        stops.append(x)
        stops.sort()
        state.tabStops = stops
    }

    /// A stop nearer the row's start saves a byte or two over `ESC [ C`, and costs one
    /// on every tab past it.
    static let nearestTabStop = 4

    /// Enough for every pane edge and text column on a screen; more stops would only make
    /// the tabs to each longer.
    static let mostTabStops = 12

    /// What writing the cells from `from` up to `to` again as they are costs, when they
    /// need no pen change (all in the pen that is set, or blanks under a pen that erases
    /// plain); nil when they cannot be.
    private func rewriteCost(_ cells: [Cell], row: Int, from: Int, to: Int, pen: Pen) -> Int? {
        var cost = 0
        for i in from..<to {
            let cell = look(cells[row + i])
            if cell.width == 0 {
                if i == from { return nil }   // the right half of a character: it cannot be started there
                continue
            }
            if cell.pen != pen && !(cell.isBlank && pen.erasesToPlain) { return nil }
            cost += cell.text.utf8.count
        }
        return cost
    }

    /// A cell as it looks on this terminal (a short gap's cells, rarely: no pen kept).
    private func look(_ cell: Cell) -> FrameEncoder.Appearance { FrameEncoder(dialect: dialect).appearance(cell) }

    mutating func absolute(_ x: Int, _ y: Int) {
        bytes.append(0x1B); bytes.append(0x5B)
        number(y + 1)
        if x != 0 { bytes.append(0x3B); number(x + 1) }
        bytes.append(0x48)
        cursorX = x; cursorY = y
    }

    mutating func put(_ cell: FrameEncoder.Appearance) {
        if cell.isBlank, let pen = state.pen, pen.erasesToPlain {
            // A blank looks the same in any pen that erases plain: no colour change.
        } else {
            setPen(cell.pen)
        }
        bytes.append(contentsOf: cell.text.utf8)
        let next = (cursorX ?? 0) + Int(cell.width)
        // At the right edge the terminal waits to wrap: where the cursor is, is unsure.
        if next >= width { cursorX = nil; cursorY = nil } else { cursorX = next }
    }

    mutating func setPenErasingToPlain() {
        if let pen = state.pen, pen.erasesToPlain { return }
        setPen(.plain)
    }

    /// Changes the pen with one SGR sequence: from the current pen's parameters when
    /// known and shorter, else from a reset. (A frame changes pen a hundred times: the
    /// parameters are gathered in place, not in arrays.)
    mutating func setPen(_ target: Pen) {
        if state.pen == target { return }
        var fromReset = SGRParameters()
        if target != .plain {
            fromReset.append(0)
            fromReset.appendAttributes(target.attributes)
            if target.foreground >= 0 { fromReset.appendColor(target.foreground, background: false) }
            if target.background >= 0 { fromReset.appendColor(target.background, background: true) }
        }
        var chosen = fromReset
        if let current = state.pen {
            var step = SGRParameters()
            let removed = current.attributes.subtracting(target.attributes)
            var added = target.attributes.subtracting(current.attributes)
            if !removed.intersection([.bold, .dim]).isEmpty {
                step.append(22)
                added.formUnion(target.attributes.intersection([.bold, .dim]))
            }
            if removed.contains(.underline) { step.append(24) }
            if removed.contains(.reverse) { step.append(27) }
            step.appendAttributes(added)
            if current.foreground != target.foreground {
                if target.foreground < 0 { step.append(39) } else { step.appendColor(target.foreground, background: false) }
            }
            if current.background != target.background {
                if target.background < 0 { step.append(49) } else { step.appendColor(target.background, background: true) }
            }
            if step.length < fromReset.length { chosen = step }
        }
        bytes.append(0x1B); bytes.append(0x5B)
        for i in 0..<chosen.count {
            if i > 0 { bytes.append(0x3B) }
            number(Int(chosen[i]))
        }
        bytes.append(0x6D)
        state.pen = target
    }

    /// The cursor shows only where text is being typed (the input method's candidate
    /// window follows it); elsewhere it is hidden.
    mutating func placeCursor(_ cursor: CursorPosition?, size: Size) {
        if let cursor, cursor.x < size.width, cursor.y < size.height {
            if cursorX != cursor.x || cursorY != cursor.y { absolute(cursor.x, cursor.y) }
            if state.cursorVisible != true { bytes += dialect.showCursor; state.cursorVisible = true }
        } else if state.cursorVisible != false {
            bytes += dialect.hideCursor
            state.cursorVisible = false
        }
    }
}

/// The parameters of one SGR sequence, at most a reset, four attributes and two
/// 256-colour triples (11), each under 256: kept in place.
private struct SGRParameters {
    private var storage: (UInt64, UInt64) = (0, 0)
    private(set) var count = 0

    mutating func append(_ code: UInt8) {
        precondition(count < 16)
        withUnsafeMutableBytes(of: &storage) { $0[count] = code }
        count += 1
    }

    subscript(index: Int) -> UInt8 { withUnsafeBytes(of: storage) { $0[index] } }

    /// Bytes the parameters take when written: their digits and the semicolons between.
    var length: Int {
        var total = max(0, count - 1)
        for i in 0..<count { total += Output.digits(Int(self[i])) }
        return total
    }

    mutating func appendAttributes(_ attributes: Attributes) {
        if attributes.contains(.bold) { append(1) }
        if attributes.contains(.dim) { append(2) }
        if attributes.contains(.underline) { append(4) }
        if attributes.contains(.reverse) { append(7) }
    }

    mutating func appendColor(_ index: Int16, background: Bool) {
        let i = UInt8(index)
        if i < 8 { append((background ? 40 : 30) + i) }
        else if i < 16 { append((background ? 100 : 90) + i - 8) }
        else { append(background ? 48 : 38); append(5); append(i) }
    }
}
