import Foundation
import GRDB
import Testing

/// What the command line says and returns when something is wrong: a message naming the
/// file, and an exit code per kind of failure; nothing stored is touched.
struct CommandLineTests {
    @Test func notAKehuDatabaseExitsThreeAndLeavesTheFile() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/customers.xlsx"
        try Data("PK\u{3}\u{4} not a database".utf8).write(to: URL(fileURLWithPath: path))
        let result = try sandbox.kehu(["--db", path])
        #expect(result.status == 3)
        #expect(result.stderr.contains(path))
        #expect(result.stderr.contains("不是 kehu 数据库"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("PK\u{3}\u{4} not a database".utf8))
    }

    @Test func aNewerSchemaExitsFourInEnglishToo() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "5"]).status == 0)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v42-from-the-future')") }
        try queue.close()
        let result = try sandbox.kehu(["--db", path, "--lang", "en"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("was written by a newer kehu"))
        #expect(result.stderr.contains("v42-from-the-future"))
    }

    @Test func anUnknownLoginIsToldNotLetIn() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "5"]).status == 0)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE users SET login = 'someone-else' WHERE role = 'admin'") }
        try queue.close()
        let result = try sandbox.kehu(["--db", path])
        #expect(result.status == 8)
        #expect(result.stderr.contains("未在 \(path) 中登记"))
    }

    @Test func withoutATerminalKehuSaysSoAndExitsNine() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        let result = try sandbox.kehu(["--db", path, "--lang", "en"])   // stdin is /dev/null here
        #expect(result.status == 9)
        #expect(result.stderr.contains("needs a terminal"))
        // The new database was still created, migrated, with this login as its admin.
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try String.fetchOne($0, sql: "SELECT role FROM users") } == "admin")
    }

    @Test func demoOptionsAreValidated() throws {
        let sandbox = Sandbox()
        let bad = try sandbox.kehu(["demo", "--db", sandbox.path + "/x.db", "--customers", "0"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--customers must be between 1 and 1000000"))
        let badDate = try sandbox.kehu(["demo", "--db", sandbox.path + "/x.db", "--today", "2026-02-30"])
        #expect(badDate.stderr.contains("\"2026-02-30\" is not a date"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/x.db"))
        #expect(try sandbox.kehu(["demo", "--db", sandbox.path + "/x.db", "--customers", "3"]).status == 0)
        let again = try sandbox.kehu(["demo", "--db", sandbox.path + "/x.db", "--customers", "3"])
        #expect(again.status == 7)
        #expect(again.stderr.contains("不会覆盖") || again.stderr.contains("will not overwrite"))
    }

    @Test func theDemoFlagCreatesTheDemoDatabaseInTheDataFolder() throws {
        let sandbox = Sandbox()
        let result = try sandbox.kehu(["--demo"])   // no terminal: it stops after preparing the data
        #expect(result.status == 9)
        #expect(FileManager.default.fileExists(atPath: sandbox.path + "/data/kehu/demo.db"))
    }

    @Test func everyCommandHasHelp() throws {
        for args in [["--help"], ["demo", "--help"], ["open", "--help"]] {
            let result = try Sandbox().kehu(args)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE"))
        }
    }
}

/// Users are managed by admins only, and only admins may look through `--as`.
struct UserCommandTests {
    @Test func adminsManageUsersAndOthersAreRefused() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "5"]).status == 0)
        let added = try sandbox.kehu(["user", "add", "chenxin", "--db", path, "--name", "陈欣", "--role", "salesperson", "--team", "华南一组", "--region", "华南"])
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try sandbox.kehu(["user", "list", "--db", path])
        #expect(listed.stdout.contains("chenxin\t陈欣\t销售顾问\t华南一组\t华南"))
        let badTeam = try sandbox.kehu(["user", "add", "x", "--db", path, "--name", "x", "--role", "salesperson", "--team", "火星组"])
        #expect(badTeam.stderr.contains("no team named \"火星组\""))
        let badRole = try sandbox.kehu(["user", "set", "chenxin", "--db", path, "--role", "boss"])
        #expect(badRole.stderr.contains("unknown role \"boss\""))
        #expect(try sandbox.kehu(["user", "set", "chenxin", "--db", path, "--role", "supervisor"]).status == 0)
        #expect(try sandbox.kehu(["user", "list", "--db", path]).stdout.contains("chenxin\t陈欣\t销售主管"))

        // The running login stops being an admin: user management and --as are refused.
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE users SET role = 'salesperson' WHERE role = 'admin'") }
        try queue.close()
        let refused = try sandbox.kehu(["user", "list", "--db", path])
        #expect(refused.status == 10)
        #expect(refused.stderr.contains("只有管理员"))
        let asRefused = try sandbox.kehu(["--db", path, "--as", "zhangwei"])
        #expect(asRefused.status == 10)
        #expect(asRefused.stderr.contains("--as"))
    }

    @Test func anAdminMayLookAsSomeoneKnownOnly() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "5"]).status == 0)
        let unknown = try sandbox.kehu(["--db", path, "--as", "nobody"])
        #expect(unknown.status == 8)
        #expect(unknown.stderr.contains("nobody"))
        let known = try sandbox.kehu(["--db", path, "--as", "zhangwei"])   // no terminal here: it gets as far as the screen
        #expect(known.status == 9)
    }
}

/// Backup, check, the churn report and purge from the command line, with their exit codes.
struct CareCommandTests {
    @Test func backupCheckReportAndPurge() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "300", "--seed", "4"]).status == 0)
        let backup = try sandbox.kehu(["backup", "--db", path, "--to", sandbox.path + "/copy.db"])
        #expect(backup.status == 0 && backup.stdout.contains("已备份"), "\(backup.stderr)")
        let again = try sandbox.kehu(["backup", "--db", path, "--to", sandbox.path + "/copy.db"])
        #expect(again.status == 7 && again.stderr.contains("copy.db"))
        let healthy = try sandbox.kehu(["check", "--db", sandbox.path + "/copy.db"])
        #expect(healthy.status == 0 && healthy.stdout.contains("检查通过"), "\(healthy.stdout)\(healthy.stderr)")
        // A code written in by hand, behind kehu's back.
        let queue = try DatabaseQueue(path: sandbox.path + "/copy.db")
        try queue.write { try $0.execute(sql: "UPDATE customers SET code = 'X1' WHERE id = 1") }
        try queue.close()
        let sick = try sandbox.kehu(["check", "--db", sandbox.path + "/copy.db"])
        #expect(sick.status == 6 && sick.stdout.contains("「X1」格式不对"), "\(sick.stdout)")

        let report = try sandbox.kehu(["report", "churn", "--db", path, "--format", "csv"])
        #expect(report.status == 0 && report.stdout.hasPrefix("流失客户\r\n编码,单位名称,等级,责任人,流失日期,原因\r\n"), "\(report.stdout.prefix(200))")
        #expect(try sandbox.kehu(["report", "funnelx", "--db", path]).status == 64)
        #expect(try sandbox.kehu(["report", "churn", "--db", path, "--month", "2026-13"]).status == 64)

        let dryRun = try sandbox.kehu(["purge", "--db", path, "--dry-run"])
        #expect(dryRun.status == 0 && dryRun.stdout.contains("将删除"), "\(dryRun.stdout)")
        let unconfirmed = try sandbox.kehu(["purge", "--db", path])
        #expect(unconfirmed.status == 2 && unconfirmed.stderr.contains("--yes"))
        #expect(try sandbox.kehu(["purge", "--db", path, "--yes"]).stdout.contains("已删除"))
        #expect(try sandbox.kehu(["purge", "--db", path, "--dry-run"]).stdout.contains("没有超过保存期限的客户"))
        #expect(try sandbox.kehu(["check", "--db", path]).status == 0)
    }
}
