import Testing
import TerminalUI
import KehuCore
import KehuApp
@testable import KehuStore
@testable import KehuTUI

/// Issue 17: every room at 80×24, 100×30 and 120×40, in both languages, keeps on one line
/// each what its user acts on — six characters of a name, days late with their unit, the
/// duty kind, who proposed and who approves, the grade a score gives, the follow-up a
/// supervisor is commenting on. The whole screens at two of these sizes are in
/// RoomScreens and NarrowScreens; this holds the elements at every size.
struct EverySizeScreenTests {
    static let sizes = [(80, 24), (100, 30), (120, 40)]

    /// What must show, each on one line, in Chinese and in English.
    static let required: [String: (zh: [String], en: [String])] = [
        "approvals": (["B 重点 → A VIP", "张伟 11-22 09:41", "销售经理 → 市场经理 → 总经理"],
                      ["B key → A VIP", "张伟 11-22 09:41", "Sales mgr → Mkt mgr → GM"]),
        "gradeForm": (["总分 0 → C 一般", "审批 销售经理→市场经理"], ["Score 0 → C general", "Approvers Sales mgr→Mkt mgr"]),
        "commentForm": (["客户同意下周三", "样机要提前调好", "11-24"], ["客户同意下周三", "样机要提前调好", "11-24"]),
        "history": (["新建档案", "意向级别：C → B"], ["card YX2026-0001 level: C → B", "visit #3 11-15 created"]),
        "evening": (["深圳宏达电子", "逾期3天"], ["深圳宏达电子", "3d late"]),
        "search": (["广州华南机电"], ["广州华南机电"]),
    ]

    static let today: [String: (zh: [String], en: [String])] = [
        "today salesperson": (["深圳宏达电子", "3天", "广州华南机电"], ["深圳宏达电子", "3d", "广州华南机电"]),
        "today manager": (["广州华南机电", "218天", "维护·上门"], ["广州华南机电", "218d", "visit (upkeep)"]),
    ]

    static func expectShown(_ screen: ScreenBuffer, _ needed: [String], _ name: String) {
        let lines = screen.trimmedLines
        for text in needed {
            #expect(lines.contains { $0.contains(text) }, "\(name): \(text) not on one line of\n\(lines.joined(separator: "\n"))")
        }
    }

    @Test(arguments: Array(required.keys).sorted())
    func roomKeepsItsElements(_ name: String) throws {
        for (width, height) in Self.sizes {
            for language in [Language.zh, .en] {
                let screen = try RoomScreenTests.screen(name, language, width: width, height: height)
                let needed = Self.required[name]!
                Self.expectShown(screen, language == .zh ? needed.zh : needed.en, "\(name) \(language) \(width)×\(height)")
            }
        }
    }

    @Test(arguments: Array(today.keys).sorted())
    func todayKeepsItsElements(_ name: String) throws {
        for (width, height) in Self.sizes {
            for language in [Language.zh, .en] {
                let fixture = try ScreenFixture()
                let vm = try NarrowScreenTests.scenario(name + (language == .zh ? " zh" : " en"), fixture)
                let screen = try ScreenFixture.render(vm, width: width, height: height)
                let needed = Self.today[name]!
                Self.expectShown(screen, language == .zh ? needed.zh : needed.en, "\(name) \(language) \(width)×\(height)")
            }
        }
    }
}
