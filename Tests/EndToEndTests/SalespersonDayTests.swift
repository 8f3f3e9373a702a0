import Foundation
import GRDB
import Testing

/// A salesperson's day in the real binary: Today, logging a follow-up typed in Chinese,
/// a duplicate lead caught, and a draft kept when the connection drops.
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"), .serialized)
struct SalespersonDayTests {
    /// A demo database in which the login running the tests is the salesperson 张伟.
    func salespersonDatabase(_ sandbox: Sandbox) throws -> String {
        let db = sandbox.path + "/demo.db"
        let made = try sandbox.kehu(["demo", "--db", db, "--customers", "300", "--seed", "21"])
        try #require(made.status == 0, "\(made.stderr)")
        try becomeZhangWei(in: db)
        return db
    }

    @Test func logAFollowUpFromTodayInChinese() throws {
        let sandbox = Sandbox()
        let path = try salespersonDatabase(sandbox)
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: sandbox.environment)
        let screen = try session.waitFor(text: "今日待办")
        #expect(screen[0].contains("张伟 · 销售顾问"))
        #expect(screen[0].contains("今日 ") && screen[0].contains("逾期 "))
        let code = try session.selectFirstFollowUp()

        try session.send("l")
        try session.waitFor(text: "记跟进")
        try session.send("-l", "确认了预算已批，下周三来厂里看样机")
        try session.send("Tab")
        try session.send("a")
        try session.waitFor(text: "(A 级 7 天)")
        try session.send("C-s")
        try session.waitFor(text: "已保存")

        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            let customerID = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE code = ?", arguments: [code]))
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM activities WHERE customerID = ? ORDER BY id DESC LIMIT 1", arguments: [customerID]))
            #expect(row["content"] as String == "确认了预算已批，下周三来厂里看样机")
            #expect(row["levelJudged"] as String? == "A")
            #expect(row["method"] as String == "phone")
            let occurred: String = row["occurredAt"]
            let next: String = try #require(row["nextVisitOn"])
            #expect(daysBetween(String(occurred.prefix(10)), next) == 7)
            let previous = try Int.fetchOne(db, sql: "SELECT MAX(visitNumber) FROM activities WHERE customerID = ? AND id != ?",
                                            arguments: [customerID, row["id"] as Int64]) ?? 0
            #expect(row["visitNumber"] as Int == previous + 1)
            let card = try #require(try Row.fetchOne(db, sql: "SELECT * FROM intentCards WHERE id = ?", arguments: [row["cardID"] as Int64?]))
            #expect(card["level"] as String == "A")
            #expect(card["nextVisitOn"] as String == next)
            let audit = try String.fetchAll(db, sql: """
                SELECT tableName || '.' || field FROM auditLog WHERE actor = ? AND ((tableName = 'activities' AND rowID = ?) OR (tableName = 'intentCards' AND rowID = ?))
                """, arguments: [try currentLoginName(), row["id"] as Int64, card["id"] as Int64])
            #expect(Set(audit).isSuperset(of: ["activities.*", "intentCards.nextVisitOn"]))
        }
        try session.send("q")
        try session.waitForExit(0)
    }

    @Test func aNewLeadWithAnExistingPhoneIsCaught() throws {
        let sandbox = Sandbox()
        let path = try salespersonDatabase(sandbox)
        let queue = try DatabaseQueue(path: path)
        let mobile = try queue.read { try String.fetchOne($0, sql: "SELECT mobile FROM contacts WHERE mobile != '' LIMIT 1") }!
        try queue.close()
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: sandbox.environment)
        try session.waitFor(text: "今日待办")
        try session.send("n")
        try session.waitFor(text: "新客户登记")
        try session.send("-l", "王先生")
        try session.send("Tab")
        try session.send("-l", "+86 " + mobile.replacingOccurrences(of: " ", with: "-"))
        try session.send("C-s")
        try session.waitFor(text: "可能是已有客户")
        try session.waitFor(text: "同电话")
        try session.send("Escape")                  // back to the form
        try session.waitFor("the warning closed") { !$0.joined().contains("可能是已有客户") }
        try session.send("Escape")                  // leave it: kehu asks first
        try session.send("y")
        try session.send("q")
        try session.waitForExit(0)
        let after = try DatabaseQueue(path: path)
        #expect(try after.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM customers WHERE name = '王先生'") } == 0)
    }

    @Test func aDroppedConnectionKeepsTheFormAsADraft() throws {
        let sandbox = Sandbox()
        let path = try salespersonDatabase(sandbox)
        var session: TmuxSession? = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: sandbox.environment)
        _ = try session!.selectFirstFollowUp()
        try session!.send("l")
        try session!.waitFor(text: "记跟进")
        try session!.send("-l", "电话打到一半断线了")
        try session!.waitFor(text: "电话打到一半断线了")
        session = nil                              // kill-server: kehu gets SIGHUP
        let queue = try DatabaseQueue(path: path)
        var drafts = 0
        for _ in 0..<300 where drafts == 0 {      // polls the file for up to 15 s
            drafts = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM drafts") } ?? 0
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(drafts == 1)
        try queue.close()

        let again = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: sandbox.environment)
        try again.waitFor(text: "有未保存的草稿")
        try again.send("Enter")
        try again.waitFor(text: "电话打到一半断线了")
        try again.send("C-s")
        try again.waitFor(text: "已保存")
        try again.send("q")
        try again.waitForExit(0)
        let check = try DatabaseQueue(path: path)
        #expect(try check.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM activities WHERE content = '电话打到一半断线了'") } == 1)
        #expect(try check.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM drafts") } == 0)
    }

    /// kehu in a session of its own (as runuser, setsid or sudo -u leave it): when its
    /// terminal goes away no SIGHUP reaches it, every read fails at once — and it must
    /// still notice, keep the form as a draft and end, not spin.
    @Test func aTerminalGoneWithoutASignalEndsKehuWithTheDraftKept() throws {
        let sandbox = Sandbox()
        let path = try salespersonDatabase(sandbox)
        let pidFile = sandbox.path + "/kehu.pid"
        var session: TmuxSession? = try TmuxSession(
            command: "setsid sh -c 'echo $$ > \(pidFile); exec \(kehuBinary) --db \(path)'", environment: sandbox.environment)
        _ = try session!.selectFirstFollowUp()
        try session!.send("l")
        try session!.waitFor(text: "记跟进")
        try session!.send("-l", "信号没到也要存草稿")
        try session!.waitFor(text: "信号没到也要存草稿")
        let pid = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(pid, SIGKILL) }                // never left running, whatever happens
        session = nil                               // the terminal closes; kehu is not in its session
        let closed = Date()
        #expect(waitUntilEnded(pid, seconds: 10), "kehu still runs after its terminal went away")
        #expect(Date().timeIntervalSince(closed) < 1, "kehu took \(Date().timeIntervalSince(closed)) s to notice")
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try String.fetchOne($0, sql: "SELECT payload FROM drafts") }?.contains("信号没到也要存草稿") == true)
        try queue.close()
    }

    /// SIGQUIT is a way to stop kehu like any other: the terminal is given back, the form
    /// kept as a draft, and the exit status says which signal (131) — no core dump drawn
    /// over a raw terminal.
    @Test func aQuitSignalGivesTheTerminalBackAndKeepsTheDraft() throws {
        let sandbox = Sandbox()
        let path = try salespersonDatabase(sandbox)
        let pidFile = sandbox.path + "/kehu.pid"
        let session = try TmuxSession(command: "sh -c 'echo $$ > \(pidFile); exec \(kehuBinary) --db \(path)'", environment: sandbox.environment)
        _ = try session.selectFirstFollowUp()
        try session.send("l")
        try session.waitFor(text: "记跟进")
        try session.send("-l", "退出信号也要存草稿")
        try session.waitFor(text: "退出信号也要存草稿")
        let pid = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGQUIT)
        let screen = try session.waitForExit(128 + SIGQUIT)
        #expect(!screen.joined().contains("记跟进"), "the screen was not given back")
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try String.fetchOne($0, sql: "SELECT payload FROM drafts") }?.contains("退出信号也要存草稿") == true)
        try queue.close()
    }

    func daysBetween(_ a: String, _ b: String) -> Int? {
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        guard let x = format.date(from: a), let y = format.date(from: b) else { return nil }
        return Int((y.timeIntervalSince(x) / 86_400).rounded())
    }
}
