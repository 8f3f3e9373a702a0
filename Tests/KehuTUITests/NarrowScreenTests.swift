import Testing
import TerminalUI
import KehuCore
import KehuApp
@testable import KehuStore
@testable import KehuTUI

/// Issue 17's screens at 80×24, whole: Today for a salesperson and for a sales manager,
/// in both languages (six characters of every name, days late with their unit, the duty
/// kind whole), and the KPI report (scrolled sideways to its last columns).
struct NarrowScreenTests {
    static let names = ["today salesperson zh", "today salesperson en", "today manager zh", "today manager en", "kpi zh"]

    static func scenario(_ name: String, _ fixture: ScreenFixture) throws -> MainViewModel {
        let language: Language = name.hasSuffix(" en") ? .en : .zh
        if name.hasPrefix("today manager") {
            let admin = Actor(login: "admin", clock: FixedClock(screenNow))
            _ = try fixture.store.add(User(login: "wangjl", displayName: "王经理", role: .salesManager, region: "华南"), by: admin)
            let vm = try fixture.viewModel(language, login: "wangjl")
            vm.start()
            return vm
        }
        let vm = try fixture.viewModel(language)
        vm.start()
        if name.hasPrefix("kpi") {
            vm.send(.reports)
            vm.send(.moveDown)                           // the KPIs
            vm.send(.focusNext)
            for _ in 0..<3 { vm.send(.scrollRight) }
        }
        return vm
    }

    @Test(arguments: names)
    func at80x24(_ name: String) throws {
        let fixture = try ScreenFixture()
        let vm = try Self.scenario(name, fixture)
        #expect(vm.message?.kind != .error, "\(String(describing: vm.message))")
        let actual = try ScreenFixture.render(vm, width: 80, height: 24)
        RoomScreenTests().expect(actual, NarrowScreens.all[name], name: name)
    }
}
