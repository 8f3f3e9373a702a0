import CNcursesw
import Foundation

/// A signal that asked kehu to stop; read by the run loop between keys.
nonisolated(unsafe) private var receivedSignal: Int32 = 0

/// The real terminal. Sets up the wide-character locale and raw mode (so C-s, C-q and
/// C-z arrive as keys), turns the one-second ESC delay down, and always gives the
/// terminal back: on `stop()`, and on SIGINT, SIGTERM, SIGHUP and SIGQUIT through the run loop.
public final class NcursesBackend: TerminalBackend {
    public private(set) var size: Size
    public private(set) var colorCount: Int
    private var previous: ScreenBuffer?
    private var pairs: [PairKey: Int16] = [:]
    private var screen: OpaquePointer?
    private var running = false
    /// An event read while looking for an Alt+key after ESC, kept for the next call.
    private var pending: InputEvent?

    private struct PairKey: Hashable { let fg: Int16; let bg: Int16 }

    public enum StartError: Error, CustomStringConvertible {
        case noTerminal(String)
        public var description: String {
            switch self { case .noTerminal(let detail): return detail }
        }
    }

    /// - Parameter monochrome: draw with attributes only (NO_COLOR, mono theme).
    public init(monochrome: Bool) throws {
        NcursesBackend.prepareLocale()
        // ncurses reads ESCDELAY at start: 25 ms tells ESC from an arrow key's escape
        // sequence even over SSH, without the default one-second wait.
        setenv("ESCDELAY", "25", 0)
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw StartError.noTerminal("kehu needs a terminal: standard input and output must be a TTY")
        }
        kehu_save_terminal()
        guard let screen = kehu_newterm() else {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            throw StartError.noTerminal("cannot use terminal type TERM=\(term)")
        }
        self.screen = screen
        set_term(screen)
        raw()
        noecho()
        nonl()
        keypad(kehu_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        NcursesBackend.defineCommonKeySequences()
        // Bracketed paste: the terminal wraps a paste in ESC[200~ … ESC[201~, so pasted
        // lines arrive as text, not as Enter presses that move through (or save) a form.
        _ = define_key("\u{1B}[200~", NcursesBackend.pasteStart)
        _ = define_key("\u{1B}[201~", NcursesBackend.pasteEnd)
        NcursesBackend.writeTerminal("\u{1B}[?2004h")
        colorCount = 0
        if !monochrome, has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(kehu_colors())
        }
        var height: Int32 = 0, width: Int32 = 0
        kehu_getmaxyx(kehu_stdscr(), &height, &width)
        size = Size(width: Int(width), height: Int(height))
        running = true
        NcursesBackend.installSignalHandlers()
        // Should kehu crash, leave full-screen mode, show the cursor, reset colours.
        let capabilities: [String] = ["rmcup", "cnorm", "sgr0"]
        let leave = "\u{1B}[?2004l" + capabilities.map { name -> String in
            guard let value = kehu_capability(name) else { return "" }
            return String(cString: value)
        }.joined()
        kehu_set_leave_sequence(leave)
        kehu_install_fatal_handlers()
        kehu_hold_stderr()
    }

    /// Terminals disagree on Home and End (vt220 `ESC[1~`, xterm `ESC[H` or `ESC OH`, rxvt
    /// `ESC[7~`), and over SSH TERM often names a different terminal than the one in use.
    /// Accepting every common form keeps the keys working whatever TERM says.
    private static func defineCommonKeySequences() {
        let home = ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"]
        let end = ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"]
        for sequence in home { _ = define_key(sequence, KEY_HOME) }
        for sequence in end { _ = define_key(sequence, KEY_END) }
    }

    /// ncursesw draws wide characters only under a UTF-8 locale; when the environment
    /// names none (a bare SSH session, CI), C.UTF-8 is used for character handling.
    public static func prepareLocale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: kehu_codeset())
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    private static func installSignalHandlers() {
        // A parent may have started kehu with these blocked (some launchers and test
        // runners do): kehu would then neither resize nor stop when asked.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH] { sigaddset(&wanted, sig) }
        sigprocmask(SIG_UNBLOCK, &wanted, nil)
        // SIGQUIT (`kill -QUIT`) too: without a handler it dumps core over
        // the screen and leaves the terminal raw, with the form lost.
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in receivedSignal = number }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0   // no SA_RESTART: the blocking read returns so the loop can stop
            sigaction(sig, &action, nil)
        }
    }

    /// The signal that asked kehu to stop, if any.
    public var pendingSignal: Int32? { receivedSignal == 0 ? nil : receivedSignal }

    /// The terminal is gone (hung up, closed, end of input): no key will come again.
    public private(set) var hungUp = false

    /// Whether standard input reports a hang-up, an error or end of input right now,
    /// asked without waiting and without reading anything.
    static func inputHungUp() -> Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) > 0 else { return false }
        if input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        // Readable yet nothing to read: end of input (a pipe or file whose writer left).
        var available: Int32 = 0
        return input.revents & Int16(POLLIN) != 0 && ioctl(STDIN_FILENO, UInt(FIONREAD), &available) == 0 && available == 0
    }

    /// Gives the terminal back. Safe to call more than once.
    public func stop() {
        guard running else { return }
        running = false
        kehu_remove_fatal_handlers()
        endwin()
        NcursesBackend.writeTerminal("\u{1B}[?2004l")
        if let screen { delscreen(screen) }
        screen = nil
        kehu_release_stderr()
    }

    deinit { stop() }

    /// Forgets what is on the terminal, so the next frame is sent whole (C-l, after
    /// another program scribbled on the screen).
    public func invalidate() {
        previous = nil
    }

    /// The frame the terminal shows now, as last sent.
    public var lastFrame: ScreenBuffer? { previous }

    /// Hands the terminal to another program (`$EDITOR`) and takes it back afterwards.
    public func suspend(while body: () -> Void) {
        def_prog_mode()
        endwin()
        kehu_release_stderr()   // the editor's own messages reach the terminal
        body()
        kehu_hold_stderr()
        reset_prog_mode()
        previous = nil
        clearok(kehu_stdscr(), true)
    }

    public func present(_ incoming: ScreenBuffer) {
        let frame = Self.blanksCarryingColour(incoming)
        let full = previous?.size != frame.size
        if full {
            // After a resize the terminal's contents are unknown: repaint once, completely.
            clearok(kehu_stdscr(), true)
        }
        for y in 0..<frame.size.height {
            for x in 0..<frame.size.width {
                let cell = frame[x, y]
                if cell.width == 0 { continue }
                if !full, let previous, previous[x, y] == cell,
                   cell.width == 1 || previous[x + 1, y] == frame[x + 1, y] { continue }
                draw(cell, x: x, y: y)
            }
        }
        previous = frame
        // The cursor shows only where text is being typed; the input method's candidate
        // window follows it there.
        if let cursor = frame.cursor, cursor.x < frame.size.width, cursor.y < frame.size.height {
            curs_set(1)
            wmove(kehu_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(kehu_stdscr())
        doupdate()
    }

    /// A blank on the default background looks the same in any foreground colour, so it
    /// takes the colour of the text before it on its row. The terminal then needs no
    /// colour change around the gaps between words and columns: about a fifth less on the
    /// wire for a list move (measured by kehu-bench).
    static func blanksCarryingColour(_ frame: ScreenBuffer) -> ScreenBuffer {
        var result = frame
        let invisibleOnBlank: Attributes = [.bold, .dim]
        for y in 0..<frame.size.height {
            var carried = Style.plain
            for x in 0..<frame.size.width {
                let cell = frame[x, y]
                if cell.text == " ", cell.style.background == .terminalDefault, cell.style.attributes.isSubset(of: invisibleOnBlank) {
                    result[x, y] = Cell(text: " ", style: carried, width: cell.width)
                } else if cell.style.background != .terminalDefault || cell.style.attributes.contains(.reverse)
                            || cell.style.attributes.contains(.underline) {
                    carried = .plain
                } else {
                    carried = Style(foreground: cell.style.foreground, attributes: cell.style.attributes.intersection(invisibleOnBlank))
                }
            }
        }
        return result
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        var attrs = kehu_a_normal()
        if cell.style.attributes.contains(.bold) { attrs |= kehu_a_bold() }
        if cell.style.attributes.contains(.underline) { attrs |= kehu_a_underline() }
        if cell.style.attributes.contains(.reverse) { attrs |= kehu_a_reverse() }
        if cell.style.attributes.contains(.dim) || cell.style.foreground.isGreyOnEightColours(palette: colorCount) { attrs |= kehu_a_dim() }
        let pair = colorPair(cell.style)
        var scalars = cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        scalars.append(0)
        _ = kehu_put_cell(Int32(y), Int32(x), scalars, attrs, pair)
    }

    private func colorIndex(_ color: Color, asBackground: Bool = false) -> Int16 {
        switch color.degraded(toPalette: colorCount, asBackground: asBackground) {
        case .terminalDefault: return -1
        case .indexed(let i): return Int16(i)
        }
    }

    /// Colour pairs are made as styles need them; past the terminal's limit the
    /// terminal's default colours are used rather than failing.
    private func colorPair(_ style: Style) -> Int16 {
        guard colorCount > 0 else { return 0 }
        let key = PairKey(fg: colorIndex(style.foreground), bg: colorIndex(style.background, asBackground: true))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < kehu_color_pairs() else { return 0 }
        init_pair(next, key.fg, key.bg)
        pairs[key] = next
        return next
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        if let event = pending {
            pending = nil
            return delivered(event)
        }
        wtimeout(kehu_stdscr(), Int32(timeoutMilliseconds))
        var code: wint_t = 0
        let result = wget_wch(kehu_stdscr(), &code)
        if result == ERR {
            // Nothing typed in time — or nothing will ever come: a terminal that went away
            // without a SIGHUP reaching kehu (runuser, setsid, sudo -u) makes every read
            // fail at once, and kehu would spin.
            if Self.inputHungUp() { hungUp = true }
            return nil
        }
        if result == kehu_key_code_yes(), Int32(code) == NcursesBackend.pasteStart { return readPaste() }
        if result == kehu_key_code_yes() { return codeEvent(code).map(delivered) }
        if code == 27 {
            // ESC followed at once by a character is Alt+character; anything else that
            // follows (a resize, an arrow) is kept for the next call, not lost.
            wtimeout(kehu_stdscr(), 0)
            var follow: wint_t = 0
            let followResult = wget_wch(kehu_stdscr(), &follow)
            if followResult == OK, follow != 27, let key = NcursesBackend.characterKey(follow) {
                var alt = key
                alt.alt = true
                return .key(alt)
            }
            if followResult == kehu_key_code_yes() { pending = codeEvent(follow) }
            if followResult == OK, follow == 27 { pending = .key(Key(.escape)) }
            return .key(Key(.escape))
        }
        return NcursesBackend.characterKey(code).map(InputEvent.key)
    }

    /// A mode switch sent straight to the terminal (outside ncurses' own output).
    static func writeTerminal(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// Key codes of our own for the paste's brackets (above ncurses' KEY_MAX).
    static let pasteStart: Int32 = 0o1000 + 1
    static let pasteEnd: Int32 = 0o1000 + 2

    /// The text between the paste's brackets, read to its end: Return and line feeds as
    /// `\n` (CR LF once), tabs kept. A paste whose end never comes (a terminal gone) ends
    /// with what arrived.
    private func readPaste() -> InputEvent {
        var text = ""
        var lastWasReturn = false
        while true {
            wtimeout(kehu_stdscr(), 2_000)
            var code: wint_t = 0
            let result = wget_wch(kehu_stdscr(), &code)
            if result == ERR { break }
            if result == kehu_key_code_yes() {
                if Int32(code) == NcursesBackend.pasteEnd { break }
                if Int32(code) == KEY_ENTER { text.append("\n") }
                continue
            }
            switch code {
            case 13: text.append("\n"); lastWasReturn = true; continue
            case 10: if !lastWasReturn { text.append("\n") }
            default:
                if let scalar = Unicode.Scalar(UInt32(code)) { text.unicodeScalars.append(scalar) }
            }
            lastWasReturn = false
        }
        return .paste(text)
    }

    /// The backend's size changes when a resize is handed out, not when it is read
    /// ahead: a key typed before the resize is still handled at the old size.
    private func delivered(_ event: InputEvent) -> InputEvent {
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    private func codeEvent(_ code: wint_t) -> InputEvent? {
        if Int32(code) == kehu_key_resize() {
            var height: Int32 = 0, width: Int32 = 0
            kehu_getmaxyx(kehu_stdscr(), &height, &width)
            return .resize(Size(width: Int(width), height: Int(height)))
        }
        return NcursesBackend.functionKey(Int32(code)).map(InputEvent.key)
    }

    static func characterKey(_ code: wint_t) -> Key? {
        switch code {
        case 9: return Key(.tab)
        case 10, 13: return Key(.enter)
        case 27: return Key(.escape)
        case 8, 127: return Key(.backspace)
        case 0: return Key(.space, control: true)
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + code))))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .char(Character(scalar))
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return Key(.up)
        case KEY_DOWN: return Key(.down)
        case KEY_LEFT: return Key(.left)
        case KEY_RIGHT: return Key(.right)
        case KEY_SR: return Key(.up, shift: true)
        case KEY_SF: return Key(.down, shift: true)
        case KEY_SLEFT: return Key(.left, shift: true)
        case KEY_SRIGHT: return Key(.right, shift: true)
        case KEY_PPAGE: return Key(.pageUp)
        case KEY_NPAGE: return Key(.pageDown)
        case KEY_HOME: return Key(.home)
        case KEY_END: return Key(.end)
        case KEY_ENTER: return Key(.enter)
        case KEY_BACKSPACE: return Key(.backspace)
        case KEY_DC: return Key(.delete)
        case KEY_IC: return Key(.insert)
        case KEY_BTAB: return Key(.tab, shift: true)
        case (KEY_F0 + 1)...(KEY_F0 + 12): return Key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }
}
