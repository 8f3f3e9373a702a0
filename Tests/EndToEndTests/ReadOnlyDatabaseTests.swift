import Foundation
import Testing

/// A database a user may only read (chmod 0444, or someone else's file shown to them):
/// reports, exports, the check and the screens work on it; anything that would write is
/// refused with a clear message and exit 7, and no file changes. Made writable again, it
/// writes again, although its side files were left read-only. Needs a real user other
/// than root, since root may write any file.
@Suite(.enabled(if: getuid() == 0, "skipped: needs root to create a Unix user for whom the file is read-only"), .serialized)
struct ReadOnlyDatabaseTests {
    @Test func aReadOnlyDatabaseOpensForReadingAndRefusesWritesPlainly() throws {
        let person = "kro" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let folder = "/tmp/kehu-readonly-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer {
            removeUnixUser(person)
            try? FileManager.default.removeItem(atPath: folder)
        }
        #expect(try run("/usr/sbin/useradd", ["--no-create-home", "--shell", "/bin/sh", "--home-dir", folder, person]).status == 0)
        let kehu = folder + "/kehu"
        // Copied by another process: a copy written here would be open for writing while
        // other tests fork, and their children would hold it open ("Text file busy").
        #expect(try run("/bin/cp", [kehuBinary, kehu]).status == 0)
        _ = try run("/bin/chown", ["-R", "\(person):", folder])
        func asPerson(_ arguments: [String]) throws -> ProcessResult {
            try run("/usr/sbin/runuser", ["-u", person, "--", "/usr/bin/env", "HOME=\(folder)", "KEHU_LANG=zh", "LANG=C.UTF-8", kehu] + arguments)
        }
        let db = folder + "/kehu.db"
        let made = try asPerson(["demo", "--db", db, "--customers", "40", "--seed", "3"])
        try #require(made.status == 0, "demo: \(made.stderr)")
        let files = [db, db + "-wal", db + "-shm"]
        for file in files { #expect(chmod(file, 0o444) == 0) }
        let sums = try files.map(sha256)

        // Reading works.
        #expect(try asPerson(["report", "kpi", "--db", db, "--month", "2026-10"]).status == 0)
        let out = folder + "/out.csv"
        #expect(try asPerson(["export", "customers", "--db", db, "--out", out]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline).count == 41)
        #expect(try asPerson(["check", "--db", db]).status == 0)
        // A write is refused plainly, and nothing changes.
        let sheet = folder + "/sheet.csv"
        try "客户名称,联系电话,省份,城市\r\n只读测试机械厂,020-5555 0102,广东,广州市\r\n".write(toFile: sheet, atomically: true, encoding: .utf8)
        _ = try run("/bin/chown", ["\(person):", sheet])
        let refused = try asPerson(["import", "customers", sheet, "--db", db])
        #expect(refused.status == 7)
        #expect(refused.stderr.contains("只读"), "\(refused.stderr)")
        #expect(try files.map(sha256) == sums)

        // The screen opens too, and says it is read-only.
        if tmuxAvailable {
            let session = try TmuxSession(command: "runuser -u \(person) -- env HOME=\(folder) KEHU_LANG=zh LANG=C.UTF-8 \(kehu) --db \(db)",
                                          environment: [:])
            try session.waitFor(text: "只读打开")
            try session.send("q")
            _ = try session.waitForExit(0)
            #expect(try files.map(sha256) == sums)
        }

        // Made writable again, it writes, though its side files were left read-only.
        #expect(chmod(db, 0o644) == 0)
        let imported = try asPerson(["import", "customers", sheet, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        for side in [db + "-wal", db + "-shm"] {
            #expect((try FileManager.default.attributesOfItem(atPath: side)[.posixPermissions] as? Int) == 0o644)
        }
    }

    private func sha256(_ path: String) throws -> String {
        try run("/usr/bin/sha256sum", [path]).stdout.split(separator: " ").first.map(String.init) ?? ""
    }
}
