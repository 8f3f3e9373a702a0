import Foundation
import Testing

/// A full filesystem (a small tmpfs, filled up): an import, an export, a backup and a save
/// on screen each fail with kehu's own message about the disk (exit 7), the database keeps
/// every row it had, and nothing half-written is left in the folder.
@Suite(.enabled(if: FullDisk.canMount, "skipped: needs root and permission to mount a small tmpfs"), .serialized)
struct FullDiskTests {
    @Test func importExportBackupAndASaveOnAFullDiskSayItAndLeaveNothing() throws {
        let disk = try FullDisk(megabytes: 4)
        defer { disk.unmount() }
        let sandbox = Sandbox()
        let team = try sandbox.eveningTeamDatabase(seed: 47)
        let path = disk.folder + "/kehu.db"
        for suffix in ["", "-wal", "-shm"] { try FileManager.default.copyItem(atPath: team + suffix, toPath: path + suffix) }
        // Today's check and rules done while there is room, as on any working day.
        try #require(try sandbox.kehu(["user", "list", "--db", path]).status == 0)
        // A log with almost nothing in it: kehu copies the log into the database when it
        // starts, and a save then reuses the log's space from its beginning; with the
        // demo's long log a save would find room on the full disk. The log is kept (as
        // kehu keeps it), with two small commits in it, so opening writes nothing.
        let shrunk = try run("/usr/bin/env", ["sqlite3", path, ".filectrl persist_wal 1", "PRAGMA wal_checkpoint(TRUNCATE)",
                                              "CREATE TABLE fullDiskTest(x)", "DROP TABLE fullDiskTest"])
        try #require(shrunk.status == 0, "\(shrunk.stderr)")
        try #require((try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0) < 64 * 1024)
        let sheet = sandbox.path + "/sheet.csv"
        var text = "客户名称,联系电话,省份,城市\r\n"
        for n in 0..<4000 { text += "满盘测试\(n)号精密机械制造有限公司,020-\(String(format: "%04d", n / 100)) \(String(format: "%04d", n)),广东,广州市\r\n" }
        try text.write(toFile: sheet, atomically: true, encoding: .utf8)
        let before = try sandbox.kehu(["export", "customers", "--db", path, "--out", sandbox.path + "/before.csv"])
        try #require(before.status == 0)
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: disk.folder).sorted()
        try disk.fill()

        let imported = try sandbox.kehu(["import", "customers", sheet, "--db", path])
        #expect(imported.status == 7, "import: \(imported.status) \(imported.stderr)")
        #expect(imported.stderr.contains("磁盘已满"), "import: \(imported.stderr)")
        let exported = try sandbox.kehu(["export", "customers", "--db", path, "--out", disk.folder + "/out.csv"])
        #expect(exported.status == 7, "export: \(exported.status) \(exported.stderr)")
        #expect(exported.stderr.contains("磁盘已满"), "export: \(exported.stderr)")
        let workbook = try sandbox.kehu(["export", "customers", "--format", "xlsx", "--db", path, "--out", disk.folder + "/out.xlsx"])
        #expect(workbook.status == 7, "xlsx export: \(workbook.status) \(workbook.stderr)")
        #expect(workbook.stderr.contains("磁盘已满"), "xlsx export: \(workbook.stderr)")
        let backedUp = try sandbox.kehu(["backup", "--db", path, "--to", disk.folder + "/copy.db"])
        #expect(backedUp.status == 7, "backup: \(backedUp.status) \(backedUp.stderr)")
        #expect(backedUp.stderr.contains("磁盘已满"), "backup: \(backedUp.stderr)")

        if tmuxAvailable {
            let session = try TmuxSession(command: "\(kehuBinary) --db \(path) --as zhangwei", environment: sandbox.environment)
            _ = try session.fillFirstFollowUp("满盘时写的跟进", level: "b")
            try session.send("C-s")
            try session.waitFor(text: "磁盘已满")
            #expect(try session.screen().joined().contains("记跟进 · "), "the form was closed")
            try session.send("Escape")
            try session.waitFor(text: "放弃")
            try session.send("y")
            try session.waitFor("the form closed") { !$0.joined().contains("记跟进 · ") }
            try session.send("q")
            _ = try session.waitForExit(0)
        }

        // Every row still there, nothing half-written left beside the database.
        disk.makeRoom()
        let after = try sandbox.kehu(["export", "customers", "--db", path, "--out", sandbox.path + "/after.csv"])
        #expect(after.status == 0)
        #expect(try String(contentsOfFile: sandbox.path + "/after.csv", encoding: .utf8) == String(contentsOfFile: sandbox.path + "/before.csv", encoding: .utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder).sorted() == filesBefore)
        #expect(try sandbox.kehu(["check", "--db", path]).status == 0)
    }
}

/// A small tmpfs mounted for one test, and a file that fills it.
final class FullDisk {
    let folder = "/tmp/kehu-full-" + UUID().uuidString.prefix(8)
    private var filler: String { folder + ".filler" }
    private let megabytes: Int

    /// Whether this process may mount a tmpfs (root, and not a container that forbids it).
    static let canMount: Bool = {
        guard getuid() == 0, let disk = try? FullDisk(megabytes: 1) else { return false }
        disk.unmount()
        return true
    }()

    init(megabytes: Int) throws {
        self.megabytes = megabytes
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let mounted = try run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0777", "tmpfs", folder])
        guard mounted.status == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            throw SpawnError(message: "mount: \(mounted.stderr)")
        }
    }

    /// Writes a file in the tmpfs until the filesystem says it is full.
    func fill() throws {
        let fd = open(folder + "/.filler", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw SpawnError(message: "cannot create the filler") }
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x5A, count: 4096)
        while chunk.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        // Any partial block too.
        while write(fd, "Z", 1) > 0 {}
    }

    func makeRoom() {
        unlink(folder + "/.filler")
    }

    func unmount() {
        _ = try? run("/bin/umount", ["-l", folder])
        try? FileManager.default.removeItem(atPath: folder)
    }
}
