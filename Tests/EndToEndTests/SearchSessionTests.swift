import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

/// `/` in the real terminal: a customer is found by its pinyin initials and by a
/// fragment of its phone number, and Enter shows it.
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"), .serialized)
struct SearchSessionTests {
    @Test func findByPinyinInitialsAndByPhoneFragment() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/search.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "600", "--seed", "11"]).status == 0)
        let store = try KehuDatabase.open(path: path)
        let target = try #require(try store.customerPage(offset: 123, limit: 1).first)
        let (initials, phone) = try DatabaseQueue(path: path).read { db in
            (try String.fetchOne(db, sql: "SELECT initials FROM customers WHERE id = ?", arguments: [target.id]) ?? "",
             try String.fetchOne(db, sql: "SELECT phoneDigits FROM customers WHERE id = ?", arguments: [target.id]) ?? "")
        }
        let fragment = String(phone.suffix(7))
        // What the first match must be, by the same rules kehu uses.
        let byInitials = try #require(try store.searchCustomers(initials).first)
        let byPhone = try #require(try store.searchCustomers(fragment).first)   // the target or one sharing the digits
        #expect(try store.searchCustomers(initials).contains { $0.row.id == target.id })
        #expect(try store.searchCustomers(fragment).contains { $0.row.id == target.id })

        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: sandbox.environment)
        try session.waitFor(text: "全部客户")
        for (query, expected) in [(initials, byInitials.row), (fragment, byPhone.row)] {
            try session.send("/")
            try session.waitFor(text: "┏ 搜索")
            try session.send("-l", query)
            try session.waitFor("the match for \(query)") { $0.contains { $0.contains(expected.code) } && $0.joined().contains("/ \(query)") }
            try session.send("Enter")
            try session.waitFor("\(expected.code) shown") { screen in
                screen[0].contains("全部客户") && screen[1].contains(expected.code) && !screen.joined().contains("┏ 搜索")
            }
        }
        // Esc goes back without moving. (The status line ends in the clock, which may turn
        // a minute meanwhile: what is before its last │ must be the same.)
        func position(_ line: String) -> Substring { line[..<(line.lastIndex(of: "│") ?? line.endIndex)] }
        let before = position(try session.screen()[0])
        try session.send("/")
        try session.waitFor(text: "┏ 搜索")
        try session.send("-l", "zzzz")
        try session.waitFor(text: "没有找到")
        try session.send("Escape")
        try session.waitFor("back in the list") { position($0[0]) == before && !$0.joined().contains("┏ 搜索") }
        try session.send("q")
        try session.waitForExit(0)
    }
}
