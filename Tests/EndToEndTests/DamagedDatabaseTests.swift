import Foundation
import Testing

/// A database with damaged pages behind an intact header: the first open of the day
/// looks at the whole structure, so every command refuses it (exit 6, with what to do)
/// before it reads or writes anything else, the screen says so and saves nothing, and
/// none of the three files changes.
@Suite(.serialized)
struct DamagedDatabaseTests {
    /// A demo database whose customers' second leaf page is scribbled over; its path.
    private func damagedDatabase(_ sandbox: Sandbox) throws -> String {
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "300", "--seed", "2"]).status == 0)
        // Every page copied into the file (the log kept, as kehu keeps it), so readers read
        // the file itself; then one page of the customers table is overwritten.
        let sqlite = { (sql: String) in try run("/usr/bin/env", ["sqlite3", path, ".filectrl persist_wal 1", sql]).stdout }
        _ = try sqlite("PRAGMA wal_checkpoint(FULL)")
        let pages = try sqlite("SELECT pageno FROM dbstat WHERE name = 'customers' AND pagetype = 'leaf' ORDER BY pageno")
            .split(whereSeparator: \.isNewline).compactMap { UInt64($0) }
        let page = try #require(pages.dropFirst().first, "no customer pages in \(pages)")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: (page - 1) * 4096 + 8)
        handle.write(Data(repeating: 0xA5, count: 4000))
        try handle.close()
        return path
    }

    private func sums(_ path: String) throws -> [Data?] {
        [path, path + "-wal", path + "-shm"].map { FileManager.default.contents(atPath: $0) }
    }

    @Test func everyCommandRefusesADamagedDatabaseAndChangesNothing() throws {
        let sandbox = Sandbox()
        let path = try damagedDatabase(sandbox)
        let before = try sums(path)
        let sheet = sandbox.path + "/sheet.csv"
        try "客户名称,联系电话,省份,城市\r\n损坏测试机械厂,020-5555 0103,广东,广州市\r\n".write(toFile: sheet, atomically: true, encoding: .utf8)
        let commands: [[String]] = [
            ["user", "list"], ["import", "customers", sheet, "--dry-run"], ["import", "customers", sheet],
            ["report", "kpi", "--month", "2026-10"], ["export", "customers", "--out", sandbox.path + "/out.csv"],
        ]
        for command in commands {
            let result = try sandbox.kehu(command + ["--db", path])
            #expect(result.status == 6, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("已损坏") && result.stderr.contains("kehu check"), "\(command): \(result.stderr)")
        }
        #expect(try sums(path) == before)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/out.csv"))
        // `check` names what is damaged, in SQLite's words, not only that it is.
        let checked = try sandbox.kehu(["check", "--db", path])
        #expect(checked.status == 6)
        #expect(checked.stdout.contains("page") || checked.stdout.contains("Page"), "\(checked.stdout) \(checked.stderr)")
        #expect(!checked.stderr.contains("请运行 kehu check"), "\(checked.stderr)")
    }

    @Test(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"))
    func theScreenSaysTheDatabaseIsDamagedAndSavesNothing() throws {
        let sandbox = Sandbox()
        let path = try damagedDatabase(sandbox)
        let before = try sums(path)
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path)", environment: sandbox.environment)
        try session.waitFor(text: "已损坏")
        try session.send("q")
        _ = try session.waitForExit(0)
        // The file and its log as they were (the -shm is readers' shared memory: reading
        // moves its marks).
        let after = try sums(path)
        for (index, suffix) in ["", "-wal"].enumerated() { #expect(after[index] == before[index], "kehu.db\(suffix) changed") }
    }
}
