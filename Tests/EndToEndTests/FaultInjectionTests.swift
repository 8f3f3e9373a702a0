import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

/// kehu killed with SIGKILL at random moments — nothing it can catch — while it writes:
/// the database stays whole (`kehu check` clean), an import is all there or not at all,
/// and no half-written backup or temporary file is left in the folder.
struct FaultInjectionTests {
    @Test func killedDuringImportsAndBackupsNothingIsLostOrLeftBehind() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "1500", "--seed", "7"]).status == 0)
        let backups = sandbox.path + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: true)
        /// 300 customers no earlier sheet had.
        func sheet(_ round: Int) throws -> String {
            var text = "客户名称,联系电话,省份,城市\r\n"
            for n in 0..<300 { text += "断电测试\(round)批\(n)号机械厂,020-\(String(format: "%04d", round)) \(String(format: "%04d", n)),广东,广州市\r\n" }
            let file = sandbox.path + "/sheet-\(round).csv"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
        func importing(_ round: Int, killWhen: ((pid_t) -> Bool)? = nil) throws -> ProcessResult {
            try run(kehuBinary, ["import", "customers", try sheet(round), "--db", path], environment: sandbox.environment, killWhen: killWhen)
        }
        func backingUp(_ round: Int, killWhen: ((pid_t) -> Bool)? = nil) throws -> ProcessResult {
            try run(kehuBinary, ["backup", "--db", path, "--to", backups + "/\(round).db"], environment: sandbox.environment, killWhen: killWhen)
        }
        /// How much reading and writing a whole run does, watched to its end.
        func work(_ body: (@escaping (pid_t) -> Bool) throws -> ProcessResult) throws -> Int {
            var seen = 0
            #expect(try body { pid in seen = max(seen, ioProgress(pid)); return false }.status == 0)
            return seen
        }
        // The kill points are chosen within the work each command does: a point of its
        // progress, not a time, so a slow machine moves them with it.
        let importWork = try work { try importing(0, killWhen: $0) }
        let backupWork = try work { try backingUp(0, killWhen: $0) }

        var generator = SystemRandomNumberGenerator()
        var kills = 0
        var round = 1
        while kills < 20 && round < 200 {
            let before = try KehuDatabase.open(path: path).customerCount()
            let isImport = round % 2 == 1
            let total = isImport ? importWork : backupWork
            let point = Int.random(in: total / 20..<max(total, total / 20 + 1), using: &generator)
            let killWhen: (pid_t) -> Bool = { ioProgress($0) >= point }
            let result = isImport ? try importing(round, killWhen: killWhen) : try backingUp(round, killWhen: killWhen)
            if result.status == 128 + SIGKILL { kills += 1 }
            let after = try KehuDatabase.open(path: path).customerCount()
            // All of an import or none of it; a backup changes nothing.
            #expect(after == before || (isImport && after == before + 300), "round \(round): \(before) → \(after)")
            round += 1
        }
        #expect(kills >= 20, "only \(kills) runs of \(round) were killed mid-way")
        #expect(try sandbox.kehu(["check", "--db", path]).status == 0)
        // Only whole backups, under their own names: nothing half-written, no temporary file.
        for name in try FileManager.default.contentsOfDirectory(atPath: backups) {
            #expect(name.hasSuffix(".db") && !name.hasPrefix("."), "left behind: \(name)")
            #expect(try sandbox.kehu(["check", "--db", backups + "/" + name]).status == 0, "backup \(name) is not whole")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).allSatisfy { !$0.contains(".kehu-") && !$0.hasSuffix(".partial") })
    }

    /// kehu killed with SIGKILL in the middle of saving a follow-up on screen, at a
    /// chosen write of the save (strace stops it at its Nth `pwrite64`, so every point of
    /// the save is reached, however fast or slow the machine): the follow-up is all there
    /// with its history, or not at all, and the database stays whole.
    @Test(.enabled(if: tmuxAvailable && straceAvailable, "tmux and strace are needed: scripts/ensure-system-packages installs them"))
    func killedWhileSavingOnScreenAFollowUpIsAllThereOrNotAtAll() throws {
        let sandbox = Sandbox()
        let path = try sandbox.eveningTeamDatabase(seed: 53)
        /// Opens kehu, fills a follow-up, and saves it with strace attached: stopping it at
        /// write `killAt`, or only counting the save's writes when nil. Returns the
        /// session's end and the writes strace saw.
        func save(_ text: String, killAt: Int?) throws -> (killed: Bool, writes: Int) {
            let session = try TmuxSession(command: "\(kehuBinary) --db \(path) --as zhangwei", environment: sandbox.environment)
            _ = try session.fillFirstFollowUp(text, level: "b")
            let log = sandbox.path + "/strace-\(UUID().uuidString).log"
            let tracer = try Tracer(pid: try session.kehuPID(), log: log, killAt: killAt)
            try session.tmux(["send-keys", "-t", session.name, "C-s"])
            let screen = try session.waitFor("saved or killed") { lines in
                let text = lines.joined(separator: "\n")
                return text.contains("已保存") || text.contains("KEHU-EXIT=")
            }
            let killed = screen.joined(separator: "\n").contains("KEHU-EXIT=137")
            if !killed {
                try session.send("q")
                _ = try session.waitForExit(0)
            }
            tracer.finish()
            let writes = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").filter { $0.contains("pwrite64(") }.count ?? 0
            return (killed, writes)
        }
        func saved(_ text: String) throws -> (activities: Int, audit: Int) {
            let store = try KehuDatabase.open(path: path)
            defer { try? store.close() }
            return try store.read { db in
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM activities WHERE content = ?", arguments: [text])
                let audit = try ids.reduce(0) { total, id in
                    total + (try Int.fetchOne(db, sql: "SELECT count(*) FROM auditLog WHERE tableName = 'activities' AND rowID = ?", arguments: [id]) ?? 0)
                }
                return (ids.count, audit)
            }
        }
        let whole = try save("整段保存的跟进", killAt: nil)
        try #require(!whole.killed && whole.writes > 0, "the save wrote nothing strace saw")
        let recorded = try saved("整段保存的跟进")
        try #require(recorded.activities == 1 && recorded.audit > 0)
        // The file's first edit can write pages later saves do not (51 writes, then 37 a
        // save): kill points are drawn within the smaller of two whole saves, so a round is
        // stopped mid-save instead of saving whole and using up the day's follow-ups.
        let again = try save("再次整段保存的跟进", killAt: nil)
        try #require(!again.killed && again.writes > 0)
        try #require(try saved("再次整段保存的跟进").activities == 1)
        let writes = min(whole.writes, again.writes)

        var kills = 0
        for round in 1...30 where kills < 10 {
            let text = "断电第\(round)次的跟进"
            let point = Int.random(in: 1...writes)
            let result = try save(text, killAt: point)
            if result.killed { kills += 1 }
            let after = try saved(text)
            // All of it, with its history, or none of it.
            #expect((after.activities == 0 && after.audit == 0) || (after.activities == 1 && after.audit == recorded.audit),
                    "round \(round), killed at write \(point): \(after)")
            #expect(try saved("整段保存的跟进") == recorded, "round \(round): an earlier follow-up changed")
        }
        #expect(kills >= 10, "only \(kills) saves were killed mid-way")
        #expect(try sandbox.kehu(["check", "--db", path]).status == 0)
    }
}

/// strace is there and may trace (a container can forbid ptrace).
let straceAvailable: Bool = (try? run("/usr/bin/env", ["strace", "-o", "/dev/null", "true"]).status == 0) ?? false

/// strace attached to a running process, logging its `pwrite64` calls, and sending it
/// SIGKILL at the `killAt`th one when asked.
final class Tracer {
    let process = Process()
    private let errors = Pipe()

    init(pid: pid_t, log: String, killAt: Int?) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["strace", "-p", "\(pid)", "-o", log, "-e", "trace=pwrite64"]
        if let killAt { arguments += ["-e", "inject=pwrite64:signal=SIGKILL:when=\(killAt)"] }
        process.arguments = arguments
        process.standardError = errors
        try process.run()
        // Attached once strace says so.
        var said = ""
        while !said.contains("attached") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { throw TmuxSession.TmuxError(message: "strace ended before attaching: \(said)") }
            said += String(decoding: chunk, as: UTF8.self)
        }
    }

    func finish() {
        if process.isRunning { process.interrupt() }
        process.waitUntilExit()
    }
}
