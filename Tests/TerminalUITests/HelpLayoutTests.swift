import Testing
@testable import TerminalBasics

/// `--help` in Chinese: wrapped by columns, not characters (issue 17).
struct HelpLayoutTests {
    static let chineseParagraph = "列名可以是中文或英文（单位名称/name、电话/phone、联系人、手机、省份、城市），kehu export 写出的列都认得；--mapping 文件可以补充你自己的列名（每行一条“列名 = 字段”）。表头上方的标题行和空行会跳过。"

    @Test func chineseParagraphFitsTheWidthAndKeepsEveryCharacter() {
        for width in [40, 60, 80] {
            let lines = HelpLayout.wrap(Self.chineseParagraph, width: width).split(separator: "\n").map(String.init)
            #expect(lines.count > 1)
            for line in lines {
                #expect(DisplayWidth.of(line) <= width, "\(width): \(line)")
                #expect(!line.hasPrefix("，") && !line.hasPrefix("。") && !line.hasPrefix("”") && !line.hasPrefix("）"), "\(line)")
                #expect(!line.hasSuffix("“") && !line.hasSuffix("（"), "\(line)")
            }
            // Nothing lost but the spaces a break took.
            #expect(lines.joined().filter { $0 != " " } == Self.chineseParagraph.filter { $0 != " " })
            // Lines are filled: a short line is only ever the last one.
            for line in lines.dropLast() { #expect(DisplayWidth.of(line) >= width - 8, "\(width): \(line)") }
        }
    }

    @Test func optionDescriptionsContinueUnderTheirFirstColumn() {
        let option = "  --kind <kind>           customers（客户）、contacts（联系人）、activities（拜访记录）或 cards（意向卡）"
        let lines = HelpLayout.wrap(option, width: 80).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("  --kind <kind>           customers（客户）"))
        #expect(lines[1].hasPrefix(String(repeating: " ", count: 26)) && !lines[1].hasPrefix(String(repeating: " ", count: 27)))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    @Test func englishBreaksOnlyBetweenWords() {
        let text = "Headers in Chinese or English, and everything kehu export writes; --mapping FILE adds your own (one header = field a line)."
        let lines = HelpLayout.wrap(text, width: 40).split(separator: "\n").map(String.init)
        let words = Set(text.split(separator: " ").map(String.init))
        for line in lines {
            #expect(DisplayWidth.of(line) <= 40)
            for word in line.split(separator: " ") { #expect(words.contains(String(word)), "\(word) was split") }
        }
    }

    @Test func usageContinuesUnderTheCommandAndShortLinesStayAsTheyAre() {
        let usage = "USAGE: kehu [--db <file>] [--demo] [--lang zh|en] [--theme <theme>] [--keymap <keymap>] [--as <login>]"
        let lines = HelpLayout.wrap(usage, width: 80).split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[1].hasPrefix("       ") && !lines[1].hasPrefix("        "))
        #expect(HelpLayout.wrap("OPTIONS:\n  -h, --help    Show help.\n", width: 80) == "OPTIONS:\n  -h, --help    Show help.\n")
    }
}
