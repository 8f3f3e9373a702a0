import Testing
import TerminalUI
import KehuCore
import KehuApp
@testable import KehuStore
@testable import KehuTUI

/// The screens of the whole intent card and of correcting a follow-up (issue 16), whole,
/// at 80×24 and 100×30 in both languages: the card form with its analysis and score typed
/// (the level following the score) and the card pane after saving; the correction form as
/// it opens on the newest visit with a reason typed, and the timeline after the
/// correction, the entry marked and the original readable; a contract in the Approvals
/// view, signed by the key-account department and waiting for the sales VP.
struct TeamworkScreenTests {
    static let names = ["correctionForm", "correctedTimeline", "cardForm", "cardPane", "contractApproval"]
    static let sizes = [(80, 24), (100, 30)]

    static func scenario(_ name: String, _ fixture: ScreenFixture, _ language: Language) throws -> MainViewModel {
        if name == "contractApproval" {
            // 张伟's 15万 contract for 华南机电, signed by the key-account department (marketing)
            // and waiting for the sales VP: the sales manager's Approvals view.
            let admin = Actor(login: "admin", clock: FixedClock(screenNow))
            _ = try fixture.store.add(User(login: "wangjl", displayName: "王经理", role: .salesManager, region: "华南"), by: admin)
            let marketing = User(login: "zhoumin", displayName: "周敏", role: .marketingManager, region: "华南")
            _ = try fixture.store.add(marketing, by: admin)
            let huanan = try #require(try fixture.store.customerPage(offset: 0, limit: 10).first { $0.code == "Ba-粤GZ0012" }?.id)
            var deal = Deal(product: "数控机床 CK6150", amountYuan: 150_000, date: screenNow.date)
            deal.contractNumber = "HT-2026-118"
            try fixture.store.recordOrder(customerID: huanan, deal: deal, by: Actor(login: "zhangwei", clock: FixedClock(screenNow)))
            let orderID = try #require(try fixture.store.orders(customerID: huanan).first?.id)
            try fixture.store.decideContract(orderID: orderID, approve: true, note: "", approver: try #require(try fixture.store.user(login: "zhoumin")),
                                             by: Actor(login: "zhoumin", clock: FixedClock(screenNow)))
            let vm = try fixture.viewModel(language, login: "wangjl")
            vm.start()
            for _ in 0..<5 where vm.view != .approvals { vm.send(.nextView) }
            return vm
        }
        let vm = try RoomScreenTests.onHuanan(fixture, language)
        if name.hasPrefix("card") {
            vm.send(.editCard)
            // The analysis and the score, typed; the level follows the score.
            for (steps, text) in [(20, language == .zh ? "老板认可我们的售后" : "the owner trusts our service"),
                                  (3, language == .zh ? "交期太长！" : "delivery too slow!"), (1, "92")] {
                for _ in 0..<steps { vm.send(.nextField) }
                RoomScreenTests.type(vm, text)
            }
            if name == "cardPane" { vm.send(.save) }
            return vm
        }
        vm.send(.correct)
        switch name {
        case "correctionForm":
            for _ in 0..<5 { vm.send(.nextField) }                       // from the content to the reason
            RoomScreenTests.type(vm, language == .zh ? "其实是上门谈的" : "it was a visit, not a call")
            return vm
        case "correctedTimeline":
            vm.send(.previousField)                                      // from the content to the method
            RoomScreenTests.type(vm, "2")                                // 上门
            for _ in 0..<6 { vm.send(.nextField) }
            RoomScreenTests.type(vm, language == .zh ? "其实是上门谈的" : "it was a visit, not a call")
            vm.send(.save)
            vm.send(.focusNext); vm.send(.focusNext)                     // the timeline, its top entry marked
            return vm
        default:
            throw RoomScreenTests.ScenarioError(name: name)
        }
    }

    @Test(arguments: names)
    func inBothLanguagesAtBothSizes(_ name: String) throws {
        for language in [Language.zh, .en] {
            for (width, height) in Self.sizes {
                let fixture = try ScreenFixture()
                let vm = try Self.scenario(name, fixture, language)
                #expect(vm.message?.kind != .error, "\(String(describing: vm.message))")
                let actual = try ScreenFixture.render(vm, width: width, height: height)
                let key = "\(name) \(language.rawValue) \(width)×\(height)"
                RoomScreenTests().expect(actual, TeamworkScreens.all[key], name: key)
            }
        }
    }
}
