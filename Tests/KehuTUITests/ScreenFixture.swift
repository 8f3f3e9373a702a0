import Foundation
import KehuApp
import KehuCore
@testable import KehuStore
import TerminalUI
@testable import KehuTUI

let screenNow = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 9, minute: 41)!
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A small hand-made archive whose screens can be written down line by line: one team,
/// a salesperson and a supervisor, four customers with contacts, cards and visits.
final class ScreenFixture {
    let folder = NSTemporaryDirectory() + "kehu-screen-" + UUID().uuidString
    let store: KehuDatabase

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try KehuDatabase.open(path: folder + "/kehu.db")
        let actor = Actor(login: "admin", clock: FixedClock(screenNow))
        let teamID = try store.add(Team(name: "华南一组", region: "华南"), by: actor)
        let zhang = try store.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson, teamID: teamID, region: "华南"), by: actor)
        let li = try store.add(User(login: "lizhuguan", displayName: "李主管", role: .supervisor, teamID: teamID, region: "华南"), by: actor)
        func day(_ offset: Int) -> LocalDate { screenNow.date.adding(days: offset) }
        func at(_ offset: Int, _ hour: Int, _ minute: Int) -> LocalDateTime { LocalDateTime(date: day(offset), hour: hour, minute: minute)! }

        var huanan = Customer(code: "Ba-粤GZ0012", name: "广州华南机电有限公司", createdAt: at(-400, 10, 0))
        huanan.type = .dealer; huanan.grade = .key; huanan.status = .cooperating; huanan.source = .exhibition
        huanan.address = "广州市天河区科韵路 18 号"; huanan.industry = "机电"; huanan.phone = "020-8888 6666"
        huanan.creditLevel = .good; huanan.province = "广东"; huanan.city = "广州"; huanan.ownerID = zhang; huanan.teamID = teamID
        huanan.region = "华南"; huanan.registeredCapitalWan = 500; huanan.legalRepresentative = "陈建华"
        let huananID = try store.add(huanan, by: actor)
        var wang = Contact(customerID: huananID, name: "王芳")
        wang.position = "采购经理"; wang.mobile = "138 0013 8000"; wang.isDecisionMaker = true
        try store.add(wang, by: actor)
        var chen = Contact(customerID: huananID, name: "陈刚")
        chen.position = "技术部"; chen.mobile = "139 2222 3333"
        try store.add(chen, by: actor)
        var card = IntentCard(customerID: huananID, number: "YX2026-0001", createdOn: day(-40), source: .exhibition,
                              filledByID: zhang, personName: "王芳", level: .b)
        card.product = "数控机床"; card.purchaseType = .replacement; card.budgetYuan = 300_000; card.nextVisitOn = day(0)
        let cardID = try store.add(card, by: actor)
        var first = Activity(customerID: huananID, cardID: cardID, visitNumber: 1, method: .phone, occurredAt: at(-33, 10, 5),
                             handlerID: zhang, content: "询价")
        first.levelJudged = .c
        try store.add(first, by: actor)
        var second = Activity(customerID: huananID, cardID: cardID, visitNumber: 2, method: .onSite, occurredAt: at(-21, 14, 0),
                              handlerID: zhang, content: "初次拜访，了解需求")
        second.levelJudged = .c
        try store.add(second, by: actor)
        var third = Activity(customerID: huananID, cardID: cardID, visitNumber: 3, method: .phone, occurredAt: at(-7, 16, 20),
                             handlerID: zhang, content: "对比了大族的报价，客户希望再优惠 3%")
        third.levelJudged = .b; third.bottleneckPlan = "预算审批"; third.nextVisitOn = day(0)
        third.supervisorComment = SupervisorComment(text: "先约技术交流，带案例", signerID: li, signedAt: at(-7, 18, 2))
        try store.add(third, by: actor)

        var hongda = Customer(code: "Ab-粤SZ0003", name: "深圳宏达电子科技有限公司", createdAt: at(-90, 9, 0))
        hongda.grade = .potentialVIP; hongda.status = .potential; hongda.ownerID = zhang; hongda.teamID = teamID
        let hongdaID = try store.add(hongda, by: actor)
        var hot = IntentCard(customerID: hongdaID, number: "YX2026-0002", createdOn: day(-30), source: .callIn,
                             filledByID: zhang, personName: "刘总", level: .a)
        hot.nextVisitOn = day(-3); hot.product = "激光切割机"
        try store.add(hot, by: actor)

        var shunde = Customer(code: "Cb-粤FS0101", name: "佛山顺德五金厂", createdAt: at(-20, 9, 0))
        shunde.teamID = teamID
        try store.add(shunde, by: actor)

        var ordos = Customer(code: "Ca-蒙EEDS0001", name: "鄂尔多斯市东胜区恒信煤矿机械设备维修有限责任公司", createdAt: at(-700, 9, 0))
        ordos.status = .cooperating; ordos.ownerID = li; ordos.teamID = teamID
        try store.add(ordos, by: actor)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func viewModel(_ language: Language = .zh, login: String = "zhangwei") throws -> MainViewModel {
        let keymapText = try String(contentsOfFile: repositoryRoot + "/keymaps/default.toml", encoding: .utf8)
        return MainViewModel(store: store, strings: Strings(language), keymap: Keymap().applying(keymapText, file: "default").keymap,
                             login: login, profile: try store.profile(login: login), clock: FixedClock(screenNow))
    }

    static func theme(_ name: String = "dark") throws -> Theme {
        let text = try String(contentsOfFile: repositoryRoot + "/themes/\(name).toml", encoding: .utf8)
        return Theme.parse(text, file: name, fallbackName: name).theme
    }

    /// Renders as the run loop does, through a headless backend.
    static func render(_ vm: MainViewModel, width: Int, height: Int, theme: Theme? = nil) throws -> ScreenBuffer {
        let backend = HeadlessBackend(size: Size(width: width, height: height))
        let screen = MainScreen(theme: try theme ?? ScreenFixture.theme())
        // As the run loop does: the size arrives first, then the frame is drawn from state.
        if let viewport = MainScreen.viewport(for: backend.size) { vm.resize(to: viewport) }
        backend.present(screen.render(vm, size: backend.size))
        return backend.lastFrame
    }
}
