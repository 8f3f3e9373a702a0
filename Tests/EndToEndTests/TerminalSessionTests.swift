import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

/// The real binary, in a real terminal (tmux), driven by keys; what it shows is checked
/// against what the database holds.
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"), .serialized)
struct TerminalSessionTests {
    @Test func browseResizeHelpAndQuitRestoringTheTerminal() throws {
        let sandbox = Sandbox()
        let db = sandbox.path + "/demo.db"
        let made = try sandbox.kehu(["demo", "--db", db, "--customers", "200", "--seed", "11"])
        try #require(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("客户 200"))

        let session = try TmuxSession(command: "\(kehuBinary) --db \(db)", environment: sandbox.environment)
        try session.waitFor(text: "客户 1/200")
        try session.send("Down", "Down", "Down")
        let screen = try session.waitFor(text: "客户 4/200")

        // What the card and timeline show is the fourth customer as stored.
        let store = try KehuDatabase.open(path: db)
        let row = try #require(try store.customerPage(offset: 3, limit: 1).first)
        let detail = try #require(try store.detail(customerID: row.id))
        let entries = try store.timeline(customerID: row.id, offset: 0, limit: 1)
        let cardTitle = screen[1]
        #expect(cardTitle.contains(row.code))
        #expect(cardTitle.contains(String(detail.customer.name.prefix(4))))
        let whole = screen.joined(separator: "\n")
        #expect(whole.contains(detail.customer.phone))
        if let contact = detail.contacts.first { #expect(whole.contains(contact.name)) }
        if let latest = entries.first {
            let timelineRows = screen[(screen.firstIndex { $0.contains("拜访记录") } ?? 0)...].joined(separator: "\n")
            #expect(timelineRows.contains("\(latest.activity.occurredAt.date.monthDay) "))
            #expect(timelineRows.contains(latest.handlerName))
        }
        // The list row of the selection shows code and name.
        #expect(screen.contains { $0.contains(row.code) && $0.contains(String(row.name.prefix(3))) && $0.hasPrefix("┃") })

        try session.resize(80, 24)
        let narrow = try session.waitFor("80-column layout") { $0.count >= 24 && $0[0].contains("客户 4/200") && $0[1].hasSuffix("┐") && $0[1].count < 90 }
        #expect(narrow.joined().contains(row.code))

        try session.resize(40, 10)
        try session.waitFor(text: "终端太小")
        try session.send("Down")   // keys while too small do nothing harmful
        try session.resize(100, 30)
        try session.waitFor(text: "客户 4/200")

        try session.send("End")
        try session.waitFor(text: "客户 200/200")
        try session.send("Home")
        try session.waitFor(text: "客户 1/200")

        try session.send("?")
        try session.waitFor(text: "帮助 · 客户列表")
        try session.send("Escape")
        try session.waitFor("help closed") { !$0.joined().contains("帮助 · 客户列表") }

        try session.send("q")
        let after = try session.waitForExit(0)
        let modes = after.joined(separator: " ")
        #expect(modes.contains(" icanon"))
        #expect(!modes.contains("-icanon"))
        #expect(!modes.contains(" -echo "))
        #expect(!after.contains { $0.contains("客户列表") })   // the alternate screen is gone
    }

    @Test func signalsEndKehuAndGiveTheTerminalBack() throws {
        let sandbox = Sandbox()
        let db = sandbox.path + "/demo.db"
        try #require(try sandbox.kehu(["demo", "--db", db, "--customers", "30"]).status == 0)
        // SEGV stands for a crash: the fatal-signal handler must still give the terminal back.
        for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("SEGV", 11)] {
            let session = try TmuxSession(command: "\(kehuBinary) --db \(db)", environment: sandbox.environment)
            try session.waitFor(text: "客户 1/30")
            _ = try run("/bin/kill", ["-\(signal)", "\(try session.kehuPID())"])
            let after = try session.waitForExit(Int32(128 + number))
            #expect(!after.joined(separator: " ").contains("-icanon"), "terminal left raw after SIG\(signal)")
        }
    }

    /// A crash inside kehu (a Swift fatal error): the terminal comes back first, then the
    /// runtime's report is printed on it, readable, instead of being drawn over the screen.
    @Test func aCrashGivesTheTerminalBackAndPrintsItsReportAfter() throws {
        let sandbox = Sandbox()
        let db = sandbox.path + "/demo.db"
        try #require(try sandbox.kehu(["demo", "--db", db, "--customers", "30"]).status == 0)
        var environment = sandbox.environment
        environment["KEHU_TEST_CRASH"] = "fatal"
        let session = try TmuxSession(command: "\(kehuBinary) --db \(db)", environment: environment)
        let after = try session.waitFor("the crash ended kehu") { $0.joined(separator: "\n").contains("extproc") }
        let text = after.joined(separator: "\n")
        #expect(text.contains("Fatal error: KEHU_TEST_CRASH"), "the report is missing:\n\(text)")
        #expect(!text.contains("-icanon"), "terminal left raw after the crash")
        #expect(!text.contains("客户 1/30"), "the screen was left up")
    }

    @Test func aBadKeymapIsNamedWithFileAndLineAndKehuStillWorks() throws {
        let sandbox = Sandbox()
        let db = sandbox.path + "/demo.db"
        try #require(try sandbox.kehu(["demo", "--db", db, "--customers", "30"]).status == 0)
        let keymap = sandbox.path + "/config/kehu/keymap.toml"
        try "[list]\nj = \"move-down\"\nx = \"explode\"\n".write(toFile: keymap, atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: "\(kehuBinary) --db \(db)", environment: sandbox.environment)
        let screen = try session.waitFor(text: "keymap.toml:3:")
        #expect(screen[0].contains("explode"))
        try session.send("Down")   // the default map answers
        try session.waitFor(text: "客户 2/30")
        try session.send("q")
        let after = try session.waitForExit(0)
        #expect(after.joined().contains("\(keymap):3: 未知动作 \"explode\""))   // repeated on stderr for later reading
    }

    @Test func aBadThemeIsNamedWithFileAndLine() throws {
        let sandbox = Sandbox()
        let db = sandbox.path + "/demo.db"
        try #require(try sandbox.kehu(["demo", "--db", db, "--customers", "30"]).status == 0)
        try FileManager.default.createDirectory(atPath: sandbox.path + "/config/kehu/themes", withIntermediateDirectories: true)
        try "name = \"mine\"\n[roles]\n\"overdue\" = \"blinking red\"\n".write(toFile: sandbox.path + "/config/kehu/themes/mine.toml", atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: "\(kehuBinary) --db \(db) --theme mine", environment: sandbox.environment)
        try session.waitFor(text: "mine.toml:3:")
        try session.send("q")
        try session.waitForExit(0)
    }
}
