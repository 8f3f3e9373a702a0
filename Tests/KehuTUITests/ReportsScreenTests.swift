import Testing
import TerminalUI
import KehuApp
@testable import KehuTUI

/// The Reports view: R opens it, the list picks a report, the right side shows it with
/// bars — # in the monochrome theme — and R goes back.
struct ReportsScreenTests {
    @Test func reportsOpenWithRAndBarsDegradeInMono() throws {
        let fixture = try ScreenFixture()
        let vm = try MainScreenTests().onSecondCustomer(fixture)
        let before = vm.view
        vm.handle(.char("R"))
        #expect(vm.view == .reports && vm.reportTable?.name == "funnel")
        var screen = try ScreenFixture.render(vm, width: 100, height: 30).trimmedLines
        #expect(screen[0].contains("│ 报表 │") && screen[0].contains("报表 1/9"))
        #expect(screen.contains { $0.contains("销售漏斗") } && screen.contains { $0.contains("漏斗阶段") })
        // The funnel's bars, and in the monochrome theme the same bars in #.
        #expect(screen.contains { $0.contains("█") })
        let monoFunnel = try ScreenFixture.render(vm, width: 100, height: 30, theme: ScreenFixture.theme("mono")).trimmedLines
        #expect(!monoFunnel.contains { $0.contains("█") } && monoFunnel.contains { $0.contains("##") })
        vm.send(.moveDown)
        #expect(vm.reportTable?.name == "kpi")
        vm.send(.moveDown); vm.send(.moveDown); vm.send(.moveDown); vm.send(.moveDown)
        #expect(vm.reportTable?.name == "sources")
        screen = try ScreenFixture.render(vm, width: 100, height: 30).trimmedLines
        #expect(screen.contains { $0.contains("线索与成交") })
        // The right side scrolls when it has the focus, a page at a time, never past the end.
        vm.send(.focusNext)
        vm.send(.pageDown)
        let page = vm.viewport.cardRows + vm.viewport.timelineRows
        #expect(vm.reportTop == min(page - 1, max(0, vm.reportLines.count - page)))
        vm.send(.last)
        #expect(vm.reportTop == max(0, vm.reportLines.count - page))
        vm.handle(.char("R"))
        #expect(vm.view == before)
    }
}
