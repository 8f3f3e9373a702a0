import Foundation
import Testing

/// A save while another process holds the write lock (a colleague's import, a backup):
/// the screen says kehu is waiting instead of freezing, and the save goes through once
/// the lock is free.
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"), .serialized)
struct LockWaitSessionTests {
    @Test func aSaveWaitingForAnotherWriterSaysSoAndThenSaves() throws {
        let sandbox = Sandbox()
        let path = try sandbox.eveningTeamDatabase(seed: 41)
        let salesperson = try TmuxSession(command: "\(kehuBinary) --db \(path) --as zhangwei", environment: sandbox.environment)
        _ = try salesperson.fillFirstFollowUp("锁住时写的跟进", level: "b")

        // Another program takes the write lock and keeps it until told.
        let holder = try LockHolder(path: path)
        try salesperson.tmux(["send-keys", "-t", salesperson.name, "C-s"])
        try salesperson.waitFor(text: "另一人正在写入")
        try holder.release()
        try salesperson.waitFor(text: "已保存")
        #expect(try run("/usr/bin/env", ["sqlite3", path, "SELECT count(*) FROM activities WHERE content = '锁住时写的跟进'"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }
}

/// The day's structural check runs behind the screen: keys are answered while it reads
/// the file (a million customers' took 12 s, during which a start answered no key), and
/// a save waits for its verdict, saying so, then goes through.
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"), .serialized)
struct StructureCheckSessionTests {
    @Test func keysAreAnsweredWhileTheDaysCheckRunsAndASaveWaitsForItsVerdict() throws {
        let sandbox = Sandbox()
        let path = try sandbox.eveningTeamDatabase(seed: 45)
        func sql(_ query: String) throws -> String {
            try run("/usr/bin/env", ["sqlite3", path, query]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try sql("SELECT count(*) FROM settings WHERE key = 'structure.checkedOn'") == "0")
        // The check waits (a debug build's hold) until this file appears.
        let release = sandbox.path + "/release-check"
        var environment = sandbox.environment
        environment["KEHU_TEST_HOLD_CHECK"] = release
        let salesperson = try TmuxSession(command: "\(kehuBinary) --db \(path) --as zhangwei", environment: environment)
        // Every key of a follow-up is answered while the check is held.
        _ = try salesperson.fillFirstFollowUp("检查时写的跟进", level: "b")
        try salesperson.tmux(["send-keys", "-t", salesperson.name, "C-s"])
        try salesperson.waitFor(text: "正在做今天的文件结构检查")
        #expect(try sql("SELECT count(*) FROM activities WHERE content = '检查时写的跟进'") == "0")
        #expect(try sql("SELECT count(*) FROM settings WHERE key = 'structure.checkedOn'") == "0")
        FileManager.default.createFile(atPath: release, contents: nil)
        try salesperson.waitFor(text: "已保存")
        #expect(try sql("SELECT count(*) FROM activities WHERE content = '检查时写的跟进'") == "1")
        #expect(try sql("SELECT count(*) FROM settings WHERE key = 'structure.checkedOn'") == "1")
    }
}

/// An import that finds the file locked says it is waiting, and goes through once the
/// lock is free.
struct LockWaitCommandTests {
    @Test func anImportWaitingForAnotherWriterSaysSoAndThenImports() throws {
        let sandbox = Sandbox()
        let path = try sandbox.eveningTeamDatabase(seed: 43)
        let sheet = sandbox.path + "/sheet.csv"
        try "客户名称,联系电话,省份,城市\r\n等锁测试机械厂,020-5555 0101,广东,广州市\r\n".write(toFile: sheet, atomically: true, encoding: .utf8)
        let holder = try LockHolder(path: path)
        let importing = Process()
        importing.executableURL = URL(fileURLWithPath: kehuBinary)
        importing.arguments = ["import", "customers", sheet, "--db", path]
        importing.environment = sandbox.environment
        let errors = Pipe()
        importing.standardError = errors
        importing.standardOutput = FileHandle.nullDevice
        try importing.run()
        var said = ""
        while !said.contains("另一人正在写入") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        try holder.release()
        importing.waitUntilExit()
        #expect(said.contains("另一人正在写入"), "\(said)")
        #expect(importing.terminationStatus == 0)
        #expect(try run("/usr/bin/env", ["sqlite3", path, "SELECT count(*) FROM customers WHERE name = '等锁测试机械厂'"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }
}

/// `sqlite3` holding a database's write lock (BEGIN IMMEDIATE) until `release()`.
final class LockHolder {
    let process = Process()
    let input = Pipe(), output = Pipe()

    init(path: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data("BEGIN IMMEDIATE;\nSELECT 'held';\n".utf8))
        // The lock is taken once sqlite3 answers the statement after it.
        var answer = ""
        while !answer.contains("held") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw TmuxSession.TmuxError(message: "sqlite3 ended before it held the lock") }
            answer += String(decoding: chunk, as: UTF8.self)
        }
    }

    func release() throws {
        try input.fileHandleForWriting.write(contentsOf: Data("COMMIT;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
