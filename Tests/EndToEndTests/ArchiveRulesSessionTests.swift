import Foundation
import Testing
import KehuApp
import KehuCore
@testable import KehuStore

/// The archive rules as people meet them in the terminal: each role's Today shows the
/// maintenance contacts due from that role, and a salesperson claims from the pool and
/// reads tomorrow's drops.
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"), .serialized)
struct ArchiveRulesSessionTests {
    /// A VIP customer of 张伟 last visited 40 days ago, never visited by the sales manager
    /// and never given technical support, relative to the real today (kehu runs on the
    /// system clock).
    func maintenanceDatabase(_ sandbox: Sandbox) throws -> String {
        let path = sandbox.path + "/upkeep.db"
        let store = try KehuDatabase.open(path: path)
        let clock = SystemClock()
        let today = clock.today
        let setup = Actor(login: "setup", clock: clock)
        let team = try store.add(Team(name: "华南一组", region: "华南"), by: setup)
        var ids: [String: Int64] = [:]
        for (login, name, role) in [(currentLogin(), "管理员", Role.admin), ("zhangwei", "张伟", .salesperson),
                                    ("wufang", "吴芳", .assistant), ("wangjl", "王建国", .salesManager)] {
            ids[login] = try store.add(User(login: login, displayName: name, role: role,
                                            teamID: role == .salesperson || role == .assistant ? team : nil, region: "华南"), by: setup)
        }
        var vip = Customer(code: "Aa-粤GZ0001", name: "广州华南机电有限公司",
                           createdAt: LocalDateTime(date: today.adding(days: -400), hour: 9, minute: 0)!)
        vip.grade = .vip; vip.status = .cooperating; vip.ownerID = ids["zhangwei"]; vip.teamID = team; vip.region = "华南"
        vip.lastOrderOn = today.adding(days: -20)
        let id = try store.add(vip, by: setup)
        try store.add(Activity(customerID: id, visitNumber: 1, method: .onSite,
                               occurredAt: LocalDateTime(date: today.adding(days: -40), hour: 10, minute: 0)!,
                               handlerID: ids["zhangwei"]!, content: "上门回访"), by: setup)
        try store.add(Activity(customerID: id, visitNumber: 2, method: .phone,
                               occurredAt: LocalDateTime(date: today.adding(days: -5), hour: 10, minute: 0)!,
                               handlerID: ids["wufang"]!, content: "电话回访"), by: setup)
        return path
    }

    @Test(arguments: [("zhangwei", "维护·上门"), ("wufang", "技术支持"), ("wangjl", "维护·上门")])
    func eachRolesTodayShowsTheContactsDueFromIt(login: String, label: String) throws {
        let sandbox = Sandbox()
        let path = try maintenanceDatabase(sandbox)
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path) --as \(login)", environment: sandbox.environment)
        let screen = try session.waitFor(text: "今日待办")
        try session.waitFor("\(label) for \(login)") { screen in screen.contains { $0.contains(label) && $0.contains("Aa-粤GZ0001") } }
        // Nobody else's duty shows: the assistant called 5 days ago, so no call is due from anyone.
        #expect(!screen.contains { $0.contains("维护·电话") })
        try session.send("q")
        try session.waitForExit(0)
    }

    @Test func aSalespersonClaimsFromThePoolAndReadsTomorrowsDrops() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/pool.db"
        try #require(try sandbox.kehu(["demo", "--db", path, "--customers", "400", "--seed", "5"]).status == 0)
        let session = try TmuxSession(command: "\(kehuBinary) --db \(path) --as zhangwei", environment: sandbox.environment)
        try session.waitFor(text: "今日待办")
        try session.send("v")
        try session.waitFor(text: "全部客户")
        try session.send("[")                       // the view before "all" is the pool
        let pool = try session.waitFor("the pool view") { $0[0].contains("│ 公海 │") }
        let total = try #require(pool[0].split(separator: "/").last.flatMap { Int($0.prefix { $0.isNumber }) })
        try #require(total > 0, "the demo's pool is empty")
        try session.send("+")
        try session.waitFor(text: "已认购")
        try session.waitFor("one customer fewer in the pool") { $0[0].contains("客户 \(total > 1 ? 1 : 0)/\(total - 1) ") }
        try session.send("D")
        try session.waitFor(text: "明天掉入公海")
        try session.send("Escape")
        try session.waitFor("the preview closed") { !$0.joined().contains("明天掉入公海") }
        try session.send("q")
        try session.waitForExit(0)
    }
}

/// The operating-system login the tests run as: kehu lets it act `--as` others when it
/// is an admin of the database.
func currentLogin() -> String {
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
    return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
}
