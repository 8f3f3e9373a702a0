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

    /// Sends bytes as they are (no key names), as a network delivers them.
    static func sendRaw(_ session: TmuxSession, _ text: String) throws {
        try session.tmux(["send-keys", "-t", session.name, "-l", text])
    }

    @Test func anArrowKeySentInTwoPartsIsOneArrow() throws {
        let sandbox = Sandbox()
        let path = try Self.demo(sandbox)
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: sandbox.environment)
        try session.waitFor(text: "客户 1/30")
        // The sequence started, its last byte 100 ms later (the gap is the test's input).
        try Self.sendRaw(session, "\u{1B}[")
        Thread.sleep(forTimeInterval: 0.1)
        try Self.sendRaw(session, "B")
        let screen = try session.waitFor(text: "客户 2/30")
        // Neither Esc nor `[` was acted on: still the list, no box opened, nothing typed.
        #expect(screen.joined().contains("客户列表"))
        try session.send("q")
        try session.waitForExit(0)
    }

    @Test func overSSHTheEscapeByteWaitsForTheRestOfItsKey() throws {
        let sandbox = Sandbox()
        let path = try Self.demo(sandbox)
        var environment = sandbox.environment
        environment["SSH_CONNECTION"] = "192.0.2.7 50022 192.0.2.1 22"
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: environment)
        try session.waitFor(text: "客户 1/30")
        try Self.sendRaw(session, "\u{1B}")
        Thread.sleep(forTimeInterval: 0.1)
        try Self.sendRaw(session, "[B")
        try session.waitFor(text: "客户 2/30")
        // A lone Esc still answers: help opens and Esc closes it.
        try session.send("?")
        try session.waitFor(text: "帮助 · 客户列表")
        try session.send("Escape")
        try session.waitFor("help closed") { !$0.joined().contains("帮助 · 客户列表") }
        try session.send("q")
        try session.waitForExit(0)
    }

    @Test(arguments: ["xterm-kitty", "alacritty", "kehu-test-terminal-nobody-has"])
    func terminalsPeopleUseStart(term: String) throws {
        let sandbox = Sandbox()
        let path = try Self.demo(sandbox)
        var environment = sandbox.environment
        environment["TERM"] = term
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: environment)
        let screen = try session.waitFor(text: "客户 1/30")
        let known = FileManager.default.fileExists(atPath: "/usr/share/terminfo/\(term.prefix(1))/\(term)")
            || FileManager.default.fileExists(atPath: "/lib/terminfo/\(term.prefix(1))/\(term)")
        if !known {
            // Drawn as xterm-256color, and the user told so once.
            #expect(screen[0].contains("本机没有终端"), "\(screen[0])")
        }
        try session.send("Down")
        try session.waitFor(text: "客户 2/30")
        try session.send("q")
        try session.waitForExit(0)
    }

    @Test func aDumbTerminalIsRefusedWithExitNineInTheSessionsLanguage() throws {
        let sandbox = Sandbox()
        let path = try Self.demo(sandbox)
        var environment = sandbox.environment
        environment["TERM"] = "dumb"
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: environment)
        let screen = try session.waitForExit(9)
        #expect(screen.joined().contains("TERM=dumb 不能定位光标"), "\(screen.joined(separator: "\n"))")
        environment["KEHU_LANG"] = "en"
        let english = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: environment)
        #expect(try english.waitForExit(9).joined().contains("cannot place the cursor"))
    }

    @Test func aTerminalWithoutAnAlternateScreenIsClearedOnExit() throws {
        let sandbox = Sandbox()
        let path = try Self.demo(sandbox)
        var environment = sandbox.environment
        environment["TERM"] = "linux"
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: environment)
        try session.waitFor(text: "客户 1/30")
        try session.send("q")
        let after = try session.waitForExit(0)
        #expect(!after.joined().contains("客户列表"), "\(after.joined(separator: "\n"))")
    }

    @Test func aClickSelectsARowAndTheWheelScrolls() throws {
        let sandbox = Sandbox()
        let path = try Self.demo(sandbox)
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: sandbox.environment)
        let first = try session.waitFor(text: "客户 1/30")
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
        try session.send("q")
        try session.waitForExit(0)
    }

    /// Whether the program in the pane asked tmux for the mouse ("00": it did not).
    static func mouseFlags(_ session: TmuxSession) throws -> String {
        try session.tmux(["display-message", "-p", "-t", session.name, "#{mouse_any_flag}#{mouse_standard_flag}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func noMouseLeavesClicksToTheTerminal() throws {
        let sandbox = Sandbox()
        let path = try Self.demo(sandbox)
        try "mouse = false\n".write(toFile: sandbox.path + "/config/kehu/terminal.toml", atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: sandbox.environment)
        try session.waitFor(text: "客户 1/30")
        // tmux forwards a click only to a program that asked for the mouse.
        #expect(try Self.mouseFlags(session) == "00")
        try session.send("q")
        try session.waitForExit(0)
        // Without the file the mouse is on.
        try FileManager.default.removeItem(atPath: sandbox.path + "/config/kehu/terminal.toml")
        let withMouse = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: sandbox.environment)
        try withMouse.waitFor(text: "客户 1/30")
        #expect(try Self.mouseFlags(withMouse) != "00")
        try withMouse.send("q")
        try withMouse.waitForExit(0)
        // The option turns it off for one run.
        let flagged = try TmuxSession(command: "\(kehuBinary) --no-mouse --db \(path)", environment: sandbox.environment)
        try flagged.waitFor(text: "客户 1/30")
        #expect(try Self.mouseFlags(flagged) == "00")
        try flagged.send("q")
        try flagged.waitForExit(0)
    }

    /// C-o hands the terminal to $EDITOR and takes it back: the screen is drawn whole
    /// again, keys still arrive as keys, and the edited text is in the field.
    @Test func theEditorGetsTheTerminalAndKehuTakesItBack() throws {
        let sandbox = Sandbox()
        let path = try Self.demo(sandbox)
        let editor = sandbox.path + "/editor.sh"
        try "#!/bin/sh\nprintf '编辑器加的一行' >> \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        var environment = sandbox.environment
        environment["EDITOR"] = editor
        environment["VISUAL"] = ""
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: environment)
        try session.waitFor(text: "客户 1/30")
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
        try session.send("q")
        try session.waitForExit(0)
    }

    @Test func yCopiesThePhoneToTheClipboardThroughOSC52() throws {
        let sandbox = Sandbox()
        let path = try Self.demo(sandbox)
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: sandbox.environment)
        // tmux takes a program's OSC 52 into its own buffer when set-clipboard is on.
        try session.tmux(["set-option", "-s", "set-clipboard", "on"])
        try session.waitFor(text: "客户 1/30")
        try session.send("Down")
        try session.waitFor(text: "客户 2/30")
        let store = try KehuDatabase.open(path: path)
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
        try session.send("q")
        try session.waitForExit(0)
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
        try session.send("q")
        try session.waitFor(text: "KEHU-EXIT=0")
    }
}
