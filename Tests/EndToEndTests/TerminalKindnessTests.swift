import Foundation
import GRDB
import Testing
@testable import KehuStore

/// The real binary in tmux as a slow SSH link and the terminals people use meet it: keys
/// split by the network, terminals this system has no description of, a dumb terminal, a
/// terminal without an alternate screen, the mouse and the clipboard.
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"), .serialized)
struct TerminalKindnessTests {
    static func demo(_ sandbox: Sandbox) throws -> String {
        let path = sandbox.path + "/kind.db"
        let made = try sandbox.kehu(["demo", "--db", path, "--customers", "30", "--seed", "5"])
        try #require(made.status == 0, "\(made.stderr)")
        return path
    }

    /// kehu on the sandbox's demo (made on first use), with `changes` to the environment
    /// and `options` before `--db`, once its list is up.
    static func open(_ sandbox: Sandbox, _ changes: [String: String] = [:], options: String = "",
                     waitingForList: Bool = true) throws -> TmuxSession {
        let path = sandbox.path + "/kind.db"
        if !FileManager.default.fileExists(atPath: path) { _ = try demo(sandbox) }
        let session = try TmuxSession(command: "\(kehuBinary) \(options) --db \(path)",
                                      environment: sandbox.environment.merging(changes) { $1 })
        if waitingForList { try session.waitFor(text: "客户 1/30") }
        return session
    }

    static func quit(_ session: TmuxSession) throws {
        try session.send("q")
        try session.waitForExit(0)
    }

    /// Sends bytes as they are (no key names), as a network delivers them.
    static func sendRaw(_ session: TmuxSession, _ text: String) throws {
        try session.tmux(["send-keys", "-t", session.name, "-l", text])
    }

    /// Sends a key's bytes in two parts, as a network may deliver them: the second only
    /// after the screen has stayed as it was for `gap` seconds, so kehu has read the
    /// first part and must not have acted on it.
    static func sendSplit(_ session: TmuxSession, _ first: String, _ rest: String, gap: Double = 0.1) throws {
        let before = try session.screen()
        try sendRaw(session, first)
        try session.settle(from: before, quiet: gap)
        #expect(try session.screen() == before, "kehu acted on half a key")
        try sendRaw(session, rest)
    }

    @Test func anArrowKeySentInTwoPartsIsOneArrow() throws {
        let session = try Self.open(Sandbox())
        // The sequence started, its last byte at least 100 ms later.
        try Self.sendSplit(session, "\u{1B}[", "B")
        let screen = try session.waitFor(text: "客户 2/30")
        // Neither Esc nor `[` was acted on: still the list, no box opened, nothing typed.
        #expect(screen.joined().contains("客户列表"))
        try Self.quit(session)
    }

    @Test func overSSHTheEscapeByteWaitsForTheRestOfItsKey() throws {
        let session = try Self.open(Sandbox(), ["SSH_CONNECTION": "192.0.2.7 50022 192.0.2.1 22"])
        // A shorter gap than the other test's: the lone escape byte waits 300 ms over SSH
        // (600 ms once `ESC [` has come), and the gap must stay under it on a busy machine.
        try Self.sendSplit(session, "\u{1B}", "[B", gap: 0.05)
        try session.waitFor(text: "客户 2/30")
        // A lone Esc still answers: help opens and Esc closes it.
        try session.send("?")
        try session.waitFor(text: "帮助 · 客户列表")
        try session.send("Escape")
        try session.waitFor("help closed") { !$0.joined().contains("帮助 · 客户列表") }
        try Self.quit(session)
    }

    @Test(arguments: ["xterm-kitty", "alacritty", "kehu-test-terminal-nobody-has"])
    func terminalsPeopleUseStart(term: String) throws {
        let session = try Self.open(Sandbox(), ["TERM": term])
        let screen = try session.screen()
        let known = FileManager.default.fileExists(atPath: "/usr/share/terminfo/\(term.prefix(1))/\(term)")
            || FileManager.default.fileExists(atPath: "/lib/terminfo/\(term.prefix(1))/\(term)")
        if !known {
            // Drawn as xterm-256color, and the user told so once.
            #expect(screen[0].contains("本机没有终端"), "\(screen[0])")
        }
        try session.send("Down")
        try session.waitFor(text: "客户 2/30")
        try Self.quit(session)
    }

    /// Frames after the first are sent as differences, moving by the tab stops kehu sets,
    /// back-tabs, backspaces and bare line feeds. What the terminal (tmux here) made of
    /// them must be what a whole redraw (C-l) shows. The status line is left out: its
    /// clock may turn between the two readings.
    static func expectTheSameAfterARedraw(_ session: TmuxSession, _ what: String) throws {
        let drawn = try session.steady()
        try session.tmux(["send-keys", "-t", session.name, "C-l"])
        try session.settle(from: drawn, quiet: 0.5)
        let redrawn = try session.steady()
        #expect(Array(drawn.dropFirst()) == Array(redrawn.dropFirst()),
                "\(what): drawn by differences\n\(drawn.joined(separator: "\n"))\nredrawn whole\n\(redrawn.joined(separator: "\n"))")
    }

    /// Keys that change the list, the card and the timeline on a 30-customer demo.
    static let browsing = ["Down", "Down", "NPage", "Down", "Up", "Tab", "Down", "Down", "BTab", "PPage", "Down", "End", "Up"]
    /// Then boxes and forms over the panes: help, a follow-up form, search as it is typed.
    static let overlays = ["?", "Escape", "Down", "l", "Escape", "Up", "/", "京", "Escape"]

    @Test(arguments: ["xterm-256color", "screen-256color", "linux"])
    func whatTheDifferencesDrewIsWhatAWholeRedrawShows(term: String) throws {
        let session = try Self.open(Sandbox(), ["TERM": term])
        let keys = Self.browsing + Self.overlays
        for (index, key) in keys.enumerated() {
            try session.send(key)
            if index % 3 == 2 { try Self.expectTheSameAfterARedraw(session, "\(term) after \(keys[...index])") }
        }
        // A narrower window: tmux resets its tab stops to every 8 columns, kehu draws
        // the whole screen again and sets its own.
        try session.resize(90, 28)
        try session.waitFor("the list at 90 columns") { $0.first { $0.hasPrefix("┏") }?.count ?? 0 < 90 }
        for key in ["Down", "NPage", "Tab", "Down"] { try session.send(key) }
        try Self.expectTheSameAfterARedraw(session, "\(term) after a resize")
        try Self.quit(session)
    }

    @Test func aLineSetToTurnTabsIntoSpacesStillShowsTheFrames() throws {
        let sandbox = Sandbox()
        let path = try Self.demo(sandbox)
        // `stty tab3`: the line would write a tab as spaces, over what the screen shows.
        // ncurses turns that off while kehu runs (and back on after), and the dialect
        // reads the line after ncurses has set it: either way no tab becomes spaces.
        let session = try TmuxSession(command: "sh -c 'stty tab3; exec \(kehuBinary) --db \(path)'", environment: sandbox.environment)
        try session.waitFor(text: "客户 1/30")
        for (index, key) in Self.browsing.enumerated() {
            try session.send(key)
            if index % 3 == 2 { try Self.expectTheSameAfterARedraw(session, "tab3 after \(Self.browsing[...index])") }
        }
        try Self.quit(session)
    }

    @Test func theUsualTabStopsAreBackAfterKehu() throws {
        let sandbox = Sandbox()
        let path = try Self.demo(sandbox)
        // kehu clears the terminal's stops and sets its own; the shell after it must
        // find one every 8 columns again ("tabs:" and a tab: x in the ninth column).
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path); status=$?; printf 'tabs:\\tx\\n'; (exit $status)",
                                      environment: sandbox.environment)
        try session.waitFor(text: "客户 1/30")
        for key in Self.browsing { try session.send(key) }
        try session.send("q")
        let after = try session.waitForExit(0)
        #expect(after.contains("tabs:   x"), "\(after.joined(separator: "\n"))")
    }

    @Test func aDumbTerminalIsRefusedWithExitNineInTheSessionsLanguage() throws {
        let sandbox = Sandbox()
        let screen = try Self.open(sandbox, ["TERM": "dumb"], waitingForList: false).waitForExit(9)
        #expect(screen.joined().contains("TERM=dumb 不能定位光标"), "\(screen.joined(separator: "\n"))")
        let english = try Self.open(sandbox, ["TERM": "dumb", "KEHU_LANG": "en"], waitingForList: false)
        #expect(try english.waitForExit(9).joined().contains("cannot place the cursor"))
    }

    @Test func aTerminalWithoutAnAlternateScreenIsClearedOnExit() throws {
        let session = try Self.open(Sandbox(), ["TERM": "linux"])
        try session.send("q")
        let after = try session.waitForExit(0)
        #expect(!after.joined().contains("客户列表"), "\(after.joined(separator: "\n"))")
    }

    @Test func aClickSelectsARowAndTheWheelScrolls() throws {
        let session = try Self.open(Sandbox())
        let first = try session.screen()
        // Rows of the list start on the screen's third line: the fourth customer is on the
        // sixth (1-based, as the SGR report counts).
        let fourth = try #require(first.firstIndex { $0.hasPrefix("┃") && !$0.contains("客户列表") }.map { first[$0 + 3] })
        let code = try #require(fourth.firstMatch(of: /[A-D][a-d]-\p{Han}[A-Z]+\d{4}/).map { String($0.output) })
        try Self.sendRaw(session, "\u{1B}[<0;5;6M\u{1B}[<0;5;6m")
        let clicked = try session.waitFor(text: "客户 4/30")
        #expect(clicked[1].contains(code), "the card shows the clicked customer: \(clicked[1])")
        try Self.sendRaw(session, "\u{1B}[<65;5;6M")
        try session.waitFor(text: "客户 7/30")
        // A click on the timeline focuses it; the list keeps its selection.
        try Self.sendRaw(session, "\u{1B}[<0;70;20M\u{1B}[<0;70;20m")
        try session.send("Down")
        #expect(try session.screen()[0].contains("客户 7/30"))
        try Self.quit(session)
    }

    /// Whether the program in the pane asked tmux for the mouse ("00": it did not).
    static func mouseFlags(_ session: TmuxSession) throws -> String {
        try session.tmux(["display-message", "-p", "-t", session.name, "#{mouse_any_flag}#{mouse_standard_flag}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func noMouseLeavesClicksToTheTerminal() throws {
        let sandbox = Sandbox()
        try "mouse = false\n".write(toFile: sandbox.path + "/config/kehu/terminal.toml", atomically: true, encoding: .utf8)
        let session = try Self.open(sandbox)
        // tmux forwards a click only to a program that asked for the mouse.
        #expect(try Self.mouseFlags(session) == "00")
        try Self.quit(session)
        // Without the file the mouse is on.
        try FileManager.default.removeItem(atPath: sandbox.path + "/config/kehu/terminal.toml")
        let withMouse = try Self.open(sandbox)
        #expect(try Self.mouseFlags(withMouse) != "00")
        try Self.quit(withMouse)
        // The option turns it off for one run.
        let flagged = try Self.open(sandbox, options: "--no-mouse")
        #expect(try Self.mouseFlags(flagged) == "00")
        try Self.quit(flagged)
    }

    /// C-o hands the terminal to $EDITOR and takes it back: the screen is drawn whole
    /// again, keys still arrive as keys, and the edited text is in the field.
    @Test func theEditorGetsTheTerminalAndKehuTakesItBack() throws {
        let sandbox = Sandbox()
        let editor = sandbox.path + "/editor.sh"
        try writeExecutable(editor, "#!/bin/sh\nprintf '编辑器加的一行' >> \"$1\"\n")
        let session = try Self.open(sandbox, ["EDITOR": editor, "VISUAL": ""])
        try session.send("e")
        try session.waitFor(text: "备注")
        for _ in 0..<19 { try session.send("Tab") }
        try session.send("C-o")
        let back = try session.waitFor(text: "编辑器加的一行")
        // Drawn whole again: the status line, the list and the form's frame.
        #expect(back[0].contains("kehu") && back.joined().contains("客户列表"), "\(back.joined(separator: "\n"))")
        try session.send("C-s")
        try session.waitFor("the form closed") { !$0.joined().contains("编辑器加的一行") || !$0.joined().contains("备注") }
        try session.send("Down")
        try session.waitFor(text: "客户 2/30")
        try Self.quit(session)
    }

    @Test func yCopiesThePhoneToTheClipboardThroughOSC52() throws {
        let sandbox = Sandbox()
        let session = try Self.open(sandbox)
        // tmux takes a program's OSC 52 into its own buffer when set-clipboard is on.
        try session.tmux(["set-option", "-s", "set-clipboard", "on"])
        try session.send("Down")
        try session.waitFor(text: "客户 2/30")
        let store = try KehuDatabase.open(path: sandbox.path + "/kind.db")
        let row = try #require(try store.customerPage(offset: 1, limit: 1).first)
        let detail = try #require(try store.detail(customerID: row.id))
        let phone = ([detail.customer.phone] + detail.contacts.flatMap { [$0.mobile, $0.phone] }).first { !$0.isEmpty } ?? ""
        let code = detail.customer.code
        try #require(!phone.isEmpty)
        try session.send("y")
        try session.waitFor(text: "已复制到剪贴板")
        try session.waitFor("the phone in tmux's buffer") { _ in (try? session.tmux(["show-buffer"]).stdout) == phone }
        #expect(try session.tmux(["show-buffer"]).stdout == phone)
        try session.send("Y")
        try session.waitFor("the code in tmux's buffer") { _ in (try? session.tmux(["show-buffer"]).stdout) == code }
        try Self.quit(session)
    }
}

/// kehu under mosh (Debian's mosh, which the set-up installs): mosh-server runs kehu,
/// mosh-client in tmux shows it; keys and a click go through mosh's own terminal.
@Suite(.enabled(if: tmuxAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/mosh-server"), "mosh and tmux are needed: .ci/run installs them"),
       .serialized)
struct MoshSessionTests {
    @Test func keysAndClicksThroughMosh() throws {
        let sandbox = Sandbox()
        let path = try TerminalKindnessTests.demo(sandbox)
        var environment = sandbox.environment
        environment["LANG"] = "C.UTF-8"
        let exports = environment.map { "\($0.key)=\($0.value)" }.sorted()
        // The server prints its port and key, detaches, and waits for the client.
        let server = try run("/usr/bin/mosh-server", ["new", "-s", "-i", "127.0.0.1", "-c", "256", "-l", "LANG=C.UTF-8", "--", "/usr/bin/env"] + exports
                             + [kehuBinary, "--db", path],
                             // A server whose client never came gives up after a minute.
                             environment: ["LANG": "C.UTF-8", "MOSH_SERVER_NETWORK_TMOUT": "60"])
        let connect = try #require((server.stdout + server.stderr).firstMatch(of: /MOSH CONNECT (\d+) (\S+)/), "\(server.stdout)\(server.stderr)")
        let session = try TmuxSession(command: "MOSH_KEY=\(connect.output.2) /usr/bin/mosh-client 127.0.0.1 \(connect.output.1)",
                                      environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
        try session.waitFor(text: "客户 1/30")
        try session.send("Down", "Down")
        try session.waitFor(text: "客户 3/30")
        try session.tmux(["send-keys", "-t", session.name, "-l", "\u{1B}[<0;5;8M\u{1B}[<0;5;8m"])
        try session.waitFor(text: "客户 6/30")
        // mosh-server reads kehu's tab stops, back-tabs and line feeds into its own screen.
        for key in TerminalKindnessTests.browsing { try session.send(key) }
        try TerminalKindnessTests.expectTheSameAfterARedraw(session, "through mosh")
        try session.send("q")
        try session.waitFor(text: "KEHU-EXIT=0")
    }
}
