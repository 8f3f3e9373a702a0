import Testing
import Foundation
import TerminalBasics
import TerminalUI
import KehuApp
@testable import KehuTUI

/// Screen tests: state in, whole screen out, compared line by line.
struct MainScreenTests {
    func expectScreen(_ actual: ScreenBuffer, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = actual.trimmedLines
        #expect(lines.count == expected.count, sourceLocation: sourceLocation)
        for (index, pair) in zip(lines, expected).enumerated() where pair.0 != pair.1 {
            Issue.record("line \(index + 1):\n  got      \"\(pair.0)\"\n  expected \"\(pair.1)\"", sourceLocation: sourceLocation)
        }
        // Every row is exactly the terminal's width: no half characters, nothing spilled.
        for line in actual.lines { #expect(DisplayWidth.of(line) == actual.size.width, sourceLocation: sourceLocation) }
    }

    /// The archive open on its second customer (the one with cards, contacts and visits).
    func onSecondCustomer(_ fixture: ScreenFixture, _ language: Language = .zh) throws -> MainViewModel {
        let vm = try fixture.viewModel(language)
        vm.start()
        if vm.view == .today { vm.send(.nextView) }
        vm.send(.moveDown)
        return vm
    }

    @Test func mainScreenAt100x30() throws {
        let fixture = try ScreenFixture()
        let vm = try onSecondCustomer(fixture)
        expectScreen(try ScreenFixture.render(vm, width: 100, height: 30), ExpectedScreens.mainScreen100x30)
    }

    @Test func mainScreenAt80x24() throws {
        let fixture = try ScreenFixture()
        let vm = try onSecondCustomer(fixture)
        expectScreen(try ScreenFixture.render(vm, width: 80, height: 24), ExpectedScreens.mainScreen80x24)
    }

    @Test func mainScreenInEnglishAt80x24() throws {
        let fixture = try ScreenFixture()
        let vm = try onSecondCustomer(fixture, .en)
        expectScreen(try ScreenFixture.render(vm, width: 80, height: 24), ExpectedScreens.mainScreen80x24English)
    }

    @Test func helpOverlayListsTheFocusedContextThenGlobalKeys() throws {
        let fixture = try ScreenFixture()
        let vm = try onSecondCustomer(fixture)
        vm.send(.help)
        expectScreen(try ScreenFixture.render(vm, width: 80, height: 24), ExpectedScreens.helpOverlay80x24)
    }

    @Test func tooSmallSaysWhatIsNeeded() throws {
        let fixture = try ScreenFixture()
        let vm = try fixture.viewModel()
        vm.start()
        vm.send(.nextView)
        expectScreen(try ScreenFixture.render(vm, width: 40, height: 10), ExpectedScreens.tooSmall40x10)
        // Back at a usable size the main screen returns as it was.
        #expect(try ScreenFixture.render(vm, width: 80, height: 24).trimmedLines[0] == ExpectedScreens.mainScreen80x24[0].replacingOccurrences(of: "2/4", with: "1/4"))
    }

    @Test func todayViewAt100x30() throws {
        let fixture = try ScreenFixture()
        let vm = try fixture.viewModel()
        vm.start()
        expectScreen(try ScreenFixture.render(vm, width: 100, height: 30), ExpectedScreens.today100x30)
    }

    @Test func followUpFormAt80x24WithTheCursorInTheText() throws {
        let fixture = try ScreenFixture()
        let vm = try fixture.viewModel()
        vm.start()
        vm.send(.moveDown)          // 广州华南机电, due today
        vm.send(.logFollowUp)
        vm.handle(.char("确"))
        vm.handle(.char("认"))
        vm.handle(.char("预"))
        vm.handle(.char("算"))
        let screen = try ScreenFixture.render(vm, width: 80, height: 24)
        expectScreen(screen, ExpectedScreens.followUpForm80x24)
        // The cursor stands after the four characters (eight columns) of the content field.
        let row = try #require(screen.lines.firstIndex { $0.contains("▸内容") })
        let labelEnd = screen.lines[row].distance(from: screen.lines[row].startIndex, to: screen.lines[row].range(of: "确认预算")!.lowerBound)
        #expect(screen.cursor?.y == row)
        #expect(screen.cursor.map { $0.x > labelEnd } == true)
        #expect(screen[screen.cursor!.x - 2, row].text == "算")
    }

    @Test func everyWidthFromMinimumUpKeepsColumnsWhole() throws {
        let fixture = try ScreenFixture()
        for language in [Language.zh, .en] {
            let vm = try fixture.viewModel(language)
            vm.start()
            for width in 80...132 {
                for height in [24, 31, 50] {
                    let screen = try ScreenFixture.render(vm, width: width, height: height)
                    for line in screen.lines { #expect(DisplayWidth.of(line) == width) }
                }
            }
        }
    }

    @Test func stylesMarkSelectionFocusAndOverdue() throws {
        let fixture = try ScreenFixture()
        let vm = try fixture.viewModel()
        vm.start()
        vm.send(.nextView)
        let theme = try ScreenFixture.theme()
        var screen = try ScreenFixture.render(vm, width: 100, height: 30)
        // Row 1 (first customer) is selected: the whole band in list.selected.
        #expect(screen[5, 2].style.background == theme[.listSelected].background)
        #expect(screen[40, 2].style.background == theme[.listSelected].background)
        #expect(screen[5, 3].style.background == .terminalDefault)
        // Its follow-up is 3 days late: once the selection moves on, the date shows in the
        // overdue role (on the selected band it takes the band's colours, the ! stays).
        #expect(screen.lines[2].contains("!11-19"))
        vm.send(.moveDown)
        screen = try ScreenFixture.render(vm, width: 100, height: 30)
        #expect((0..<100).contains { screen[$0, 2].text == "!" && screen[$0, 2].style.foreground == theme[.overdue].foreground })
        // The focused pane has the heavy border.
        #expect(screen[0, 1].text == "┏")
        vm.send(.focusNext)
        screen = try ScreenFixture.render(vm, width: 100, height: 30)
        #expect(screen[0, 1].text == "┌")
        #expect(screen[49, 1].text == "┏")
        #expect(screen[5, 3].style.background == theme[.listSelectedUnfocused].background)
    }

    @Test func monochromeStillShowsSelectionAndOverdue() throws {
        let fixture = try ScreenFixture()
        let vm = try fixture.viewModel()
        vm.start()
        vm.send(.nextView)
        let mono = try ScreenFixture.theme("mono")
        let screen = try ScreenFixture.render(vm, width: 80, height: 24, theme: mono)
        #expect(screen[5, 2].style.attributes.contains(.reverse))
        #expect(screen.cells.allSatisfy { $0.style.foreground == .terminalDefault && $0.style.background == .terminalDefault })
        #expect(screen.lines[2].hasSuffix("A* b !┃│ 直接用户 · A 潜在VIP · b 潜在 · 其他 │"))   // overdue is marked in text, not only colour
        let wide = try ScreenFixture.render(vm, width: 100, height: 30, theme: mono)
        #expect(wide.lines[2].contains("!11-19"))
    }

    @Test func statusLineShowsMessagesInPlaceOfTheUser() throws {
        let fixture = try ScreenFixture()
        let vm = try fixture.viewModel()
        vm.start()
        vm.show("keymap.toml:3: 未知动作 \"jump\" — 已改用默认键位", kind: .error)
        let screen = try ScreenFixture.render(vm, width: 100, height: 30)
        #expect(screen.lines[0].contains("keymap.toml:3: 未知动作"))
        #expect(screen.lines[0].hasSuffix("09:41 "))
        vm.send(.moveDown)
        #expect(try ScreenFixture.render(vm, width: 100, height: 30).lines[0].contains("张伟 · 销售顾问"))
        #expect(try ScreenFixture.render(vm, width: 100, height: 30).lines[0].contains("今日 2 · 逾期 1"))
    }

    @Test func anUnregisteredLoginAndAnEmptyArchiveAreShownPlainly() throws {
        let fixture = try ScreenFixture()
        let vm = try fixture.viewModel(login: "stranger")
        vm.start()
        let screen = try ScreenFixture.render(vm, width: 80, height: 24)
        #expect(screen.lines[0].contains("stranger · 未登记"))
    }
}

/// On an 8-colour terminal (`TERM=xterm`) there is no grey: codes, labels and borders the
/// themes draw in grey take the terminal's own text colour, so nothing vanishes into a dark
/// (or a light) background.
struct EightColourScreenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test(arguments: ["dark", "light"])
    func codesAndLabelsKeepAVisibleColour(_ themeName: String) throws {
        let fixture = try ScreenFixture()
        let vm = try fixture.viewModel()
        vm.start()
        for _ in 0..<3 where vm.view != .allCustomers { vm.send(.nextView) }
        vm.send(.moveDown)
        let (theme, problems) = ConfigLoader.theme(named: themeName, monochrome: false, locator: ConfigLocator(userDirectory: "/nonexistent-kehu-config", shareDirectories: [Self.repository]))
        try #require(problems.isEmpty && theme.name == themeName)
        let frame = try ScreenFixture.render(vm, width: 80, height: 24, theme: theme)
        // The terminal's own background: black for dark, white for light.
        let invisible: Color = themeName == "dark" ? .indexed(0) : .indexed(7)
        var checked: Set<String> = []
        for (index, cell) in frame.cells.enumerated() where !cell.text.trimmingCharacters(in: .whitespaces).isEmpty {
            let fg = cell.style.foreground.degraded(toPalette: 8)
            let bg = cell.style.background.degraded(toPalette: 8, asBackground: true)
            let row = index / frame.size.width
            #expect(fg != bg || fg == .terminalDefault, "row \(row): \(cell.text) in \(fg) on \(bg)")
            if bg == .terminalDefault { #expect(fg != invisible, "row \(row): \(cell.text) vanishes on \(themeName) \(cell.style)") }
            checked.insert(cell.text)
        }
        // The customer codes and the card's labels were among them.
        #expect(checked.contains("A") && checked.contains("粤"))
        #expect(Color.indexed(8).degraded(toPalette: 8) == .terminalDefault)
        #expect(Color.indexed(243).degraded(toPalette: 8) == .terminalDefault)
        #expect(Color.indexed(8).degraded(toPalette: 8, asBackground: true) == .indexed(0))
    }
}

/// The hint line offers the view's main keys as the width allows, and only what the view
/// answers.
struct HintLineTests {
    @Test func wideScreensOfferSearchFilterViewsAndReportsAndReportsOfferNoCustomerActions() throws {
        let fixture = try ScreenFixture()
        let vm = try fixture.viewModel()
        vm.start()
        for _ in 0..<3 where vm.view != .allCustomers { vm.send(.nextView) }
        let wide = try ScreenFixture.render(vm, width: 120, height: 40).trimmedLines.last ?? ""
        for hint in ["/ 搜索", "f 筛选", "][ 档案视图", "R 报表", "Enter 打开", "l 记跟进", "Tab 切换", "? 帮助", "q 退出"] {
            #expect(wide.contains(hint), "\(hint) missing from \(wide)")
        }
        vm.send(.reports)
        let reports = try ScreenFixture.render(vm, width: 120, height: 40).trimmedLines.last ?? ""
        #expect(reports.contains("R 返回"), "\(reports)")
        for hint in ["l 记跟进", "e 改档案", "x 结卡", "/ 搜索", "Enter 打开"] { #expect(!reports.contains(hint), "\(hint) in \(reports)") }
    }

    @Test func theCommandLineShowsWhatIsTypedAndTheMatches() throws {
        let fixture = try ScreenFixture()
        let vm = try fixture.viewModel()
        vm.start()
        for _ in 0..<3 where vm.view != .allCustomers { vm.send(.nextView) }
        vm.handle(.char(":"))
        for ch in "跟进" { vm.handle(.char(ch)) }
        let line = try ScreenFixture.render(vm, width: 80, height: 24).trimmedLines.last ?? ""
        #expect(line.hasPrefix(" :跟进"), "\(line)")
        #expect(line.contains("记跟进 log-follow-up (l)"), "\(line)")
        for _ in 0..<12 { vm.handle(Key(.down)) }
        let scrolled = try ScreenFixture.render(vm, width: 80, height: 24).trimmedLines.last ?? ""
        #expect(scrolled.hasPrefix(" :跟进"))
    }
}

/// A report wider than its pane (the KPI table at 80 columns) scrolls sideways with ← →.
struct ReportSidewaysTests {
    @Test func theKPITableScrollsSideways() throws {
        let fixture = try ScreenFixture()
        let vm = try fixture.viewModel()
        vm.start()
        vm.send(.reports)
        vm.send(.moveDown)                                // the KPIs
        vm.send(.focusNext)                               // the report
        let before = try ScreenFixture.render(vm, width: 80, height: 24)
        #expect(before.lines.contains { $0.hasSuffix("▶") || $0.contains("▶│") || $0.contains("▶┃") }, "\(before.lines.joined(separator: "\n"))")
        vm.handle(Key(.right))
        #expect(vm.reportColumn == 8)
        let after = try ScreenFixture.render(vm, width: 80, height: 24)
        #expect(after.lines.contains { $0.contains("◀") })
        #expect(after.lines != before.lines)
        for _ in 0..<50 { vm.handle(Key(.right)) }
        // Stopped where the widest line's end reaches the pane's right edge.
        let widest = vm.reportLines.map { DisplayWidth.of($0) }.max() ?? 0
        #expect(vm.reportWidest == widest && vm.reportColumn == widest - (MainScreen.viewport(for: Size(width: 80, height: 24))!.cardWidth - 1))
        for _ in 0..<60 { vm.handle(Key(.left)) }
        #expect(vm.reportColumn == 0)
    }
}
