import Testing
@testable import TerminalBasics

struct DisplayWidthTests {
    @Test func chineseAndFullWidthTakeTwoColumns() {
        #expect(DisplayWidth.of("广州华南机电") == 12)
        #expect(DisplayWidth.of("ＡＢＣ") == 6)
        #expect(DisplayWidth.of("Aa-粤GZ0001") == 11)
        #expect(DisplayWidth.of("，。") == 4)
        #expect(DisplayWidth.of("한국") == 4)
    }

    @Test func combiningMarksTakeNone() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test func ambiguousSymbolsTakeOneLikeTmux() {
        #expect(DisplayWidth.of("…·★│─▲") == 6)
    }

    @Test func emojiPresentationTakesTwo() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("✔\u{FE0F}") == 2)
    }

    @Test func truncationNeverSplitsAWideCharacterAndMarksTheCut() {
        for width in 0...14 {
            let cut = TextLayout.truncate("广州华南机电有限公司", to: width)
            #expect(DisplayWidth.of(cut) <= width)
            if width < 20 && width > 0 { #expect(cut.hasSuffix("…")) }
        }
        #expect(TextLayout.truncate("广州华南机电", to: 6) == "广州…")
        #expect(TextLayout.truncate("广州华南机电", to: 12) == "广州华南机电")
        #expect(TextLayout.fit("广州", to: 7) == "广州   ")
        #expect(TextLayout.fitRight("12", to: 4) == "  12")
    }

    @Test func wrappingRespectsWidthAndChinesePunctuation() {
        let text = "客户反馈旧设备故障频繁，有更换意向。对比了大族的报价，我方价格略高"
        for width in 4...30 {
            let lines = TextLayout.wrap(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
            #expect(lines.dropFirst().allSatisfy { !($0.first.map { "，。".contains($0) } ?? false) })
            #expect(lines.joined() == text)
        }
        #expect(TextLayout.wrap("call the buyer tomorrow morning", width: 12) == ["call the", "buyer", "tomorrow", "morning"])
    }
}

/// The scalar walk (`Glyphs` over text whose scalars all stand alone) gives exactly the
/// characters and widths Swift's character walk gives, and text with a mark, a joiner, a
/// variation selector or an emoji takes the character walk.
struct GlyphsTests {
    @Test(arguments: ["广州华南机电有限公司", "Ca-粤GZ0001 A 重点", "（全角）、。「」…·—★─│", "ＡＢＣ１２３ ｶﾀｶﾅ", "한국어 かな カナ",
                      "café", "e\u{301}cole", "👍🏽 ok", "❤\u{FE0F}", "👨\u{200D}👩\u{200D}👧", "a\u{AD}b", "\r\n", "合\u{3099}", ""])
    func theScalarWalkMatchesTheCharacterWalk(_ text: String) {
        let walked = Glyphs(text).map { "\($0.character)/\($0.width)" }
        let characters = text.map { "\($0)/\(DisplayWidth.of($0))" }
        #expect(walked == characters)
        #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
    }

    @Test func onlyTextOfLoneScalarsIsWalkedByScalars() {
        #expect(DisplayWidth.scalarsStandAlone("广州 Ca-粤GZ0001（全角）"[...]))
        for text in ["e\u{301}", "❤\u{FE0F}", "👍", "a\u{200D}b", "\r\n"] {
            #expect(!DisplayWidth.scalarsStandAlone(text[...]), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
