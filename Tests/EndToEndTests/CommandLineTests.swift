import Foundation
import KehuDemo
import GRDB
import KehuCore
@testable import KehuStore
import Testing

/// What the command line says and returns when something is wrong: a message naming the
/// file, and an exit code per kind of failure; nothing stored is touched.
struct CommandLineTests {
    @Test func versionAndHelpNameWhatPeopleLookFor() throws {
        let sandbox = Sandbox()
        let version = try sandbox.kehu(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("kehu 0.") && version.stdout.contains("(v"), "\(version.stdout)")
        // The screen's own options in the top-level help, in either language.
        for language in ["zh", "en"] {
            var environment = sandbox.environment
            environment["KEHU_LANG"] = language
            let help = try run(kehuBinary, ["--help"], environment: environment)
            #expect(help.status == 0)
            for option in ["--db", "--demo", "--lang", "--version"] {
                #expect(help.stdout.contains(option), "\(language): \(option) missing from \(help.stdout)")
            }
        }
    }

    @Test func anUnknownTeamIsNamedWithTheTeamsOneMaySee() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "20"]).status == 0)
        let result = try sandbox.kehu(["report", "kpi", "--team", "不存在", "--db", path])
        #expect(result.status == 10)
        #expect(result.stderr.contains("你能看到的团队里没有「不存在」") && result.stderr.contains("华南"), "\(result.stderr)")
    }

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
        let chinese = try sandbox.kehu(["--db", path, "--lang", "zh"])
        #expect(chinese.status == 9 && chinese.stderr.contains("kehu 需要在终端里运行"), "\(chinese.stderr)")
        // The new database was still created, migrated, with this login as its admin.
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try String.fetchOne($0, sql: "SELECT role FROM users") } == "admin")
    }

    /// The screen's own options are parsed without the whole command tree (a faster
    /// start); anything wrong among them still gets the whole tree's messages.
    @Test func mistakesAmongTheScreensOptionsAreUsageErrors() throws {
        let sandbox = Sandbox()
        for (arguments, says) in [(["--lang", "en", "--nonsense"], "Unknown option '--nonsense'"),
                                  (["--lang", "en", "--db"], "Missing value for '--db <db>'"),
                                  (["--lang=en", "--theme"], "Missing value for '--theme <theme>'"),
                                  (["--lang", "en", "--demo", "extra"], "Unexpected argument 'extra'")] {
            let result = try sandbox.kehu(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(says) && result.stderr.contains("kehu open"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func demoOptionsAreValidated() throws {
        let sandbox = Sandbox()
        let bad = try sandbox.kehu(["demo", "--db", sandbox.path + "/x.db", "--customers", "0"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--customers 应在 1 到 1000000 之间"))      // usage errors in the session's language
        let badDate = try sandbox.kehu(["demo", "--db", sandbox.path + "/x.db", "--today", "2026-02-30"])
        #expect(badDate.stderr.contains("「2026-02-30」不是像 2026-11-22 这样的日期"))
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
            #expect(result.stdout.contains("用法："))
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
        #expect(badTeam.stderr.contains("没有名为「火星组」的团队"))
        let badRole = try sandbox.kehu(["user", "set", "chenxin", "--db", path, "--role", "boss"])
        #expect(badRole.stderr.contains("未知的角色「boss」"))
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
        #expect(try sandbox.kehu(["report", "churn", "--db", path, "--team", "火星组"]).status == 10)   // as unknown as a team out of sight
        let team = try sandbox.kehu(["report", "kpi", "--db", path, "--team", "华南一组", "--format", "json"])
        #expect(team.status == 0 && team.stdout.contains("\"report\" : \"kpi\"") && !team.stdout.contains("华东一组"), "\(team.stdout.prefix(300))")
        #expect(try sandbox.kehu(["report", "churn", "--db", path, "--month", "2026-13"]).status == 64)
        // The week's leads by default (客户跟进单), any period when asked.
        let leads = try sandbox.kehu(["report", "leads", "--db", path, "--format", "csv"])
        #expect(leads.status == 0 && leads.stdout.hasPrefix("线索\r\n项目,数值\r\n新登记,"), "\(leads.stdout.prefix(200))\(leads.stderr)")
        #expect(try sandbox.kehu(["report", "leads", "--db", path, "--from", "2020-01-01", "--to", "2030-12-31"]).stdout.contains("有效线索汇总"))

        let dryRun = try sandbox.kehu(["purge", "--db", path, "--dry-run"])
        #expect(dryRun.status == 0 && dryRun.stdout.contains("将删除"), "\(dryRun.stdout)")
        let unconfirmed = try sandbox.kehu(["purge", "--db", path])
        #expect(unconfirmed.status == 2 && unconfirmed.stderr.contains("--yes"))
        #expect(try sandbox.kehu(["purge", "--db", path, "--yes"]).stdout.contains("已删除"))
        #expect(try sandbox.kehu(["purge", "--db", path, "--dry-run"]).stdout.contains("没有超过保存期限的客户"))
        #expect(try sandbox.kehu(["check", "--db", path]).status == 0)
    }
}

let pythonAvailable: Bool = (try? run("/usr/bin/env", ["python3", "--version"]).status == 0) ?? false

/// An XLSX export read back by an independent reader (Python's zipfile and XML parser)
/// gives the same rows as the CSV export; roles without export rights are refused.
@Suite(.enabled(if: pythonAvailable, "python3 reads the workbook back"))
struct ExportCommandTests {
    @Test func anXLSXReadsBackAsTheCSVAndSalespeopleMayNotExport() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "120", "--seed", "9"]).status == 0)
        let csv = try sandbox.kehu(["export", "customers", "--db", path])
        #expect(csv.status == 0 && csv.stdout.contains("客户编码,名称,客户等级"), "\(csv.stderr)")
        // Written to a file, the CSV starts with the byte-order mark Excel looks for.
        #expect(try sandbox.kehu(["export", "customers", "--db", path, "--out", sandbox.path + "/c.csv"]).status == 0)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: sandbox.path + "/c.csv")).prefix(3)) == [0xEF, 0xBB, 0xBF])
        let xlsx = sandbox.path + "/customers.xlsx"
        #expect(try sandbox.kehu(["export", "customers", "--db", path, "--format", "xlsx", "--out", xlsx]).status == 0)
        let reader = """
            import csv, io, sys, zipfile, datetime, xml.etree.ElementTree as ET
            z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
            ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
            sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
            def col(ref): return sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(''.join(c for c in ref if c.isalpha())))) - 1
            out = csv.writer(sys.stdout, lineterminator='\\n')
            for row in sheet.iter('{%s}row' % ns['m']):
                cells = {}
                for c in row.findall('m:c', ns):
                    t = c.find('.//m:t', ns); v = c.find('m:v', ns)
                    if t is not None: value = t.text or ''
                    elif c.get('s') == '1': value = (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(v.text))).isoformat()
                    elif c.get('s') == '2':
                        moment = datetime.datetime(1899, 12, 30) + datetime.timedelta(days=float(v.text))
                        value = (moment + datetime.timedelta(seconds=30)).strftime('%Y-%m-%d %H:%M')
                    else: value = v.text
                    cells[col(c.get('r'))] = value
                out.writerow([cells.get(i, '') for i in range(max(cells) + 1 if cells else 0)])
            """
        let script = sandbox.path + "/read.py"
        try reader.write(toFile: script, atomically: true, encoding: .utf8)
        let read = try run("/usr/bin/env", ["python3", script, xlsx])
        #expect(read.status == 0, "\(read.stderr)")
        // The same rows, cell by cell (trailing empty cells aside).
        func rows(_ text: String) -> [[String]] {
            text.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\r\n", with: "\n")
                .split(separator: "\n").map { line in
                    var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    while cells.last == "" { cells.removeLast() }
                    return cells
                }
        }
        #expect(rows(read.stdout) == rows(csv.stdout))
        #expect(rows(read.stdout).count == 121)

        let vcf = try sandbox.kehu(["export", "contacts", "--db", path, "--format", "vcf"])
        #expect(vcf.stdout.components(separatedBy: "BEGIN:VCARD").count - 1 == vcf.stdout.components(separatedBy: "END:VCARD").count - 1)
        #expect(try sandbox.kehu(["export", "customers", "--db", path, "--format", "xlsx", "--out", xlsx]).status == 7)   // exists: never overwritten without --force

        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE users SET role = 'salesperson' WHERE role = 'admin'") }
        try queue.close()
        let refused = try sandbox.kehu(["export", "customers", "--db", path])
        #expect(refused.status == 10 && refused.stderr.contains("不能导出"))
    }
}

/// Importing sheets shaped like the real ones: GBK and UTF-8 with BOM, messy phones and
/// dates, a broken row in the middle, a file that is not CSV at all.
struct ImportCommandTests {
    /// Another process holds the write lock for longer than kehu waits: the import says
    /// so in the session's language and ends with the documented exit 5, having written
    /// nothing — not SQLite's own words and exit 1.
    /// While a colleague's import holds the write lock, everything that only reads works:
    /// reports, the check, lists, exports, a backup (before, each waited and failed).
    @Test func readingCommandsDoNotWaitForAWriter() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "40"]).status == 0)
        try #require(try sandbox.kehu(["report", "kpi", "--db", path]).status == 0)   // today's rules applied
        // The WAL stays, not empty, after the last kehu closed: the next opener needs no write.
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
        #expect((wal ?? 0) > 0)
        let writer = try DatabaseQueue(path: path)
        var results: [(String, ProcessResult)] = []
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE; UPDATE settings SET value = value")
            for command in [["report", "kpi"], ["check"], ["user", "list"], ["export", "customers"],
                            ["backup", "--to", sandbox.path + "/copy.db"]] {
                results.append((command.joined(separator: " "), try sandbox.kehu(command + ["--db", path])))
            }
            try db.execute(sql: "ROLLBACK")
        }
        try writer.close()
        for (command, result) in results {
            #expect(result.status == 0, "kehu \(command): \(result.status) \(result.stderr)")
        }
    }

    @Test func anImportBlockedByAWriterSaysSoWithExitFive() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "20"]).status == 0)
        let sheet = sandbox.path + "/new.csv"
        try "客户名称,联系电话,省份,城市\r\n佛山顺德五金有限公司,0757-2233 4455,广东,佛山市\r\n".write(toFile: sheet, atomically: true, encoding: .utf8)
        let before = try KehuDatabase.open(path: path).customerCount()
        let writer = try DatabaseQueue(path: path)
        var blocked: ProcessResult?
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            blocked = try sandbox.kehu(["import", "customers", sheet, "--db", path])
            try db.execute(sql: "ROLLBACK")
        }
        try writer.close()
        let result = try #require(blocked)
        #expect(result.status == 5, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("被另一个进程锁住") && !result.stderr.contains("SQLite error"), "\(result.stderr)")
        #expect(try KehuDatabase.open(path: path).customerCount() == before)
    }

    @Test func gbkAndBomFilesBrokenRowsAndRerunning() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "20"]).status == 0)
        let sheet = "客户名称,联系电话,联系人,手机,省份,城市,客户等级,建档日期,备注\r\n"
            + "佛山顺德五金有限公司,０７５７－２２３３ ４４５５,黄伟,139 1234 5678,广东,佛山市,重点,2026年3月5日,\"老客户, 转介绍\"\r\n"
            + "坏数据,12,,,火星,火星,Z,明天,\r\n"
            + "东莞精密模具厂,(0769) 8765-4321,李丽,13800138000,广东,东莞,,45717,\"两行\n备注\"\r\n"
        // The same sheet twice over: GB18030 as a Chinese Windows saves it, and UTF-8 with BOM.
        let gbk = sandbox.path + "/gbk.csv", bom = sandbox.path + "/bom.csv"
        try Data([0xEF, 0xBB, 0xBF] + Array(sheet.utf8)).write(to: URL(fileURLWithPath: bom))
        let converted = try run("/usr/bin/env", ["sh", "-c", "tail -c +4 '\(bom)' | iconv -f UTF-8 -t GB18030 > '\(gbk)'"])
        try #require(converted.status == 0, "\(converted.stderr)")
        let before = try KehuDatabase.open(path: path).customerCount()

        let dry = try sandbox.kehu(["import", "customers", gbk, "--db", path, "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("GB18030"), "\(dry.stderr)")
        #expect(dry.stdout.contains("gbk.csv:3: 拒绝：列「联系电话 (B)」的「12」无法识别"), "\(dry.stdout)")
        #expect(dry.stdout.contains("gbk.csv:2: 新建 Bb-粤FS"))
        let refused = try sandbox.kehu(["import", "customers", gbk, "--db", path])
        #expect(refused.status == 65 && refused.stderr.contains("什么都没有导入"))
        #expect(try KehuDatabase.open(path: path).customerCount() == before)

        let skipped = try sandbox.kehu(["import", "customers", gbk, "--db", path, "--skip-bad"])
        #expect(skipped.status == 0 && skipped.stdout.contains("新建 2"), "\(skipped.stdout)\(skipped.stderr)")
        let rejects = try String(contentsOfFile: gbk + ".rejects.csv", encoding: .utf8)
        #expect(rejects.contains("坏数据,12,") && rejects.contains("拒绝原因"))
        let store = try KehuDatabase.open(path: path)
        #expect(try store.customerCount() == before + 2)
        let foshan = try #require(try store.searchCustomers("顺德五金").first)
        let detail = try #require(try store.detail(customerID: foshan.row.id))
        #expect(detail.customer.phone == "0757-2233 4455" && detail.customer.grade == .key && detail.customer.notes == "老客户, 转介绍")
        #expect(detail.customer.createdAt.date == LocalDate(year: 2026, month: 3, day: 5) && detail.contacts.first?.mobile == "139 1234 5678")

        // The UTF-8 copy of the same sheet: nothing new.
        let rerun = try sandbox.kehu(["import", "customers", bom, "--db", path, "--skip-bad"])
        #expect(rerun.status == 0 && rerun.stdout.contains("新建 0") && rerun.stdout.contains("重复跳过 2"), "\(rerun.stdout)")
        #expect(try store.customerCount() == before + 2)

        let notCSV = try sandbox.kehu(["import", "customers", kehuBinary, "--db", path])
        #expect(notCSV.status == 65 && notCSV.stderr.contains("不是 CSV 文本"))
    }
}
