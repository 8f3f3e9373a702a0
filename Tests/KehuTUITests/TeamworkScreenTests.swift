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
/// correction, the entry marked and the original readable.
struct TeamworkScreenTests {
    static let names = ["correctionForm", "correctedTimeline", "cardForm", "cardPane"]
    static let sizes = [(80, 24), (100, 30)]

    static func scenario(_ name: String, _ fixture: ScreenFixture, _ language: Language) throws -> MainViewModel {
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
