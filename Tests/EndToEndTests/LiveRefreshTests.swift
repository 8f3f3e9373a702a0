import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

/// Two people, two terminals, one database: the supervisor signs a comment in the
/// evening queue, and the salesperson's open screen shows it without a key — the mark on
/// the row and one line in the status bar — within two seconds; a customer given to a
/// colleague leaves the salesperson's list, again without a key.
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"))
struct LiveRefreshTests {
    @Test func aColleaguesCommitAppearsWithoutAKey() throws {
        let sandbox = Sandbox()
        let path = try sandbox.eveningTeamDatabase(seed: 41)

        // 张伟 logs a follow-up, then looks at that customer in his full list.
        let salesperson = try TmuxSession(command: "\(kehuBinary) --db \(path) --as zhangwei", environment: sandbox.environment)
        let code = try salesperson.logFirstFollowUp("客户在比价，下周再约", level: "b")
        let store = try KehuDatabase.open(path: path)
        let zhang = try #require(try store.user(login: "zhangwei"))
        let customerID = try #require(try store.customerID(code: code))
        let customerName = try #require(try store.customer(id: customerID)?.name)
        let index = try store.scoped(to: Viewer(zhang)).customerIndex(code: code)
        try salesperson.send("v")
        try salesperson.waitFor(text: "全部客户")
        if index > 0 { try salesperson.tmux(["send-keys", "-t", salesperson.name, "-N", "\(index)", "Down"]) }
        try salesperson.waitFor(text: "客户 \(index + 1)/")
        let row = try salesperson.screen().first { $0.contains(code) } ?? ""
        #expect(!row.contains("✉"))

        // 李强 signs it in his own kehu.
        let supervisor = try TmuxSession(command: "\(kehuBinary) --db \(path) --as lizhuguan", environment: sandbox.environment)
        try supervisor.signComment(handler: "张伟", customerName: customerName, followUp: "客户在比价，下周再约", comment: "先报价，周三带样品去")
        let signed = Date()

        // No key pressed in 张伟's terminal: within two seconds of the supervisor seeing his
        // comment saved, the row carries the mark and the status line says who signed.
        try salesperson.waitFor("the comment mark and the status line without a key", seconds: 2) { screen in
            screen.contains { $0.contains("✉" + code) } && screen.contains { $0.contains("✉ 李强 批示") }
        }
        #expect(Date().timeIntervalSince(signed) < 2)

        // The customer is given to a colleague: it leaves 张伟's list.
        let other = try #require(try store.users().first { $0.role == .salesperson && $0.teamID == zhang.teamID && $0.id != zhang.id })
        let boss = try #require(try store.user(login: "lizhuguan"))
        try store.scoped(to: Viewer(boss)).assign(customerID: customerID, to: other.id, by: Actor(login: "lizhuguan", clock: SystemClockForTests()))
        try salesperson.waitFor("the customer leaving the list without a key", seconds: 2) { screen in
            !screen.dropFirst(2).contains { $0.contains(code) }
        }
        try salesperson.waitFor(text: "已不再由你负责", seconds: 2)
        try salesperson.send("q")
        try salesperson.waitForExit(0)
        try supervisor.send("q")
        try supervisor.waitForExit(0)
        try store.close()
    }
}

/// The wall clock, for writes the test makes as a colleague would.
struct SystemClockForTests: Clock {
    var now: LocalDateTime {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day, .hour, .minute], from: Date())
        return LocalDateTime(date: LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!, hour: parts.hour!, minute: parts.minute!)!
    }
}
