import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

/// Two people, two terminals, one database: a salesperson logs a follow-up, the
/// supervisor signs it in the evening queue while the salesperson edits the same
/// customer; nothing is lost and the comment reaches the salesperson's timeline.
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"), .serialized)
struct EveningCheckSessionTests {
    @Test func aFollowUpIsSignedInTheEveningQueueAndSeenByTheSalesperson() throws {
        let sandbox = Sandbox()
        let path = try sandbox.eveningTeamDatabase(seed: 31)

        let salesperson = try TmuxSession(command: "\(kehuBinary) --db \(path) --as zhangwei", environment: sandbox.environment)
        let code = try salesperson.logFirstFollowUp("客户要求周三前给方案", level: "a")

        let store = try KehuDatabase.open(path: path)
        let zhang = try #require(try store.user(login: "zhangwei"))
        let customerID = try #require(try store.customerPage(offset: 0, limit: 400).first { $0.code == code }?.id)
        let customerName = try #require(try store.customer(id: customerID)?.name)

        // The salesperson goes to the customer in the full list and starts editing its note.
        let index = try store.scoped(to: Viewer(zhang)).customerIndex(code: code)
        try salesperson.send("v")
        try salesperson.waitFor(text: "全部客户")
        if index > 0 { try salesperson.tmux(["send-keys", "-t", salesperson.name, "-N", "\(index)", "Down"]) }
        try salesperson.waitFor(text: "客户 \(index + 1)/")
        try salesperson.send("e")
        try salesperson.waitFor(text: "编辑客户档案")
        try salesperson.tmux(["send-keys", "-t", salesperson.name, "-N", "19", "Tab"])   // to the note
        try salesperson.waitFor(text: "▸备注")
        try salesperson.send("-l", "总经理周三在厂")

        // Meanwhile the supervisor opens the evening queue and signs that follow-up.
        let supervisor = try TmuxSession(command: "\(kehuBinary) --db \(path) --as lizhuguan", environment: sandbox.environment)
        try supervisor.waitFor(text: "李强 · 销售主管")
        try supervisor.waitFor(text: "今日跟进 (按销售)")
        #expect(try supervisor.screen()[0].contains("晚检"))
        try supervisor.signComment(handler: "张伟", customerName: customerName, followUp: "客户要求周三前给方案", comment: "先发方案，周三带技术去")

        // The salesperson saves the edit begun before the comment: both changes stay.
        try salesperson.send("C-s")
        try salesperson.waitFor(text: "档案已保存")
        let check = try DatabaseQueue(path: path)
        try check.read { db in
            #expect(try String.fetchOne(db, sql: "SELECT notes FROM customers WHERE id = ?", arguments: [customerID]) == "总经理周三在厂")
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT a.supervisorComment, u.displayName AS signer FROM activities a JOIN users u ON u.id = a.commentSignerID
                WHERE a.customerID = ? ORDER BY a.id DESC LIMIT 1
                """, arguments: [customerID]))
            #expect(row["supervisorComment"] as String? == "先发方案，周三带技术去")
            #expect(row["signer"] as String == "李强")
            let actors = try String.fetchAll(db, sql: "SELECT DISTINCT actor FROM auditLog WHERE field = 'supervisorComment'")
            #expect(actors.contains { $0.contains("(as lizhuguan)") })   // the admin at the keyboard is named
        }
        // The salesperson's timeline shows the signed comment.
        // Moving off the customer and back reads it again.
        if index == 0 { try salesperson.send("Down"); try salesperson.send("Up") } else { try salesperson.send("Up"); try salesperson.send("Down") }
        try salesperson.waitFor(text: "先发方案，周三带技术去")
        try salesperson.send("q")
        try salesperson.waitForExit(0)
        try supervisor.send("q")
        try supervisor.waitForExit(0)
    }
}
