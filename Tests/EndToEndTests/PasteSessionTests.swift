import Foundation
import GRDB
import Testing

/// A paste is text, never keys: seven lines pasted (tmux `paste-buffer -p`, bracketed as a
/// terminal sends it) into a customer's note stay in the note as lines, the form stays open
/// and nothing is saved until the user saves.
@Suite(.serialized)
struct PasteSessionTests {
    @Test func sevenLinesPastedIntoANoteSaveNothingByThemselves() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/paste.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "30", "--seed", "3"]).status == 0)
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path) --as zhangwei", environment: sandbox.environment)
        try session.waitFor(text: "今日待办")
        try session.send("v")
        let list = try session.waitFor(text: "全部客户")
        let code = try #require(list.joined(separator: "\n").firstMatch(of: /[A-CI][a-d]-\p{Han}[A-Z]+\d{4}/).map { String($0.output) })
        func storedNotes() throws -> String {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { try String.fetchOne($0, sql: "SELECT notes FROM customers WHERE code = ?", arguments: [code]) } ?? ""
        }
        let before = try storedNotes()
        try session.send("e")
        try session.waitFor(text: "备注")
        // From the first field to the note, the form's last.
        for _ in 0..<19 { try session.send("Tab") }
        let lines = ["一、老板姓王，周末不接电话", "二、二期设备明年三月招标", "三、财务要求月结", "四、门卫登记要带身份证",
                     "五、技术对接人：李工", "六、竞品：大族", "七、下次带样品"]
        try session.tmux(["set-buffer", "-b", "note", lines.joined(separator: "\n")])
        let shown = try session.screen()
        try session.tmux(["paste-buffer", "-p", "-d", "-b", "note", "-t", session.name])
        try session.settle(from: shown)
        let screen = try session.waitFor("the pasted note in its field") { $0.joined().contains("六、竞品：大族↵七、下次带样品") }
        // Still the form, nothing saved by the line breaks.
        #expect(screen.joined().contains("备注"), "\(screen.joined(separator: "\n"))")
        #expect(try storedNotes() == before)
        try session.send("C-s")
        try session.waitFor("the form closed") { !$0.joined().contains("大族↵七、") }
        try session.waitFor("the note saved") { _ in (try? storedNotes()) == lines.joined(separator: "\n") }
        #expect(try storedNotes() == lines.joined(separator: "\n"))
        try session.send("q")
        try session.waitForExit(0)
    }
}
