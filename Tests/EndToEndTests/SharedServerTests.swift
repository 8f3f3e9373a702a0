import Foundation
import GRDB
import Testing

/// kehu installed for a whole team on one server, tried as the people on it: two
/// salespeople in different teams, their supervisor and an admin, each a real Unix user.
/// Needs root (to make users, a group and a setgid install); CI runs as root.
@Suite(.enabled(if: getuid() == 0, "skipped: the shared-server tests need root to create Unix users, a group and a setgid install"))
struct SharedServerTests {
    /// The people and the install, made for one test and removed after it.
    final class Server {
        let tag = "k" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let prefix: String
        var group: String { tag + "g" }
        var admin: String { tag + "adm" }
        var east: String { tag + "zw" }       // salesperson, 华东一组
        var north: String { tag + "ly" }      // salesperson, 华北一组
        var supervisor: String { tag + "sv" } // supervisor of 华东一组
        var people: [String] { [admin, east, north, supervisor] }
        var kehu: String { prefix + "/bin/kehu" }
        var database: String { prefix + "/data/kehu.db" }

        init() throws {
            prefix = "/tmp/kehu-shared-" + UUID().uuidString.prefix(8)
            try FileManager.default.createDirectory(atPath: prefix + "/homes", withIntermediateDirectories: true)
            chmod(prefix, 0o755)
            chmod(prefix + "/homes", 0o755)
            for person in people {
                let made = try KehuE2E.run("/usr/sbin/useradd", ["--no-create-home", "--shell", "/bin/sh", "--home-dir", home(person), person])
                guard made.status == 0 else { throw SpawnError(message: "useradd \(person): \(made.stderr)") }
                try FileManager.default.createDirectory(atPath: home(person), withIntermediateDirectories: true)
                chmod(home(person), 0o755)
                _ = try KehuE2E.run("/bin/chown", ["\(person):", home(person)])
            }
        }

        deinit {
            for person in people { removeUnixUser(person) }
            _ = try? KehuE2E.run("/usr/sbin/groupdel", [group])
            try? FileManager.default.removeItem(atPath: prefix)
        }

        func home(_ person: String) -> String { prefix + "/homes/" + person }

        /// Runs kehu (or another program) as `person`, with a plain environment of theirs.
        @discardableResult
        func run(as person: String, _ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
            var variables = ["HOME": home(person), "XDG_DATA_HOME": home(person) + "/data", "XDG_CONFIG_HOME": home(person) + "/config",
                             "KEHU_LANG": "zh", "LANG": "C.UTF-8"]
            for (key, value) in environment { variables[key] = value }
            let assignments = variables.map { "\($0.key)=\($0.value)" }.sorted()
            return try KehuE2E.run("/usr/sbin/runuser", ["-u", person, "--", "/usr/bin/env"] + assignments + [program] + arguments)
        }

        @discardableResult
        func kehu(as person: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
            try run(as: person, kehu, arguments, environment: environment)
        }

        /// A file in `person`'s home, theirs.
        func write(_ text: String, to name: String, for person: String) throws -> String {
            let path = home(person) + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            _ = try KehuE2E.run("/bin/chown", ["\(person):", path])
            return path
        }

        func sha256(_ path: String) throws -> String {
            try KehuE2E.run("/usr/bin/sha256sum", [path]).stdout.split(separator: " ").first.map(String.init) ?? ""
        }

        /// Installs kehu the way an admin would, and sets up two teams and their people.
        func install() throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
            let installed = try KehuE2E.run(root + "/scripts/install", ["--prefix", prefix, "--shared", prefix + "/data", "--group", group,
                                                                        "--admin", admin, "--binary", kehuBinary])
            guard installed.status == 0 else { throw SpawnError(message: "install: \(installed.stdout) \(installed.stderr)") }
            for arguments in [["team", "add", "华东一组", "--region", "华东"], ["team", "add", "华北一组", "--region", "华北"],
                              ["user", "add", east, "--name", "张伟", "--role", "salesperson", "--team", "华东一组", "--region", "华东"],
                              ["user", "add", north, "--name", "刘洋", "--role", "salesperson", "--team", "华北一组", "--region", "华北"],
                              ["user", "add", supervisor, "--name", "李主管", "--role", "supervisor", "--team", "华东一组", "--region", "华东"],
                              ["setting", "set", "export.roles", "admin,salesperson,supervisor"]] {
                let result = try kehu(as: admin, arguments)
                guard result.status == 0 else { throw SpawnError(message: "kehu \(arguments): \(result.stderr)") }
            }
            let header = "单位名称,电话,联系人,手机,省份,城市\n"
            let eastFile = try write(header + "上海甲机械有限公司,021-5555 0001,陈先生,13900000001,上海,上海\n"
                                     + "上海乙机械有限公司,021-5555 0002,吴女士,13900000002,上海,上海\n", to: "east.csv", for: admin)
            let northFile = try write(header + "北京丙机械有限公司,010-6666 0003,赵先生,13900000003,北京,北京\n"
                                      + "北京丁机械有限公司,010-6666 0004,钱女士,13900000004,北京,北京\n", to: "north.csv", for: admin)
            for (file, owner) in [(eastFile, east), (northFile, north)] {
                let result = try kehu(as: admin, ["import", "customers", file, "--owner", owner])
                guard result.status == 0 else { throw SpawnError(message: "import: \(result.stdout) \(result.stderr)") }
            }
        }

        /// The admin's export of `kind` as rows of cells. Through kehu: a sqlite3 or GRDB
        /// connection of root's own would not keep the database's side files.
        func adminExport(_ kind: String) throws -> [[String]] {
            let result = try kehu(as: admin, ["export", kind, "--lang", "en"])
            return result.stdout.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        }

        /// A customer's code, as the admin sees it.
        func code(of name: String) throws -> String {
            try adminExport("customers").first { $0.count > 1 && $0[1] == name }?.first ?? ""
        }
    }

    /// A large import sorts the indexes it makes again in runs written to temporary files.
    /// In the shared install those go into the team's folder, which only kehu's group can
    /// reach, and never where the user's variables point (SQLITE_TMPDIR, TMPDIR): a file
    /// there would be the user's to read. Seen through strace as root (`-u` runs the user's
    /// kehu with its setgid group, as a login would; not `--seccomp-bpf`, whose filter
    /// needs "no new privileges" and so takes the group away).
    @Test func aLargeImportSortsInTheTeamFolderNeverTheUsers() throws {
        let server = try Server()
        try server.install()
        let own = server.home(server.admin) + "/tmp"
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
        _ = try KehuE2E.run("/bin/chown", ["\(server.admin):", own])
        // Enough rows that the widest index's sort passes SQLite's 2 MB and spills.
        let rows = (0..<40_000).map { "深圳测试\($0)号机电有限公司,0755-\(String(format: "%08d", 20_000_000 + $0)),广东,深圳" }
        let sheet = try server.write("单位名称,电话,省份,城市\n" + rows.joined(separator: "\n") + "\n", to: "big.csv", for: server.admin)
        let trace = server.prefix + "/openat.trace"
        let traced = try KehuE2E.run("/usr/bin/strace", ["-f", "-qq", "-e", "trace=openat", "-o", trace, "-u", server.admin,
                                                         "/usr/bin/env", "HOME=\(server.home(server.admin))", "KEHU_LANG=zh", "LANG=C.UTF-8",
                                                         "TMPDIR=\(own)", "SQLITE_TMPDIR=\(own)", server.kehu, "import", "customers", sheet])
        #expect(traced.status == 0 && traced.stdout.contains("新建 40000"), "\(traced.status) \(traced.stdout) \(traced.stderr)")
        let runs = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").filter { $0.contains("etilqs_") }
        #expect(!runs.isEmpty, "the sort spilled no run: the test no longer shows where runs go")
        for run in runs {
            #expect(run.contains("\"\(server.prefix)/data/etilqs_") && run.contains("O_EXCL"), "\(run)")
        }
        // SQLite removed each as it opened it: the folder holds the database alone.
        let left = try FileManager.default.contentsOfDirectory(atPath: server.prefix + "/data").sorted()
        #expect(left == ["kehu.db", "kehu.db-shm", "kehu.db-wal"], "\(left)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: own).isEmpty)
    }

    @Test func onlyKehuOpensTheTeamDatabaseAndEachPersonSeesOnlyTheirOwn() throws {
        let server = try Server()
        try server.install()

        // The files are root's and the group's; nobody is in the group.
        for file in [server.database, server.database + "-wal", server.database + "-shm"] {
            var info = stat()
            #expect(stat(file, &info) == 0 && info.st_uid == 0 && info.st_mode & 0o777 == 0o660, "\(file)")
        }
        #expect(try server.kehu(as: server.admin, ["user", "list"]).stdout.contains(server.north))

        for person in server.people {
            let direct = try server.run(as: person, "/usr/bin/sqlite3", [server.database, "SELECT count(*) FROM customers"])
            #expect(direct.status != 0, "\(person) read the database with sqlite3: \(direct.stdout)")
            #expect(direct.stdout.isEmpty)
        }

        // Each person's export holds only what they may see.
        let eastExport = try server.kehu(as: server.east, ["export", "customers"])
        #expect(eastExport.status == 0, "\(eastExport.stderr)")
        #expect(eastExport.stdout.contains("上海甲机械有限公司") && eastExport.stdout.contains("上海乙机械有限公司"))
        #expect(!eastExport.stdout.contains("北京"))
        let northExport = try server.kehu(as: server.north, ["export", "customers"])
        #expect(northExport.stdout.contains("北京丙机械有限公司") && !northExport.stdout.contains("上海"))
        let teamExport = try server.kehu(as: server.supervisor, ["export", "contacts"])
        #expect(teamExport.stdout.contains("陈先生") && teamExport.stdout.contains("吴女士") && !teamExport.stdout.contains("赵先生"))

        // The kernel refuses what kehu's group could do for a user: writing the database,
        // reading it as an import.
        let before = try server.sha256(server.database)
        let overDatabase = try server.kehu(as: server.east, ["export", "customers", "--out", server.database])
        #expect(overDatabase.status == 7 && overDatabase.stderr.contains("Permission denied"), "\(overDatabase.stderr)")
        let forced = try server.kehu(as: server.east, ["export", "customers", "--out", server.database, "--force"])
        #expect(forced.status == 7 && forced.stderr.contains("无法写入") && forced.stderr.contains("Permission denied"), "\(forced.stderr)")
        let intoFolder = try server.kehu(as: server.east, ["export", "customers", "--out", server.prefix + "/data/copy.csv"])
        #expect(intoFolder.status == 7, "\(intoFolder.stderr)")
        #expect(!FileManager.default.fileExists(atPath: server.prefix + "/data/copy.csv"))
        let importDatabase = try server.kehu(as: server.supervisor, ["import", "customers", server.database, "--dry-run"])
        #expect(importDatabase.status == 7 && importDatabase.stderr.contains("无法读取") && importDatabase.stderr.contains("Permission denied"),
                "\(importDatabase.stderr)")
        #expect(try server.sha256(server.database) == before)

        // A row naming another team's customer is rejected, in the dry run too, and nothing changes.
        let northCode = try server.code(of: "北京丙机械有限公司")
        let sneaky = try server.write("单位名称,客户编码,备注\n北京丙机械有限公司,\(northCode),改一下备注\n", to: "sneaky.csv", for: server.supervisor)
        let dryRun = try server.kehu(as: server.supervisor, ["import", "customers", sneaky, "--dry-run"])
        #expect(dryRun.status == 0 && dryRun.stdout.contains("\(northCode)（刘洋 · 华北一组的客户）不在你的权限范围内"), "\(dryRun.stdout)")
        let real = try server.kehu(as: server.supervisor, ["import", "customers", sneaky])
        #expect(real.status == 65 && real.stdout.contains("不在你的权限范围内"), "\(real.stdout) \(real.stderr)")
        let skipping = try server.kehu(as: server.supervisor, ["import", "customers", sneaky, "--skip-bad"])
        #expect(skipping.status == 0, "\(skipping.stderr)")
        #expect(try String(contentsOfFile: sneaky + ".rejects.csv", encoding: .utf8).contains("不在你的权限范围内"))
        let history = try server.write("客户编码,日期,方式,经办人,洽谈内容\n\(northCode),2026-11-20,电话,李主管,打探\n", to: "visits.csv", for: server.supervisor)
        let visitImport = try server.kehu(as: server.supervisor, ["import", "activities", history])
        #expect(visitImport.status == 65 && visitImport.stdout.contains("不在你的权限范围内"), "\(visitImport.stdout) \(visitImport.stderr)")
        let customers = try server.adminExport("customers")
        #expect(customers.count == 5 && !customers.joined().contains("改一下备注"))
        #expect(try server.adminExport("activities").count == 1)   // the header alone

        // Identity is the kernel's, not the environment's.
        let pretending = try server.kehu(as: server.east, ["user", "list"], environment: ["USER": server.admin, "LOGNAME": server.admin])
        #expect(pretending.status == 10 && pretending.stderr.contains(server.east), "\(pretending.stderr)")
        let nobody = try KehuE2E.run("/usr/bin/setpriv", ["--reuid=54321", "--regid=54321", "--clear-groups", "/usr/bin/env",
                                                          "USER=\(server.admin)", "HOME=/tmp", "KEHU_LANG=zh", server.kehu, "user", "list"])
        #expect(nobody.status == 8 && nobody.stderr.contains("54321"), "\(nobody.stderr)")

        // Another database named by a non-admin is ignored, with a message.
        let elsewhere = server.home(server.east) + "/mine.db"
        for (arguments, environment) in [(["--db", elsewhere], [String: String]()), ([], ["KEHU_DB": elsewhere])] {
            let result = try server.kehu(as: server.east, ["export", "customers"] + arguments, environment: environment)
            #expect(result.status == 0 && result.stderr.contains("已忽略") && result.stdout.contains("上海甲机械有限公司"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: elsewhere))
        }

        // Links a teammate plants in a shared folder are never followed.
        let shared = server.prefix + "/drop"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        chmod(shared, 0o1777)
        let victim = try server.write("张伟的文件\n", to: "victim.txt", for: server.east)
        for planted in ["/out.csv", "/out.csv.partial", "/other.csv.partial", "/list.csv.rejects.csv"] {
            _ = try server.run(as: server.north, "/bin/ln", ["-s", victim, shared + planted])
        }
        let intoLink = try server.kehu(as: server.east, ["export", "customers", "--out", shared + "/out.csv"])
        #expect(intoLink.status == 7, "\(intoLink.stderr)")
        let besideLink = try server.kehu(as: server.east, ["export", "customers", "--out", shared + "/other.csv"])
        #expect(besideLink.status == 0, "\(besideLink.stderr)")
        var info = stat()
        #expect(lstat(shared + "/other.csv", &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_mode & 0o777 == 0o600)
        let list = try server.write("单位名称,电话,城市\n上海丙公司,021-5555 0009,上海\n没有城市的公司,,火星\n", to: "list.csv", for: server.supervisor)
        _ = try KehuE2E.run("/bin/cp", [list, shared + "/list.csv"])
        _ = try KehuE2E.run("/bin/chown", ["\(server.supervisor):", shared + "/list.csv"])
        let rejects = try server.kehu(as: server.supervisor, ["import", "customers", shared + "/list.csv", "--skip-bad"])
        #expect(rejects.status == 7 && rejects.stderr.contains("不会覆盖"), "\(rejects.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "张伟的文件\n")

        // The screen, too, shows a salesperson only their own customers.
        let session = try TmuxSession(command: "runuser -u \(server.east) -- env HOME=\(server.home(server.east)) \(server.kehu)",
                                      environment: ["KEHU_LANG": "zh", "LANG": "C.UTF-8", "TERM": "xterm-256color"])
        try session.waitFor(text: "张伟")
        try session.send("v")
        let screen = try session.waitFor(text: "上海乙机械有限公司")
        #expect(screen.joined().contains("上海甲机械有限公司") && !screen.joined().contains("北京"))
        try session.send("q")
        try session.waitForExit(0)

        // Whoever opened it, the side files are still root's and the group's.
        for file in [server.database + "-wal", server.database + "-shm"] {
            #expect(stat(file, &info) == 0 && info.st_uid == 0 && info.st_mode & 0o777 == 0o660, "\(file)")
        }
    }
}

/// The harness's process runner under a name the suite's own `run(as:)` does not shadow.
enum KehuE2E {
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try EndToEndTests.run(executable, arguments, environment: environment)
    }
}
