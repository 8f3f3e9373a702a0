import Testing
@testable import TerminalUI

struct ScreenBufferTests {
    @Test func wideCharactersFillTwoCellsAndReadBackOnce() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        let end = buffer.put("王芳ab", x: 0, y: 0, style: .plain)
        #expect(end == 6)
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].width == 0)
        #expect(buffer.lines == ["王芳ab    "])
    }

    @Test func aWideCharacterThatWouldCrossTheEdgeBecomesASpace() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        buffer.put("abc王芳", x: 0, y: 0, style: .plain, clip: Rect(x: 0, y: 0, width: 6, height: 1))
        #expect(buffer.lines == ["abc王     "])
        #expect(buffer[5, 0].text == " ")
    }

    @Test func overwritingHalfAWideCharacterMendsTheOtherHalf() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.put("王芳", x: 0, y: 0, style: .plain)
        buffer.put("x", x: 1, y: 0, style: .plain)
        #expect(buffer.lines == [" x芳  "])
        buffer.put("y", x: 2, y: 0, style: .plain)
        #expect(buffer.lines == [" xy   "])
        #expect(buffer.cells.allSatisfy { $0.width != 0 })
    }

    /// `put` walks text scalar by scalar when it can; whatever the text and wherever the
    /// clip's edges fall (through wide characters of what was drawn before, too), the
    /// cells come out as drawing it one character at a time makes them.
    @Test(arguments: ["广州华南机电有限公司", "Ca-粤GZ0001 A 重点", "（全角）、。「」…·—★─│┌┐", "ＡＢＣ１２３ ｶﾀｶﾅ",
                      "café e\u{301}cole", "王e\u{301}", "\u{301}ab", "👍🏽 ok", "a❤\u{FE0F}b", "👨\u{200D}👩\u{200D}👧 家",
                      "a\u{AD}b", "合\u{3099}王", "", "   "])
    func textIsDrawnAsItsCharactersOneByOne(_ text: String) {
        for x in [0, 1, 2] {
            for (left, width) in [(0, 12), (1, 5), (2, 4), (3, 3), (0, 1)] {
                let clip = Rect(x: left, y: 0, width: width, height: 1)
                var drawn = ScreenBuffer(size: Size(width: 12, height: 1))
                drawn.put("王芳李明赵", x: 0, y: 0, style: .plain)
                var expected = drawn
                let end = drawn.put(text, x: x, y: 0, style: Style(foreground: .indexed(2)), clip: clip)
                var column = x
                for ch in text {
                    let w = DisplayWidth.of(ch)
                    let next = expected.put(String(ch), x: column, y: 0, style: Style(foreground: .indexed(2)), clip: clip)
                    if w > 0, column + w > clip.maxX { column = next; break }
                    column = next
                }
                #expect(drawn.cells == expected.cells, "\(text) from \(x) in \(left)..<\(left + width)")
                #expect(end == column, "\(text) from \(x) in \(left)..<\(left + width)")
            }
        }
    }

    /// A frame's diff sends bytes, so cells are the same only when their bytes are: "é"
    /// written precomposed and as e with a combining accent are different cells.
    @Test func cellsAreTheSameOnlyByteForByte() {
        #expect(Cell(text: "\u{E9}") != Cell(text: "e\u{301}"))
        #expect("\u{E9}" == "e\u{301}")          // as Swift's strings they are equal
        #expect(Cell(text: "华") == Cell(text: String("华华".prefix(1))))
        #expect(Cell(text: "华") != Cell(text: "南"))
        #expect(Cell(text: "华", style: Style(foreground: .indexed(1))) != Cell(text: "华"))
        #expect(Set([Cell(text: "广"), Cell(text: String("广州".prefix(1)))]).count == 1)
    }

    @Test func boxesCarryTitleAndNoteInsideTheirWidth() {
        var buffer = ScreenBuffer(size: Size(width: 24, height: 3))
        buffer.box(Rect(x: 0, y: 0, width: 24, height: 3), glyphs: .light, style: .plain,
                   title: "广州华南机电有限公司", note: "Ba-粤GZ0012")
        #expect(buffer.lines[0] == "┌ 广州… ─ Ba-粤GZ0012 ─┐")
        #expect(DisplayWidth.of(buffer.lines[0]) == 24)
        #expect(buffer.lines[2] == "└──────────────────────┘")
    }

    @Test func spansAreCutAtTheWidthAndPadded() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 1))
        buffer.putSpans([("代码 ", .plain), ("广州华南机电", .plain)], x: 0, y: 0, width: 10, fill: .plain)
        #expect(buffer.lines == ["代码 广州…  "])
    }

    @Test func headlessBackendCountsChangedCells() {
        let backend = HeadlessBackend(size: Size(width: 5, height: 2))
        var frame = ScreenBuffer(size: Size(width: 5, height: 2))
        backend.present(frame)
        frame.put("ab", x: 0, y: 1, style: .plain)
        backend.present(frame)
        #expect(backend.lastChangedCells == 2)
        #expect(backend.lastFrame.lines == ["     ", "ab   "])
    }

    @Test func coloursDegradeToWhatTheTerminalHas() {
        #expect(Color.indexed(196).degraded(toPalette: 256) == .indexed(196))
        #expect(Color.indexed(196).degraded(toPalette: 16) == .indexed(9))
        #expect(Color.indexed(196).degraded(toPalette: 8) == .indexed(1))
        #expect(Color.indexed(12).degraded(toPalette: 8) == .indexed(4))
        #expect(Color.terminalDefault.degraded(toPalette: 8) == .terminalDefault)
    }
}
