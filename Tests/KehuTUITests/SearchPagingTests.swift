import Testing
import TerminalUI
import KehuCore
import KehuApp
@testable import KehuStore
@testable import KehuTUI

/// Issue 18: the search list showed one row fewer than it paged by (the query takes the
/// pane's first line), so the last row's hit was selected off screen and each Page Down
/// skipped one. Every hit must be reachable, and drawn when selected, at every height.
struct SearchPagingTests {
    /// `count` customers named 测试… besides the fixture's four.
    static func viewModel(hits count: Int) throws -> (ScreenFixture, MainViewModel) {
        let fixture = try ScreenFixture()
        let actor = Actor(login: "admin", clock: FixedClock(screenNow))
        let team = try #require(try fixture.store.user(login: "zhangwei")?.teamID)
        for index in 0..<count {
            var customer = Customer(code: String(format: "Cc-粤ZH%04d", index + 1), name: "测试五金\(index + 1)号厂",
                                    createdAt: LocalDateTime(date: screenNow.date.adding(days: -30), hour: 9, minute: 0)!)
            customer.teamID = team
            try fixture.store.add(customer, by: actor)
        }
        let vm = try fixture.viewModel(.zh)
        vm.start()
        vm.send(.search)
        RoomScreenTests.type(vm, "测试五金")
        return (fixture, vm)
    }

    /// The code on the row drawn selected in the list pane, if any.
    static func selectedCode(_ screen: ScreenBuffer, theme: Theme, listWidth: Int) -> String? {
        for y in 2..<(screen.size.height - 2) where screen[3, y].style.background == theme[.listSelected].background {
            let line = screen.lines[y]
            return line.split(separator: " ").first { $0.hasPrefix("Cc-") }.map(String.init)
        }
        return nil
    }

    @Test(arguments: [1, 34, 35, 36, 37, 120])
    func everyHitIsDrawnWhenSelectedByDown(_ count: Int) throws {
        let theme = try ScreenFixture.theme()
        for height in [24, 30, 41, 50] {
            let (fixture, vm) = try Self.viewModel(hits: count)
            _ = fixture
            let hits = try #require(vm.search?.hits)
            #expect(hits.count == count)
            for index in 0..<count {
                let screen = try ScreenFixture.render(vm, width: 100, height: height, theme: theme)
                #expect(Self.selectedCode(screen, theme: theme, listWidth: 48) == hits[index].row.code,
                        "\(count) hits at height \(height): hit \(index + 1) selected but not drawn")
                vm.send(.moveDown)
            }
        }
    }

    @Test(arguments: [36, 37, 120])
    func pageDownShowsEveryHitOnce(_ count: Int) throws {
        let theme = try ScreenFixture.theme()
        for height in [24, 30, 41, 50] {
            let (fixture, vm) = try Self.viewModel(hits: count)
            _ = fixture
            var seen: [String] = []
            for _ in 0..<count {
                let screen = try ScreenFixture.render(vm, width: 100, height: height, theme: theme)
                // Codes on the list pane's rows, top to bottom.
                let codes = screen.lines.compactMap { $0.split(separator: " ").first { $0.hasPrefix("Cc-") }.map(String.init) }
                for code in codes where !seen.contains(code) { seen.append(code) }
                if seen.count == count { break }
                vm.send(.pageDown)
            }
            #expect(Set(seen).count == count, "\(count) hits at height \(height): \(seen.count) reached by Page Down")
        }
    }

    /// The run loop hands keys read together to the view-model as one burst: `/` opens the
    /// search, and the name typed after it is searched once, not once per character.
    @Test func keysReadTogetherAreOneBurst() throws {
        let (fixture, _) = try Self.viewModel(hits: 3)
        let vm = try fixture.viewModel(.zh)
        vm.start()
        let app = TerminalApp(viewModel: vm, theme: try ScreenFixture.theme())
        let size = Size(width: 100, height: 30)
        app.step([.key(.char("/"))] + "测试五金".map { InputEvent.key(Key(.character($0))) }, size: size)
        let search = try #require(vm.search)
        #expect(search.input.text == "测试五金" && search.hits.count == 3)
        #expect(search.resultsShown == 1)
        // While the terminal is too small only quitting works, burst or not.
        app.step([.key(Key(.escape)), .key(.char("n"))], size: Size(width: 30, height: 8))
        #expect(vm.search != nil && vm.form == nil)
    }
}
