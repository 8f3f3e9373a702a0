import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// The settings box (`S`): everyone reads the rules; an admin changes one with Enter, and
/// a value the setting cannot take is refused in the form, nothing stored.
struct SettingsViewTests {
    @Test func anAdminChangesASettingAndSeesItInForce() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch)
        vm.setViewport(Viewport(listRows: 20, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40, screenWidth: 100, screenHeight: 30))
        vm.start()
        vm.handle(.char("S"))
        guard case .settings(let entries)? = vm.overlay?.kind else { Issue.record("no settings box"); return }
        #expect(entries.count == CompanySettings.all.count && vm.overlay?.selected == 0)
        #expect(vm.overlay?.lines.first.map { $0.map(\.text).joined() }?.contains("cadence.H") == true)
        // Down to kpi.remotePerDay, Enter: a one-line form with the value in force.
        let target = try #require(entries.firstIndex { $0.setting.key == "kpi.remotePerDay" })
        for _ in 0..<target { vm.send(.moveDown) }
        #expect(vm.overlay?.selected == target)
        vm.handle(Key(.enter))
        guard case .note(let form)? = vm.form, case .setting(let key) = form.purpose else { Issue.record("no setting form"); return }
        #expect(key == "kpi.remotePerDay" && form.fields[0].text == "15")
        // A word is refused: the message says what it takes, the form stays, nothing stored.
        vm.send(.lineStart); vm.send(.killLine)
        type(vm, "很多")
        vm.send(.save)
        #expect(vm.form != nil && vm.message?.text == "kpi.remotePerDay 须是整数", "\(String(describing: vm.message))")
        #expect(try vm.store.setting("kpi.remotePerDay") == nil)
        // Full-width digits are stored as the reports read them; back in the box, same line.
        vm.send(.lineStart); vm.send(.killLine)
        type(vm, "１２")
        vm.send(.save)
        #expect(vm.form == nil && vm.message?.text == "kpi.remotePerDay = 12")
        #expect(try vm.store.setting("kpi.remotePerDay") == "12")
        #expect(try vm.store.kpiTargets().remotePerDay == 12)
        #expect(vm.overlay?.selected == target)
        guard case .settings(let after)? = vm.overlay?.kind else { Issue.record("the box did not come back"); return }
        #expect(after[target].value == "12" && after[target].isSet)
        #expect(try vm.store.history(table: "settings", rowID: 0).contains { $0.field == "kpi.remotePerDay" && $0.newValue == "12" })
        vm.send(.close)
        #expect(vm.overlay == nil)
    }

    @Test func othersReadTheRulesButMayNotChangeThem() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch, login: "zhangwei")
        vm.setViewport(Viewport(listRows: 20, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40))
        vm.start()
        while vm.prompt != nil { vm.send(.decline) }
        vm.handle(.char("S"))
        #expect(vm.overlay?.selected == 0)
        vm.handle(Key(.enter))
        #expect(vm.form == nil && vm.message?.text == "你的角色不能这样做")
        #expect(vm.overlay != nil)
    }
}
