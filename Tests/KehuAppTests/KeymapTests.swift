import Foundation
import Testing
import TerminalBasics
@testable import KehuApp

struct KeymapTests {
    @Test(arguments: ["default", "vim", "emacs"])
    func shippedKeymapsAreCleanAndComplete(_ name: String) throws {
        let text = try String(contentsOfFile: "\(repositoryRoot)/keymaps/\(name).toml", encoding: .utf8)
        let (map, problems) = Keymap().applying(text, file: name)
        #expect(problems.isEmpty, "\(problems)")
        for context in [KeyContext.list, .card, .timeline] {
            for action in [Action.moveUp, .moveDown, .pageUp, .pageDown] {
                #expect(!map.keys(for: action, in: context).isEmpty, "\(name): \(context) has no key for \(action)")
            }
        }
        for action in [Action.focusNext, .focusPrevious, .help, .quit] {
            #expect(!map.keys(for: action, in: .global).isEmpty)
        }
        #expect(!map.keys(for: .close, in: .help).isEmpty)
        // tmux owns C-a and C-b: no default chord may need them.
        for bindings in map.bindings.values {
            #expect(!bindings.contains { $0.key == .ctrl("a") })
            #expect(!bindings.contains { $0.key == .ctrl("b") })
        }
    }

    @Test func contextBindingsWinOverGlobalOnes() {
        let map = shippedKeymap("default")
        #expect(map.action(for: .char("q"), in: .list) == .quit)
        #expect(map.action(for: .char("q"), in: .help) == .close)
        #expect(map.action(for: Key(.down), in: .timeline) == .moveDown)
        #expect(map.action(for: Key(.tab, shift: true), in: .card) == .focusPrevious)
        #expect(map.action(for: .char("z"), in: .list) == nil)
        let vim = shippedKeymap("vim")
        #expect(vim.action(for: .ctrl("d"), in: .list) == .pageDown)
        #expect(vim.action(for: .char("G"), in: .list) == .last)
        let emacs = shippedKeymap("emacs")
        #expect(emacs.action(for: Key(.character("v"), alt: true), in: .list) == .pageUp)
    }

    @Test func badLinesAreReportedWithFileAndLine() {
        let text = """
            [list]
            j = "move-down"
            k = "jump-around"
            C-foo = "move-up"
            C-d = "page-down"
            c-D = "page-up"
            [sidebar]
            x = "quit"
            [global]
            y = quit
            """
        let (map, problems) = Keymap().applying(text, file: "/home/zw/.config/kehu/keymap.toml")
        #expect(problems == [
            ConfigProblem(file: "/home/zw/.config/kehu/keymap.toml", line: 10, kind: .unquotedString("quit")),
            ConfigProblem(file: "/home/zw/.config/kehu/keymap.toml", line: 3, kind: .unknownAction("jump-around")),
            ConfigProblem(file: "/home/zw/.config/kehu/keymap.toml", line: 4, kind: .malformedKey("C-foo")),
            ConfigProblem(file: "/home/zw/.config/kehu/keymap.toml", line: 6, kind: .duplicateBinding(key: "C-d", firstLine: 5)),
            ConfigProblem(file: "/home/zw/.config/kehu/keymap.toml", line: 8, kind: .unknownContext("sidebar")),
        ])
        #expect(map.action(for: .char("j"), in: .list) == .moveDown)
        #expect(map.action(for: .ctrl("d"), in: .list) == .pageDown)
        let message = Strings(.zh).message(problems[1])
        #expect(message == "/home/zw/.config/kehu/keymap.toml:3: 未知动作 \"jump-around\"")
        #expect(Strings(.en).message(problems[2]) == "/home/zw/.config/kehu/keymap.toml:4: malformed key \"C-foo\"")
    }

    @Test func aUserFileOverridesSingleBindingsAndNoneRemovesAKey() {
        let scratch = Scratch()
        _ = scratch.write("config/kehu/keymap.toml", """
            # mine
            [list]
            j = "move-down"
            end = "none"
            """)
        let locator = ConfigLocator(userDirectory: scratch.path + "/config/kehu", shareDirectories: [repositoryRoot])
        let (map, problems) = ConfigLoader.keymap(named: "default", locator: locator)
        #expect(problems.isEmpty)
        #expect(map.action(for: .char("j"), in: .list) == .moveDown)
        #expect(map.action(for: Key(.down), in: .list) == .moveDown)    // the rest of the map is kept
        #expect(map.action(for: Key(.end), in: .list) == nil)
    }

    @Test func aBrokenUserFileFallsBackToTheDefaultMapAndSaysWhere() {
        let scratch = Scratch()
        let file = scratch.write("config/kehu/keymap.toml", "[list]\nend = \"teleport\"\n")
        let locator = ConfigLocator(userDirectory: scratch.path + "/config/kehu", shareDirectories: [repositoryRoot])
        let (map, problems) = ConfigLoader.keymap(named: "vim", locator: locator)
        #expect(problems == [ConfigProblem(file: file, line: 2, kind: .unknownAction("teleport"))])
        #expect(map == shippedKeymap("default"))
    }

    @Test func aMapThatLeavesNoWayOutIsReportedAndTheDefaultKept() {
        let scratch = Scratch()
        // q taken for something else, and nothing else quits: kehu reads keys raw, so not
        // even C-c would end it.
        let file = scratch.write("config/kehu/keymap.toml", "[global]\nq = \"search\"\n")
        let locator = ConfigLocator(userDirectory: scratch.path + "/config/kehu", shareDirectories: [repositoryRoot])
        let (map, problems) = ConfigLoader.keymap(named: "default", locator: locator)
        #expect(problems == [ConfigProblem(file: file, line: 0, kind: .noQuitKey)])
        #expect(map.action(for: .char("q"), in: .global) == .quit)
        #expect(Strings(.zh).message(problems[0]).contains("没有任何键绑定 quit"))
        // Quitting on another key is fine.
        _ = scratch.write("config/kehu/keymap.toml", "[global]\nq = \"search\"\nC-q = \"quit\"\n")
        let (other, none) = ConfigLoader.keymap(named: "default", locator: locator)
        #expect(none.isEmpty && other.action(for: .ctrl("q"), in: .global) == .quit)
    }

    @Test func anUnknownKeymapNameFallsBackToDefault() {
        let (map, problems) = ConfigLoader.keymap(named: "wordstar", locator: Scratch().locator)
        #expect(problems.map(\.kind) == [.notFound("wordstar")])
        #expect(map == shippedKeymap("default"))
    }

    @Test func theBuiltInCopiesMatchTheShippedFiles() throws {
        #expect(BuiltinConfig.defaultKeymap + "\n" == (try String(contentsOfFile: "\(repositoryRoot)/keymaps/default.toml", encoding: .utf8)),
                "run scripts/embed-config")
        for name in ["dark", "mono"] {
            #expect(BuiltinConfig.themes[name]! + "\n" == (try String(contentsOfFile: "\(repositoryRoot)/themes/\(name).toml", encoding: .utf8)),
                    "run scripts/embed-config")
        }
        // Without any shipped files kehu still has a keyboard and a theme.
        let bare = ConfigLocator(userDirectory: "/nonexistent", shareDirectories: [])
        #expect(ConfigLoader.keymap(named: "default", locator: bare).problems.isEmpty)
        #expect(ConfigLoader.keymap(named: "default", locator: bare).keymap == shippedKeymap("default"))
        #expect(ConfigLoader.theme(named: "dark", monochrome: false, locator: bare).problems.isEmpty)
    }
}
