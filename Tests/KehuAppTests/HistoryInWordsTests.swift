import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// The history overlay in words: names for ids, labels in the session's language, which
/// contact or card a change was on, the whole actor, what was created.
struct HistoryInWordsTests {
    @Test func aCustomersHistoryReadsAsSentences() throws {
        let scratch = Scratch()
        let store = try KehuDatabase.open(path: scratch.path + "/history.db")
        let admin = Actor(login: "admin", clock: FixedClock(fixedNow))
        let team = try store.add(Team(name: "华南一组", region: "华南"), by: admin)
        let zhang = try store.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson, teamID: team), by: admin)
        _ = try store.add(User(login: "liqiang", displayName: "李强", role: .supervisor, teamID: team), by: admin)
        var customer = Customer(code: "Cb-粤GZ0001", name: "广州华南机电有限公司", createdAt: fixedNow)
        customer.city = "广州"; customer.province = "广东"
        let id = try store.add(customer, by: admin)
        _ = try store.add(Contact(customerID: id, name: "李娜"), by: Actor(login: "zhangwei", clock: FixedClock(fixedNow)))
        // An admin working as the supervisor gives the customer to 张伟 and records the last order day.
        let original = try #require(try store.customer(id: id))
        var edited = original
        edited.ownerID = zhang
        edited.teamID = team
        edited.lastOrderOn = LocalDate(year: 2026, month: 11, day: 1)
        try store.update(customer: original, to: edited, by: Actor(login: "root", actingAs: "liqiang", clock: FixedClock(fixedNow)))

        let entries = try store.customerHistory(customerID: id)
        func lines(_ language: Language) -> [String] {
            OverlayPresenter.history(entries, width: 200, strings: Strings(language)).map { $0.map(\.text).joined() }
        }
        let zh = lines(.zh)
        #expect(zh.contains { $0.contains("李强（root 代为） 档案 负责人：— → 张伟") }, "\(zh)")
        #expect(zh.contains { $0.contains("档案 团队：— → 华南一组") }, "\(zh)")
        #expect(zh.contains { $0.contains("档案 最近订单：— → 2026-11-01") }, "\(zh)")
        #expect(zh.contains { $0.contains("张伟 新建联系人 李娜") }, "\(zh)")
        #expect(zh.contains { $0.hasSuffix("admin 新建档案") }, "\(zh)")
        #expect(!zh.contains { $0.contains("ownerID") || $0.contains("lastOrderOn") })
        let en = lines(.en)
        #expect(en.contains { $0.contains("李强 (by root) archive Owner: — → 张伟") }, "\(en)")
        #expect(en.contains { $0.contains("archive last order: — → 2026-11-01") }, "\(en)")
        #expect(en.contains { $0.contains("张伟 contact 李娜 created") }, "\(en)")
    }
}

/// A note written in several lines reads as those lines on the card.
struct MultiLineNoteTests {
    @Test func aNoteKeepsItsLines() throws {
        let scratch = Scratch()
        let store = try KehuDatabase.open(path: scratch.path + "/notes.db")
        var customer = Customer(code: "Cb-粤GZ0001", name: "广州华南机电有限公司", createdAt: fixedNow)
        customer.notes = "一、老板姓王，周末不接电话\n二、二期设备明年三月招标\n三、财务要求月结"
        let id = try store.add(customer, by: Actor(login: "admin", clock: FixedClock(fixedNow)))
        let detail = try #require(try store.detail(customerID: id))
        let lines = CardPresenter.lines(detail, width: 60, today: fixedNow.date, strings: Strings(.zh)).map { $0.map(\.text).joined() }
        let first = try #require(lines.firstIndex { $0.hasPrefix("备注 一、老板姓王") }, "\(lines)")
        #expect(lines[first + 1] == "     二、二期设备明年三月招标")
        #expect(lines[first + 2] == "     三、财务要求月结")
    }
}
