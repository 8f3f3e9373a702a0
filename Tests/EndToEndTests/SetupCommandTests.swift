import Foundation
import GRDB
import KehuCore
@testable import KehuStore
import Testing

/// Setting a database up from the command line alone: `kehu init`, teams, users and
/// settings; and the files kehu makes for one person being that person's alone.
struct SetupCommandTests {
    /// The login the kernel names for this test run.
    let me: String = {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return "" }
        return String(cString: name)
    }()

    func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test func aNewDatabaseIsSetUpFromTheCommandLine() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/team.db"
        // Commands other than init and the screen do not create a database.
        #expect(try sandbox.kehu(["team", "list", "--db", path]).status == 7)
        #expect(!FileManager.default.fileExists(atPath: path))

        let made = try sandbox.kehu(["init", "--db", path, "--name", "王芳"])
        #expect(made.status == 0 && made.stdout.contains("管理员 \(me)"), "\(made.stderr)")
        #expect(mode(path) == 0o600)
        for side in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + side) { #expect(mode(path + side) == 0o600) }
        #expect(try sandbox.kehu(["init", "--db", path]).status == 7)            // never over an existing file
        if getuid() != 0 {
            #expect(try sandbox.kehu(["init", "--db", sandbox.path + "/x.db", "--admin", "someone"]).status == 10)
        }

        let team = try sandbox.kehu(["team", "add", "新团队", "--region", "华东", "--db", path])
        #expect(team.status == 0 && team.stdout.contains("新团队"), "\(team.stderr)")
        #expect(try sandbox.kehu(["team", "add", "新团队", "--db", path]).status == 2)
        let user = try sandbox.kehu(["user", "add", "lisi", "--name", "李四", "--role", "supervisor", "--team", "新团队", "--db", path])
        #expect(user.status == 0, "\(user.stderr)")
        let lead = try sandbox.kehu(["team", "set", "新团队", "--supervisor", "lisi", "--name", "华东三组", "--db", path])
        #expect(lead.status == 0, "\(lead.stderr)")
        let list = try sandbox.kehu(["team", "list", "--db", path])
        #expect(list.stdout == "华东三组\t华东\tlisi 李四\t1\n", "\(list.stdout)")
        let unknown = try sandbox.kehu(["user", "add", "zs", "--name", "张三", "--role", "salesperson", "--team", "火星组", "--db", path])
        #expect(unknown.status == 64 && unknown.stderr.contains("华东三组"), "\(unknown.stderr)")

        let setting = try sandbox.kehu(["setting", "set", "pool.claimLimit", "30", "--db", path])
        #expect(setting.status == 0, "\(setting.stderr)")
        // Every key is known and every value checked: a typo, a word for a number, a
        // warning later than the loss are refused with exit 2 and change nothing.
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for (key, value) in [("pool.claimLimt2", "30"), ("nonsense", "1"), ("pool.claimLimit", "thirty"), ("churn.warnMonths", "9"),
                             ("export.roles", "admin,boss"), ("spotcheck.period", "monthly"), ("grade.criteria", "规模:50,潜力:40")] {
            let refused = try sandbox.kehu(["settings", "set", key, value, "--db", path])
            #expect(refused.status == 2 && refused.stderr.contains(key.hasPrefix("export") ? "boss" : key), "\(key) \(value): \(refused.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // Stored as the readers read it.
        let fullWidth = try sandbox.kehu(["settings", "set", "kpi.remotePerDay", "１２", "--db", path])
        #expect(fullWidth.status == 0 && fullWidth.stdout == "kpi.remotePerDay\t12\n", "\(fullWidth.stderr)")
        #expect(try sandbox.kehu(["settings", "get", "kpi.remotePerDay", "--db", path]).stdout == "12\n")
        #expect(try sandbox.kehu(["settings", "get", "kpi.visitsPerWeek", "--db", path]).stdout == "25\n")   // the default
        #expect(try sandbox.kehu(["settings", "get", "kpi.nope", "--db", path]).status == 2)
        let all = try sandbox.kehu(["settings", "list", "--db", path]).stdout
        #expect(all.contains("pool.claimLimit\t30\t已设\t") && all.contains("kpi.visitsPerWeek\t25\t默认\t每周拜访潜在客户数目标"), "\(all)")
        #expect(all.contains("spotcheck.period\tweekly") && all.contains("maintenance.vip.salesManager\t3"))
        #expect(!all.contains("claimLimt2"))

        // Someone the database does not know is refused everything, with exit 8.
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE users SET role = 'salesperson' WHERE login = ?", arguments: [me]) }
        try queue.close()
        #expect(try sandbox.kehu(["team", "list", "--db", path]).status == 10)
        #expect(try sandbox.kehu(["setting", "set", "pool.claimLimit", "1", "--db", path]).status == 10)
        #expect(try sandbox.kehu(["check", "--db", path]).status == 10)
    }

    @Test func whatKehuWritesForOnePersonIsTheirsAlone() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/mine.db"
        #expect(try sandbox.kehu(["demo", "--db", path, "--customers", "20"]).status == 0)
        #expect(mode(path) == 0o600)
        let out = sandbox.path + "/customers.csv"
        #expect(try sandbox.kehu(["export", "customers", "--db", path, "--out", out]).status == 0)
        #expect(mode(out) == 0o600)
        let copy = sandbox.path + "/copy.db"
        #expect(try sandbox.kehu(["backup", "--db", path, "--to", copy]).status == 0)
        #expect(mode(copy) == 0o600)
        #expect(try sandbox.kehu(["check", "--db", copy]).status == 0)
        // --force replaces a file, and then only the link, never what it points to.
        let victim = sandbox.path + "/victim.txt"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: sandbox.path + "/link.csv", withDestinationPath: victim)
        #expect(try sandbox.kehu(["export", "customers", "--db", path, "--out", sandbox.path + "/link.csv"]).status == 7)
        #expect(try sandbox.kehu(["backup", "--db", path, "--to", sandbox.path + "/link.csv"]).status == 7)
        #expect(try sandbox.kehu(["export", "customers", "--db", path, "--out", sandbox.path + "/link.csv", "--force"]).status == 0)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
    }

    @Test func aRefusedFileGetsNoSideFiles() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/invoices.db"
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE invoices(id INTEGER PRIMARY KEY)") }
        try queue.close()
        #expect(try sandbox.kehu(["export", "customers", "--db", path]).status == 3)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }
}

/// The command line speaks the session's language: help, summaries and usage errors.
struct CommandLineLanguageTests {
    @Test func helpAndUsageErrorsAreChineseInAChineseSession() throws {
        let sandbox = Sandbox()
        let help = try sandbox.kehu(["export", "--help"])
        #expect(help.status == 0 && help.stdout.contains("用法：kehu export") && help.stdout.contains("导出客户、联系人、拜访记录或意向卡"), "\(help.stdout)")
        #expect(help.stdout.contains("选项：") && !help.stdout.contains("OPTIONS:"))
        let wrong = try sandbox.kehu(["export", "nonsense"])
        #expect(wrong.status == 64 && wrong.stderr.contains("错误：未知的种类「nonsense」"), "\(wrong.stderr)")
        let missing = try sandbox.kehu(["report"])
        #expect(missing.status == 64 && missing.stderr.contains("缺少参数"), "\(missing.stderr)")
        // Every command's help, every summary and option, has its Chinese: no English
        // sentence is left in a Chinese session's help (a changed English text whose
        // Chinese was not updated would show here).
        for command in [[], ["open"], ["demo"], ["init"], ["user", "add"], ["user", "list"], ["user", "set"], ["team", "add"], ["team", "list"],
                        ["team", "set"], ["settings", "list"], ["settings", "get"], ["settings", "set"], ["report"], ["purge"], ["backup"], ["check"], ["export"], ["import"]] {
            let text = try sandbox.kehu(command + ["--help"]).stdout
            let english = text.split(separator: "\n").filter { line in
                [" the ", " a ", " an ", " of ", " or ", "Only ", " only "].contains { line.contains($0) } && !line.contains("--help")
            }
            #expect(english.isEmpty, "kehu \(command.joined(separator: " ")) --help: \(english)")
        }
        let english = try sandbox.kehu(["export", "--help", "--lang", "en"])
        #expect(english.stdout.contains("USAGE: kehu export") && english.stdout.contains("Export customers, contacts, activities or intent cards"))
    }
}

/// `kehu brief`: the day in a few lines, or JSON, and silence for strangers at a login.
struct BriefCommandTests {
    @Test func theBriefSaysWhatTodayHoldsAndNothingToStrangers() throws {
        let sandbox = Sandbox()
        sandbox.now = "2026-11-22 08:30"
        let path = sandbox.path + "/team.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "300", "--seed", "21", "--today", "2026-11-22"]).status == 0)
        let me = try becomeZhangWei(in: path)
        let store = try KehuDatabase.open(path: path).door(for: me)
        let profile = try store.profile()
        // A day soon after which some prospect of mine drops to the pool, so the brief has
        // something to say about tomorrow.
        let demoDay = LocalDate(year: 2026, month: 11, day: 22)!
        let today = try #require(try (0..<120).map { demoDay.adding(days: $0) }.first {
            try !store.poolDrops(on: $0.adding(days: 1), ownerID: profile.user.id!).isEmpty
        })
        sandbox.now = "\(today) 08:30"
        let counts = TodayOrdering.counts(try store.todayAgenda(ownerID: profile.user.id!, today: today, maintenanceFor: profile.user), today: today)
        let drops = try store.poolDrops(on: today.adding(days: 1), ownerID: profile.user.id!).map(\.code).sorted()
        try store.close()

        let text = try sandbox.kehu(["brief", "--db", path])
        #expect(text.status == 0 && text.stdout.hasPrefix("kehu · 张伟 · \(today)：今日 \(counts.dueToday)，逾期 \(counts.overdue)"), "\(text.stdout)")
        let json = try sandbox.kehu(["brief", "--db", path, "--format", "json"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(decoded["dueToday"] as? Int == counts.dueToday && decoded["overdue"] as? Int == counts.overdue && decoded["name"] as? String == "张伟")
        // Tomorrow's drops, read from Today's warnings, are the pool's own list.
        let dropping = (decoded["droppingTomorrow"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(!drops.isEmpty && dropping == drops, "\(dropping) vs \(drops)")

        // At a login, someone kehu does not know hears nothing, and the login goes on.
        let queue2 = try DatabaseQueue(path: path)
        try queue2.write { try $0.execute(sql: "UPDATE users SET login = 'someone-else' WHERE login = ?", arguments: [me]) }
        try queue2.close()
        let stranger = try sandbox.kehu(["brief", "--login", "--db", path])
        #expect(stranger.status == 0 && stranger.stdout.isEmpty && stranger.stderr.isEmpty)
        #expect(try sandbox.kehu(["brief", "--db", path]).status == 8)
        let nowhere = try sandbox.kehu(["brief", "--login", "--db", sandbox.path + "/none.db"])
        #expect(nowhere.status == 0 && nowhere.stdout.isEmpty && nowhere.stderr.isEmpty)
    }
}
