import Foundation
import GRDB
import Testing

/// The real binary on PostgreSQL, as real Unix users whom the server knows by peer
/// authentication: a salesperson browses, searches and logs a follow-up; the supervisor
/// signs it in the evening queue and the salesperson's open kehu shows the comment by
/// itself (LISTEN/NOTIFY); a sales manager exports their region and a supervisor imports
/// a sheet. Every check is made against what PostgreSQL holds.
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"), .serialized)
struct PostgresSessionTests {
    @Test(.enabled(if: getuid() == 0, "skipped: kehu on PostgreSQL as its users needs root, to make a Unix user for each"))
    func theMainFlowsRunOnPostgreSQL() throws {
        let move = try PostgresMoveTests.Move(customers: 300)
        let migrated = try move.migrateAsAdmin()
        try #require(migrated.status == 0, "\(migrated.stderr)")
        let address = try TestPostgres.address(move.database)
        func login(_ displayName: String) throws -> String {
            let queue = try DatabaseQueue(path: move.sqlite)
            defer { try? queue.close() }
            return try #require(try queue.read { try String.fetchOne($0, sql: "SELECT login FROM users WHERE displayName = ?", arguments: [displayName]) })
        }
        func psql(_ sql: String) throws -> String {
            let answer = try TestPostgres.psql(database: move.database, sql)
            try #require(answer.status == 0, "\(answer.stderr)")
            return answer.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let salesperson = try login("张伟"), supervisor = try login("李强")
        for person in [salesperson, supervisor] { try move.makeUnixUser(person) }
        let environment = ["KEHU_TEST_NOW": "2026-11-22 17:30", "KEHU_LANG": "zh", "LANG": "C.UTF-8", "TERM": "xterm-256color",
                           "NO_COLOR": "", "HOME": "/nonexistent"]
        func kehu(as person: String) -> String { "/usr/sbin/runuser -u \(person) -- \(kehuBinary) --db '\(address)'" }

        // Browse, log a follow-up, search.
        let zhang = try TmuxSession(command: kehu(as: salesperson), environment: environment)
        try zhang.waitFor(text: "张伟 · 销售顾问")
        let code = try zhang.logFirstFollowUp("客户要求周三前给方案", level: "a")
        #expect(try psql("""
            SELECT count(*) FROM kehu.activities a JOIN kehu.users u ON u.id = a.handlerID JOIN kehu.customers c ON c.id = a.customerID
            WHERE u.login = '\(salesperson)' AND c.code = '\(code)' AND a.content = '客户要求周三前给方案'
            """) == "1")
        #expect(try psql("SELECT count(*) FROM kehu.auditLog WHERE actor = '\(salesperson)' AND tableName = 'activities'") == "1")
        let name = try psql("SELECT name FROM kehu.customers WHERE code = '\(code)'")
        try zhang.send("/")
        try zhang.send("-l", String(name.prefix(4)))
        try zhang.waitFor(text: code)
        try zhang.send("Escape")

        // The supervisor signs it; the salesperson's open kehu tells of the comment unasked.
        let li = try TmuxSession(command: kehu(as: supervisor), environment: environment)
        try li.waitFor(text: "李强 · 销售主管")
        try li.signComment(handler: "张伟", customerName: name, followUp: "客户要求周三前给方案", comment: "先发方案周三带技术去")
        #expect(try psql("SELECT supervisorComment FROM kehu.activities WHERE content = '客户要求周三前给方案'") == "先发方案周三带技术去")
        try zhang.waitFor(text: "✉ 李强 批示 \(name)", seconds: 20)

        // A supervisor imports a sheet into their team's pool; a sales manager exports
        // what their region holds, and PostgreSQL agrees on both.
        let sheet = move.folder + "/new.csv"
        try "单位名称,电话,城市\n广州新导入机械有限公司,020-3333 4444,广州\n".write(toFile: sheet, atomically: true, encoding: .utf8)
        _ = try run("/bin/chmod", ["755", move.folder]); _ = try run("/bin/chmod", ["644", sheet])
        let imported = try run("/usr/sbin/runuser", ["-u", supervisor, "--", kehuBinary, "import", "customers", sheet, "--db", address],
                               environment: environment)
        #expect(imported.status == 0, "\(imported.stdout) \(imported.stderr)")
        #expect(try psql("SELECT count(*) FROM kehu.customers WHERE name = '广州新导入机械有限公司' AND ownerID IS NULL") == "1")
        let manager = try psql("SELECT login FROM kehu.users WHERE role = 'salesManager' AND region <> '' LIMIT 1")
        try move.makeUnixUser(manager)
        let out = move.folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        _ = try run("/usr/bin/chown", [manager, out])
        let exported = try run("/usr/sbin/runuser", ["-u", manager, "--", kehuBinary, "export", "customers", "--db", address,
                                                     "--out", out + "/customers.csv"], environment: environment)
        #expect(exported.status == 0, "\(exported.stdout) \(exported.stderr)")
        // (CSV rows end in CR LF, which Swift counts as one character: count the bytes.)
        let lines = try Data(contentsOf: URL(fileURLWithPath: out + "/customers.csv")).filter { $0 == 0x0A }.count
        let region = try psql("SELECT count(*) FROM kehu.customers c JOIN kehu.users m ON m.login = '\(manager)' WHERE c.region = m.region")
        #expect(lines - 1 == Int(region), "exported \(lines - 1) rows, the region holds \(region)")
    }
}
