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
}
