import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// Leads judged effective or not (000 §3.4–3.5), and the week's summary (客户跟进单).
struct LeadVerdictTests {
    struct Office {
        let scratch = Scratch()
        let store: KehuDatabase
        var ids: [String: Int64] = [:]
        let now = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 20)!, hour: 16, minute: 30)!   // a Friday

        init() throws {
            store = try KehuDatabase.open(path: scratch.path + "/leads.db")
            let setup = Actor(login: "admin", clock: FixedClock(now))
            let team = try store.add(Team(name: "华南一组", region: "华南"), by: setup)
            let other = try store.add(Team(name: "华东一组", region: "华东"), by: setup)
            for (login, name, role, teamID) in [("zhangwei", "张伟", Role.salesperson, team), ("wufang", "吴芳", .assistant, team),
                                                ("lizhuguan", "李主管", .supervisor, team), ("zhaolei", "赵磊", .salesperson, other)] {
                ids[login] = try store.add(User(login: login, displayName: name, role: role, teamID: teamID), by: setup)
            }
            for (n, day, ownerTeam) in [(1, 16, team), (2, 18, team), (3, 19, team), (4, 10, team), (5, 18, other)] {
                var c = Customer(code: "Cb-粤GZ000\(n)", name: "线索客户\(n)",
                                 createdAt: LocalDateTime(date: LocalDate(year: 2026, month: 11, day: day)!, hour: 10, minute: 0)!)
                c.ownerID = ownerTeam == team ? ids["zhangwei"] : ids["zhaolei"]; c.teamID = ownerTeam; c.status = .potential
                c.phone = "1380013800\(n)"; c.source = .phoneSales
                ids["c\(n)"] = try store.add(c, by: setup)
            }
        }

        func door(_ login: String) throws -> KehuDatabase { store.scoped(to: Viewer(try #require(try store.user(login: login)))) }
        func actor(_ login: String) -> Actor { Actor(login: login, clock: FixedClock(now)) }

        /// `login`'s screen on the customer list.
        func session(_ login: String) throws -> MainViewModel {
            let profile = try #require(try store.profile(login: login))
            let vm = MainViewModel(store: try door(login), strings: Strings(.zh), keymap: shippedKeymap("default"), login: login,
                                   profile: profile, clock: FixedClock(now))
            vm.setViewport(Viewport(listRows: 20, cardRows: 12, cardWidth: 60, timelineRows: 10, timelineWidth: 40))
            vm.start()
            if vm.view != .allCustomers { vm.send(.nextView) }
            return vm
        }
    }

    @Test func assistantsAndSupervisorsJudgeLeadsAndTheWeekIsSummedUp() throws {
        let o = try Office()
        let assistant = try o.door("wufang")
        try assistant.judgeLead(customerID: o.ids["c1"]!, effective: true, note: "有采购计划", judgeID: o.ids["wufang"]!, by: o.actor("wufang"))
        try assistant.judgeLead(customerID: o.ids["c4"]!, effective: true, note: "", judgeID: o.ids["wufang"]!, by: o.actor("wufang"))
        // Ineffective needs a reason; nothing is written without it.
        #expect(throws: StoreError.invalid([.required(field: .leadVerdictNote)])) {
            try assistant.judgeLead(customerID: o.ids["c2"]!, effective: false, note: " ", judgeID: o.ids["wufang"]!, by: o.actor("wufang"))
        }
        try o.door("lizhuguan").judgeLead(customerID: o.ids["c2"]!, effective: false, note: "空号", judgeID: o.ids["lizhuguan"]!,
                                          by: o.actor("lizhuguan"))
        // A salesperson does not judge leads, not even their own; another team's is out of sight.
        #expect(throws: StoreError.refused(.roleMayNot)) {
            try o.door("zhangwei").judgeLead(customerID: o.ids["c3"]!, effective: true, note: "", judgeID: o.ids["zhangwei"]!, by: o.actor("zhangwei"))
        }
        #expect(throws: StoreError.notFound(table: "customers", rowID: o.ids["c5"]!)) {
            try assistant.judgeLead(customerID: o.ids["c5"]!, effective: true, note: "", judgeID: o.ids["wufang"]!, by: o.actor("wufang"))
        }
        // Judged again: the verdict changes, the history keeps both.
        try assistant.judgeLead(customerID: o.ids["c1"]!, effective: false, note: "预算取消", judgeID: o.ids["wufang"]!, by: o.actor("wufang"))
        try assistant.judgeLead(customerID: o.ids["c1"]!, effective: true, note: "又有预算了", judgeID: o.ids["wufang"]!, by: o.actor("wufang"))
        let history = try o.store.history(table: "leadVerdicts", rowID: o.ids["c1"]!)
        #expect(history.filter { $0.field == "effective" }.map(\.newValue) == ["1", "0", "1"])
        #expect(try assistant.leadVerdict(customerID: o.ids["c1"]!)?.verdict.note == "又有预算了")
        #expect(try assistant.detail(customerID: o.ids["c1"]!)?.lead?.judgeName == "吴芳")

        // The week of the 16th: four leads of the team registered (c1–c3; c4 is older),
        // one not judged; effective ones first, with their owner for the hand-out.
        let week = try assistant.leadSummary(from: LocalDate(year: 2026, month: 11, day: 16)!, to: o.now.date)
        #expect(week.newLeads == 3 && week.unjudged == 1)
        #expect(week.effective.map(\.code) == ["Cb-粤GZ0001", "Cb-粤GZ0004"])
        #expect(week.ineffective.map(\.note) == ["空号"])
        let text = ManagerReportPresenter.leads(week, from: LocalDate(year: 2026, month: 11, day: 16)!, to: o.now.date, strings: Strings(.zh))
            .rendered(as: .text)
        #expect(text.contains("有效线索汇总（客户跟进单）") && text.contains("线索客户1") && text.contains("张伟") && text.contains("电话销售"), "\(text)")
        #expect(text.contains("空号") && !text.contains("线索客户5"))
    }

    @Test func theAssistantJudgesFromTheCardWithL() throws {
        let o = try Office()
        let vm = try o.session("wufang")
        #expect(vm.detail != nil)
        vm.handle(.char("L"))
        guard case .leadVerdict(let form)? = vm.form else { Issue.record("no verdict form: \(String(describing: vm.message))"); return }
        #expect(form.field(.leadVerdict)?.selected == 0)
        type(vm, "2")                      // 无效
        vm.send(.save)
        #expect(vm.formProblems == [.required(field: .leadVerdictNote)])
        vm.send(.nextField)
        type(vm, "不需要")
        vm.send(.save)
        #expect(vm.form == nil, "\(vm.formProblems)")
        let id = try #require(vm.detail?.customer.id)
        #expect(try o.store.leadVerdict(customerID: id)?.verdict.effective == false)
        let card = vm.cardLines.map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(card.contains("线索 无效 · 吴芳 · 11-20 · 不需要"), "\(card)")
        // A salesperson is told they may not.
        let sales = try o.session("zhangwei")
        sales.handle(.char("L"))
        #expect(sales.form == nil && sales.message?.text == "你的角色不能这样做")
    }
}
