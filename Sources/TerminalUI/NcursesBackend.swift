import CNcursesw
import Foundation

/// A signal that asked kehu to stop, and whether the window changed size; set by the
/// handlers, read by the run loop between keys.
nonisolated(unsafe) private var receivedSignal: Int32 = 0
nonisolated(unsafe) private var windowChanged: Int32 = 0

/// The real terminal. ncurses finds the terminal's description (terminfo), sets raw mode
/// (so C-s, C-q and C-z arrive as keys) and the alternate screen, and gives the terminal
/// back: on `stop()`, and on SIGINT, SIGTERM, SIGHUP and SIGQUIT through the run loop.
/// Frames and keys go through kehu's own `FrameEncoder` and `KeyDecoder`: one `write()`
/// per frame, and escape sequences assembled even when the network splits them.
public final class NcursesBackend: TerminalBackend {
    public private(set) var size: Size
    public private(set) var colorCount: Int
    private var previous: ScreenBuffer?
    private var screen: OpaquePointer?
    private var running = false
    private let encoder: FrameEncoder
    private var shown = FrameEncoder.TerminalState()
    private var decoder: KeyDecoder
    /// When the last input bytes arrived (monotonic ms), for the decoder's waits.
    private var lastInputAt: UInt64 = 0
    /// Where reads from the terminal land, kept from key to key.
    private var inputBuffer = [UInt8](repeating: 0, count: 4_096)
    /// The terminal reports clicks and the wheel.
    public let mouse: Bool
    /// The TERM this system has no description for, when kehu draws as xterm-256color instead.
    public private(set) var unknownTerminal: String?

    public enum StartError: Error, Equatable {
        /// Standard input or output is not a terminal.
        case notATerminal
        /// TERM names a terminal that cannot place the cursor (`dumb`, unset, a printer).
        case cannotDraw(String)
    }

    /// The TERM kehu draws as when the terminal's own name is not in this system's
    /// terminfo: what kitty, alacritty, foot, wezterm, ghostty and PuTTY all understand.
    public static let fallbackTerminal = "xterm-256color"

    /// - Parameters:
    ///   - monochrome: draw with attributes only (NO_COLOR, mono theme).
    ///   - mouse: ask the terminal for clicks and the wheel (off leaves the terminal's own
    ///     selection to the mouse).
    ///   - overSSH: the session comes over the network, where a key's bytes may arrive apart.
    /// `processPrepared`: the caller ran `prepareProcess()` on the thread that reads keys,
    /// and this may run on another.
    public init(monochrome: Bool, mouse: Bool = true, overSSH: Bool = false, processPrepared: Bool = false) throws {
        if !processPrepared { NcursesBackend.prepareProcess() }
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw StartError.notATerminal }
        let term = String(cString: kehu_term_name())
        if term.isEmpty || term == "dumb" { throw StartError.cannotDraw(term.isEmpty ? "(unset)" : term) }
        kehu_save_terminal()
        var opened = kehu_newterm(nil)
        if opened == nil {
            // An SSH client's TERM this server has no terminfo for: every terminal it
            // could be draws xterm's sequences.
            opened = kehu_newterm(NcursesBackend.fallbackTerminal)
            unknownTerminal = term
        }
        guard let screen = opened else { throw StartError.cannotDraw(term) }
        self.screen = screen
        set_term(screen)
        guard NcursesBackend.cursorAddressingIsECMA48() else {
            endwin()
            delscreen(screen)
            self.screen = nil
            throw StartError.cannotDraw(term)
        }
        raw()
        noecho()
        nonl()
        keypad(kehu_stdscr(), true)
        colorCount = 0
        if !monochrome, has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(kehu_colors())
        }
        encoder = FrameEncoder(dialect: NcursesBackend.dialect(colorCount: colorCount))
        decoder = KeyDecoder(escapeWait: overSSH ? 300 : 40, known: NcursesBackend.terminalKeys())
        self.mouse = mouse
        var height: Int32 = 0, width: Int32 = 0
        kehu_getmaxyx(kehu_stdscr(), &height, &width)
        size = Size(width: Int(width), height: Int(height))
        running = true
        NcursesBackend.installSignalHandlers()
        // Bracketed paste: the terminal wraps a paste in ESC[200~ … ESC[201~, so pasted
        // lines arrive as text, not as Enter presses that move through (or save) a form.
        NcursesBackend.writeTerminal(enterModes)
        // Should kehu crash, leave full-screen mode, show the cursor, reset colours, and
        // give back the usual tab stops.
        let leave = leaveModes + tabStopsBack + (["rmcup", "cnorm", "sgr0"] as [String]).map { String(cString: kehu_capability($0)) }.joined()
        kehu_set_leave_sequence(leave)
        kehu_install_fatal_handlers()
        kehu_hold_stderr()
    }

    /// Modes kehu turns on beside ncurses' own: bracketed paste, and the mouse in its SGR
    /// form (any column, not only the first 223).
    private var enterModes: String { "\u{1B}[?2004h" + (mouse ? "\u{1B}[?1000h\u{1B}[?1006h" : "") }
    private var leaveModes: String { (mouse ? "\u{1B}[?1006l\u{1B}[?1000l" : "") + "\u{1B}[?2004l" }

    /// The terminal's usual tab stops (every 8 columns, terminfo `it`), put back for the
    /// shell and the next program: the frames set kehu's own. Written for 320 columns,
    /// wider than any screen kehu draws on; a column past the edge lands on the last one.
    private var tabStopsBack: String {
        guard encoder.dialect.tabStops else { return "" }
        let every = Int(tigetnum("it")) > 0 ? Int(tigetnum("it")) : 8
        return "\u{1B}[3g" + stride(from: every, to: 320, by: every).map { "\u{1B}[\($0 + 1)G\u{1B}H" }.joined() + "\r"
    }

    /// Whether terminfo's cursor address is ECMA-48's `ESC [ row ; column H`, the form
    /// kehu writes its frames in (every terminal in use today; not a VT52 or a printer).
    private static func cursorAddressingIsECMA48() -> Bool {
        guard let address = kehu_cursor_address(4, 9) else { return false }
        return String(cString: address) == "\u{1B}[5;10H"
    }

    /// The terminal as the frame encoder needs it, from terminfo.
    static func dialect(colorCount: Int) -> TerminalDialect {
        func has(_ name: String) -> Bool { !String(cString: kehu_capability(name)).isEmpty }
        var attributes: Attributes = []
        if has("bold") { attributes.insert(.bold) }
        if has("smul") { attributes.insert(.underline) }
        if has("rev") { attributes.insert(.reverse) }
        if has("dim") { attributes.insert(.dim) }
        // What the line does to kehu's output before the terminal sees it: with output
        // processing on, tabs may be turned into spaces (TAB3) and line feeds into CR LF.
        // Unknown (no answer from the line): neither is counted on.
        var line = termios()
        let known = tcgetattr(STDOUT_FILENO, &line) == 0
        let processed = line.c_oflag & tcflag_t(OPOST) != 0
        let tabsExpanded = !known || processed && line.c_oflag & tcflag_t(TABDLY) == tcflag_t(TAB3)
        let lineFeedAddsReturn = !known || processed && line.c_oflag & tcflag_t(ONLCR | ONLRET) != 0
        return TerminalDialect(colorCount: colorCount, attributes: attributes,
                               lastCellIsSafe: tigetflag("xenl") > 0 || tigetflag("am") <= 0,
                               showCursor: Array(String(cString: kehu_capability("cnorm")).utf8),
                               hideCursor: Array(String(cString: kehu_capability("civis")).utf8),
                               tabStops: has("ht") && has("hts") && has("tbc") && !tabsExpanded,
                               backTab: String(cString: kehu_capability("cbt")) == "\u{1B}[Z",
                               lineFeedKeepsColumn: !lineFeedAddsReturn)
    }

    /// The terminal's own key strings (terminfo), for terminals whose keys differ from
    /// the common xterm and VT forms the decoder knows anyway.
    static func terminalKeys() -> [[UInt8]: Key] {
        var names: [(String, Key)] = [("kcuu1", Key(.up)), ("kcud1", Key(.down)), ("kcub1", Key(.left)), ("kcuf1", Key(.right)),
                                      ("khome", Key(.home)), ("kend", Key(.end)), ("kpp", Key(.pageUp)), ("knp", Key(.pageDown)),
                                      ("kdch1", Key(.delete)), ("kich1", Key(.insert)), ("kcbt", Key(.tab, shift: true)),
                                      ("kent", Key(.enter)), ("kri", Key(.up, shift: true)), ("kind", Key(.down, shift: true)),
                                      ("kLFT", Key(.left, shift: true)), ("kRIT", Key(.right, shift: true))]
        for n in 1...12 { names.append(("kf\(n)", Key(.function(n)))) }
        var keys: [[UInt8]: Key] = [:]
        for (name, key) in names {
            let value = Array(String(cString: kehu_capability(name)).utf8)
            // Only escape sequences: a terminal whose Backspace is ^H still has C-h free.
            if value.count > 1, value.first == 0x1B { keys[value] = key }
        }
        return keys
    }

    /// ncursesw draws wide characters only under a UTF-8 locale; when the environment
    /// names none (a bare SSH session, CI), C.UTF-8 is used for character handling.
    public static func prepareLocale() {
        setlocale(LC_ALL, "")
        if !namesUTF8(String(cString: kehu_codeset())) {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Whether a codeset's name is UTF-8's, however written (`UTF-8`, `utf8`). Compared
    /// byte by byte: Foundation's `replacingOccurrences` took 0.8 million instructions of
    /// every start.
    static func namesUTF8(_ codeset: String) -> Bool {
        let letters = codeset.utf8.filter { $0 != UInt8(ascii: "-") }.map { $0 | 0x20 }
        return letters.elementsEqual("utf8".utf8)
    }

    /// What the screen needs of the whole process, set on the thread that will read keys
    /// before any other thread starts: the locale (`setlocale` is not safe beside threads
    /// that use it), and the signals it answers unblocked (a mask is each thread's own,
    /// and new threads inherit it). The terminal may then be set up on another thread.
    public static func prepareProcess() {
        prepareLocale()
        // A parent may have started kehu with these blocked (some launchers and test
        // runners do): kehu would then neither resize nor stop when asked.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH] { sigaddset(&wanted, sig) }
        sigprocmask(SIG_UNBLOCK, &wanted, nil)
    }

    private static func installSignalHandlers() {
        // SIGQUIT (`kill -QUIT`) too: without a handler it dumps core over
        // the screen and leaves the terminal raw, with the form lost.
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in receivedSignal = number }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0   // no SA_RESTART: the blocking read returns so the loop can stop
            sigaction(sig, &action, nil)
        }
        // The window's new size is read by the run loop; this replaces ncurses' handler,
        // which would only tell its own key reading.
        var resize = sigaction()
        resize.__sigaction_handler.sa_handler = { _ in windowChanged = 1 }
        sigemptyset(&resize.sa_mask)
        resize.sa_flags = 0
        sigaction(SIGWINCH, &resize, nil)
    }

    /// The signal that asked kehu to stop, if any.
    public var pendingSignal: Int32? { receivedSignal == 0 ? nil : receivedSignal }

    /// The terminal is gone (hung up, closed, end of input): no key will come again.
    public private(set) var hungUp = false

    /// Gives the terminal back. Safe to call more than once.
    public func stop() {
        guard running else { return }
        running = false
        kehu_remove_fatal_handlers()
        NcursesBackend.writeTerminal(leaveModes + tabStopsBack + String(cString: kehu_capability("sgr0")))
        // A terminal without an alternate screen (the Linux console, a VT100) keeps the
        // last frame, and the shell's prompt would print over it: clear it first.
        if String(cString: kehu_capability("rmcup")).isEmpty {
            NcursesBackend.writeTerminal(String(cString: kehu_capability("clear")))
        }
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        kehu_release_stderr()
    }

    deinit { stop() }

    /// Forgets what is on the terminal, so the next frame is sent whole (C-l, after
    /// another program scribbled on the screen).
    public func invalidate() {
        previous = nil
        shown = FrameEncoder.TerminalState()
    }

    /// The frame the terminal shows now, as last sent.
    public var lastFrame: ScreenBuffer? { previous }

    /// Hands the terminal to another program (`$EDITOR`) and takes it back afterwards.
    public func suspend(while body: () -> Void) {
        NcursesBackend.writeTerminal(leaveModes + tabStopsBack)
        def_prog_mode()
        endwin()
        kehu_release_stderr()   // the editor's own messages reach the terminal
        body()
        kehu_hold_stderr()
        reset_prog_mode()
        // ncurses sends the alternate screen and keypad modes again as it resumes.
        doupdate()
        NcursesBackend.writeTerminal(enterModes)
        invalidate()
    }

    /// Sends what changed since the last frame in one `write()`.
    public func present(_ frame: ScreenBuffer) {
        let bytes = encoder.encode(frame, state: &shown)
        previous = frame
        NcursesBackend.writeAll(bytes)
    }

    /// Sends `text` to the terminal as it is, between frames: the clipboard's OSC 52.
    public func send(_ text: String) { NcursesBackend.writeTerminal(text) }

    static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return   // the terminal is gone; the run loop notices on the next read
                }
                offset += written
            }
        }
    }

    private static func milliseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000 + UInt64(now.tv_nsec) / 1_000_000
    }

    /// The next key, paste, click or resize, waiting at most `timeoutMilliseconds`.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        let deadline = NcursesBackend.milliseconds() + UInt64(max(0, timeoutMilliseconds))
        while true {
            if windowChanged != 0 {
                windowChanged = 0
                return delivered(.resize(NcursesBackend.windowSize() ?? size))
            }
            if let event = decoder.next() { return delivered(event) }
            let now = NcursesBackend.milliseconds()
            var wait = deadline > now ? Int(deadline - now) : 0
            if let rest = decoder.waitMilliseconds {
                let due = lastInputAt + UInt64(rest)
                // The rest of a sequence did not come in time: take the bytes as they stand.
                if now >= due, let event = decoder.next(expired: true) { return delivered(event) }
                if now < due { wait = min(wait, Int(due - now)) }
            }
            var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&input, 1, Int32(wait))
            if ready < 0 {
                if errno == EINTR, windowChanged != 0 { continue }
                return nil   // a signal: the run loop looks at it
            }
            if ready == 0 {
                let after = NcursesBackend.milliseconds()
                if after < deadline { continue }
                // Time is up; an unfinished sequence whose wait is over is still taken.
                if let rest = decoder.waitMilliseconds, after >= lastInputAt + UInt64(rest) { continue }
                return nil
            }
            if input.revents & Int16(POLLIN) != 0 {
                let count = read(STDIN_FILENO, &inputBuffer, inputBuffer.count)
                if count > 0 {
                    decoder.feed(inputBuffer[0..<count])
                    lastInputAt = NcursesBackend.milliseconds()
                    continue
                }
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
            }
            // A hang-up, an error, or end of input: a terminal that went away without a
            // SIGHUP reaching kehu (runuser, setsid, sudo -u) makes every read fail at
            // once, and kehu would spin.
            hungUp = true
            return nil
        }
    }

    /// The window's size as the terminal driver says now.
    private static func windowSize() -> Size? {
        guard let size = driverWindowSize() else { return nil }
        // ncurses learns it too, so that leaving full-screen mode puts the cursor in the right place.
        resize_term(Int32(size.height), Int32(size.width))
        return size
    }

    /// The window's size from the terminal driver alone, without ncurses: known before
    /// the backend is set up (on another thread), so the first screen can be read and
    /// laid out at the size it is drawn at. Nil when standard output is no terminal.
    public static func driverWindowSize() -> Size? {
        var window = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else { return nil }
        return Size(width: Int(window.ws_col), height: Int(window.ws_row))
    }

    /// A mode switch sent straight to the terminal.
    static func writeTerminal(_ text: String) {
        writeAll(Array(text.utf8))
    }

    /// The backend's size changes when a resize is handed out, not when it is read
    /// ahead: a key typed before the resize is still handled at the old size.
    private func delivered(_ event: InputEvent) -> InputEvent {
        if case .resize(let newSize) = event { size = newSize }
        return event
    }
}
