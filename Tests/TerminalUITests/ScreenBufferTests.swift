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
