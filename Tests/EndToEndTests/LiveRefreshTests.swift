import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

/// An open kehu sees a colleague's commit without a key: a supervisor's comment marks the
/// customer, a customer given to someone else leaves the list.
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"))
struct LiveRefreshTests {
    @Test func aColleaguesCommitAppearsWithoutAKey() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/team.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "200", "--seed", "41"]).status == 0)

        // A customer of 张伟's near the top of his list, with a follow-up of his not yet signed.
        let store = try KehuDatabase.open(path: path)
        let zhang = try #require(try store.user(login: "zhangwei"))
        let supervisor = try #require(try store.users().first { $0.role == .supervisor && $0.teamID == zhang.teamID })
        let other = try #require(try store.users().first { $0.role == .salesperson && $0.teamID == zhang.teamID && $0.id != zhang.id })
        let mine = try store.scoped(to: Viewer(zhang)).customerPage(offset: 0, limit: 15)
        var target: (code: String, customerID: Int64, activityID: Int64)?
        for row in mine where target == nil && !row.hasNewComment {
            let entries = try store.timeline(customerID: row.id, offset: 0, limit: 50)
            if let open = entries.first(where: { $0.activity.handlerID == zhang.id && $0.activity.supervisorComment == nil }) {
                target = (row.code, row.id, open.activity.id!)
            }
        }
        let chosen = try #require(target, "no follow-up of 张伟's waiting near the top of his list")

        let session = try TmuxSession(command: "\(kehuBinary) --db \(path) --as zhangwei", environment: sandbox.environment)
        try session.waitFor(text: "张伟")
        try session.send("v")
        try session.waitFor(text: "全部客户")
        let row = try session.waitFor(text: chosen.code).first { $0.contains(chosen.code) } ?? ""
        #expect(!row.contains("✉"))

        // The supervisor signs, in another process.
        let actor = Actor(login: supervisor.login, clock: SystemClockForTests())
        try store.signComment(activityID: chosen.activityID, text: "明天上午再打一次", signerID: supervisor.id!, by: actor)
        try session.waitFor("the comment mark without a key", seconds: 5) { screen in
            screen.contains { $0.contains("✉" + chosen.code) }
        }
        try session.waitFor(text: "✉ \(supervisor.displayName) 批示", seconds: 5)     // said once in the status line

        // The customer is given to a colleague: it leaves 张伟's list.
        try store.assign(customerID: chosen.customerID, to: other.id, by: actor)
        try session.waitFor("the customer leaving the list without a key", seconds: 5) { screen in
            !screen.dropFirst(2).contains { $0.contains(chosen.code) }
        }
        try session.waitFor(text: "已不再由你负责", seconds: 5)
        try session.send("q")
        try session.waitForExit(0)
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
