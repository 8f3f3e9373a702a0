import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

struct ThemeAndStringsTests {
    @Test(arguments: ["dark", "vivid", "light", "high-contrast", "mono"])
    func shippedThemesDefineEveryRole(_ name: String) throws {
        let text = try String(contentsOfFile: "\(repositoryRoot)/themes/\(name).toml", encoding: .utf8)
        let (theme, problems) = Theme.parse(text, file: name, fallbackName: "?")
        #expect(problems.isEmpty, "\(problems)")
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(ThemeRole.allCases))
        // The selected row must stand out in every theme, colour or not.
        #expect(theme[.listSelected] != theme[.listRow])
    }

    @Test func monoUsesNoColourAtAll() throws {
        let (theme, _) = ConfigLoader.theme(named: "dark", monochrome: true, locator: Scratch().locator)
        #expect(theme.name == "mono")
        for style in theme.styles.values {
            #expect(style.foreground == .terminalDefault)
            #expect(style.background == .terminalDefault)
        }
        #expect(theme[.listSelected].attributes.contains(.reverse))
    }

    @Test func styleSpecsRead() {
        #expect(Theme.parseStyle("black on cyan bold") == Style(foreground: .indexed(0), background: .indexed(6), attributes: .bold))
        #expect(Theme.parseStyle("221") == Style(foreground: .indexed(221)))
        #expect(Theme.parseStyle("bright-white on 124 underline") == Style(foreground: .indexed(15), background: .indexed(124), attributes: .underline))
        #expect(Theme.parseStyle("reverse") == Style(attributes: .reverse))
        #expect(Theme.parseStyle("purple") == nil)
        #expect(Theme.parseStyle("300") == nil)
        #expect(Theme.parseStyle("red on") == nil)
        #expect(Theme.parseStyle("red blue") == nil)
    }

    @Test func aBadThemeFileIsReportedWithFileAndLineAndTheDefaultIsUsed() {
        let scratch = Scratch()
        let file = scratch.write("config/themes/sunset.toml", """
            name = "sunset"
            [roles]
            "list.selected" = "black on orange"
            "list.sparkle" = "red"
            "overdue" = "red bold"
            """)
        let (theme, problems) = ConfigLoader.theme(named: "sunset", monochrome: false, locator: scratch.locator)
        #expect(problems == [ConfigProblem(file: file, line: 3, kind: .badStyle("black on orange")),
                             ConfigProblem(file: file, line: 4, kind: .unknownRole("list.sparkle"))])
        #expect(theme.name == "dark")
        #expect(Strings(.zh).message(problems[0]) == "\(file):3: 无法识别的样式 \"black on orange\"")
    }

    @Test func aUserThemeChangesOnlyTheRolesItNames() {
        let scratch = Scratch()
        _ = scratch.write("config/themes/mine.toml", """
            name = "mine"
            [roles]
            "list.code" = "magenta"
            """)
        let dark = ConfigLoader.theme(named: "dark", monochrome: false, locator: scratch.locator).theme
        let (mine, problems) = ConfigLoader.theme(named: "mine", monochrome: false, locator: scratch.locator)
        #expect(problems.isEmpty)
        #expect(mine.name == "mine")
        #expect(mine[.listCode].foreground == .indexed(5))
        for role in ThemeRole.allCases where role != .listCode { #expect(mine[role] == dark[role], "\(role)") }
        // On another shipped theme by name.
        _ = scratch.write("config/themes/paper.toml", """
            base = "light"
            [roles]
            "overdue" = "red bold"
            """)
        let light = ConfigLoader.theme(named: "light", monochrome: false, locator: scratch.locator).theme
        let paper = ConfigLoader.theme(named: "paper", monochrome: false, locator: scratch.locator).theme
        #expect(paper[.listSelected] == light[.listSelected] && paper[.overdue] != light[.overdue])
    }

    @Test func everyStringExistsInBothLanguages() {
        for key in StringKey.allCases {
            #expect(!Strings(.zh)[key].isEmpty)
            #expect(!Strings(.en)[key].isEmpty)
        }
        for action in Action.allCases {
            #expect(!Strings(.zh).describe(action).isEmpty && !Strings(.en).describe(action).isEmpty)
        }
        #expect(Strings(.zh).message(ValidationError.badPhone(field: .contactMobile, value: "13x")) == "手机「13x」不是有效的电话号码")
        #expect(Strings(.en).message(ValidationError.required(field: .customerName)) == "Company name is required")
    }

    /// Issue 17: a conflict names the field as the form does (电话), not the column (phone).
    @Test func aConflictNamesTheFieldInTheSessionsLanguage() {
        let conflict = StoreError.conflict(table: "customers", rowID: 1,
                                           fields: [FieldConflict(column: "phone", mine: "020-1", theirs: "020-8888 6666")])
        let zh = Strings(.zh).message(conflict)
        #expect(zh.contains(Strings(.zh).label(FormField.Name.customerPhone) + ": 020-8888 6666") && !zh.contains("phone"), "\(zh)")
        let en = Strings(.en).message(conflict)
        #expect(en.contains(Strings(.en).label(FormField.Name.customerPhone) + ": 020-8888 6666"), "\(en)")
        // A follow-up's card that went to another customer meanwhile (a merge): said so,
        // not by ids.
        let moved = StoreError.conflict(table: "intentCards", rowID: 7, fields: [FieldConflict(column: "customerID", mine: "3", theirs: "41")])
        #expect(Strings(.zh).message(moved) == "别人刚修改了同一字段，未覆盖: 所属客户: 已归到另一个客户")
        #expect(Strings(.en).message(moved).hasSuffix("customer: now another customer's"))
    }

    @Test func aFullDiskAndAReadOnlyFileAreSaidPlainly() {
        let path = "/srv/kehu/kehu.db"
        #expect(Strings(.zh).message(StoreError.diskFull(path: path)) == "\(path) 所在的磁盘已满，这次的改动整个没有写入。请腾出空间后再试。")
        #expect(Strings(.en).message(StoreError.diskFull(path: path)).hasPrefix("The disk holding \(path) is full"))
        #expect(Strings(.zh).message(StoreError.readOnly(path: path)).contains("只读"))
        #expect(Strings(.en).message(StoreError.readOnly(path: path)).contains("read-only"))
    }

    @Test func languageComesFromOptionThenEnvironmentThenLocale() {
        #expect(Language.resolve(option: "en", environment: ["KEHU_LANG": "zh"]).0 == .en)
        #expect(Language.resolve(option: nil, environment: ["KEHU_LANG": "en_US", "LANG": "zh_CN.UTF-8"]).0 == .en)
        #expect(Language.resolve(option: nil, environment: ["LANG": "en_GB.UTF-8"]).0 == .en)
        #expect(Language.resolve(option: nil, environment: ["LANG": "C.UTF-8"]).0 == .zh)
        #expect(Language.resolve(option: nil, environment: [:]).0 == .zh)
        let (lang, problem) = Language.resolve(option: "fr", environment: [:])
        #expect(lang == .zh)
        #expect(problem == "fr")
    }

    @Test func configReaderHandlesTheTOMLKehuUses() {
        let (entries, problems) = ConfigReader.read("""
            \u{FEFF}# comment
            name = "dark" # trailing comment
            [roles]
            "a.b" = 'literal \\n'
            n = 1_000
            flag = true
            list = ["x", "y\\u4e2d"]
            bad = "open
            """, file: "f")
        #expect(entries.map(\.key) == ["name", "a.b", "n", "flag", "list"])
        #expect(entries[1].value == .string("literal \\n"))
        #expect(entries[2].value == .integer(1000))
        #expect(entries[4].value == .array([.string("x"), .string("y中")]))
        #expect(entries[1].table == "roles")
        #expect(problems == [ConfigProblem(file: "f", line: 8, kind: .unterminatedString)])
    }

    /// A file saved with Windows line ends reads line by line, with the same line numbers.
    @Test func configReaderReadsWindowsLineEnds() {
        let (entries, problems) = ConfigReader.read("name = \"红\"\r\n[roles]\r\n\"card.value\" = \"white\"\r\nbad =\r\n", file: "f")
        #expect(entries.map(\.key) == ["name", "card.value"])
        #expect(entries.map(\.line) == [1, 3])
        #expect(entries[0].value == .string("红"))
        #expect(entries[1].table == "roles")
        #expect(problems.map(\.line) == [4])
    }
}

struct ProblemMessageTests {
    @Test func theStatusLineFormKeepsFileNameAndLine() {
        let problem = ConfigProblem(file: "/home/zhangwei/.config/kehu/keymap.toml", line: 3, kind: .unknownAction("explode"))
        #expect(Strings(.zh).message(problem, short: true) == "keymap.toml:3: 未知动作 \"explode\"")
        #expect(Strings(.en).message(problem) == "/home/zhangwei/.config/kehu/keymap.toml:3: unknown action \"explode\"")
    }

    /// A long job's line: how far, and the time left once it can be estimated.
    @Test func progressSaysTheTimeLeft() {
        let zh = Strings(.zh), en = Strings(.en)
        #expect(zh.progressLine(done: 0, total: 100_000, elapsedSeconds: 0, unit: .rows) == "[........................] 0/100000 行 · 估算剩余时间…")
        #expect(zh.progressLine(done: 25_000, total: 100_000, elapsedSeconds: 3, unit: .rows) == "[######..................] 25000/100000 行 · 剩余约 9 秒")
        #expect(en.progressLine(done: 10, total: 100, elapsedSeconds: 20, unit: .percent) == "[##......................] 10% · about 3 min 0 s left")
        #expect(en.progressLine(done: 500, total: 500, elapsedSeconds: 9, unit: .customers) == "[########################] 500/500 customers")
    }
}

struct PostgresMoveMessageTests {
    /// A refusal of one table names it; one outside any table (a role, the schema, a lost
    /// connection) does not leave an empty name in the sentence.
    @Test func aRefusalNamesItsTableOnlyWhenThereIsOne() {
        for language in [Language.en, .zh] {
            let strings = Strings(language)
            let named = strings.message(PostgresMoveProblem.refused(table: "contacts", detail: "x"))
            let none = strings.message(PostgresMoveProblem.refused(table: "", detail: "connection reset"))
            #expect(named.contains("contacts"))
            #expect(none.contains("connection reset"))
            #expect(!none.contains("table  ") && !none.contains("表  ") && !none.contains("表 的"))
            #expect(none != named)
        }
    }
}
