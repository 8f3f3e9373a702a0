import Testing
@testable import KehuApp

struct TextInputTests {
    @Test func editsWholeCharactersWhateverTheirBytes() {
        var input = TextInput()
        input.insert("确认了预算")          // five characters, fifteen UTF-8 bytes
        #expect(input.cursor == 5)
        input.deleteBackward()
        #expect(input.text == "确认了预")
        input.moveLeft(); input.moveLeft()
        input.insert("A")
        #expect(input.text == "确认A了预")
        input.deleteForward()
        #expect(input.text == "确认A预")
        input.moveToStart()
        input.deleteForward()
        #expect(input.text == "认A预")
        input.insert("e\u{301}👍🏽")          // a letter with its accent, an emoji with skin tone
        #expect(input.characters.count == 5)
        input.deleteBackward()
        #expect(input.text == "e\u{301}认A预")
        input.moveToStart(); input.moveRight()
        input.deleteToEnd()
        #expect(input.text == "e\u{301}")
        #expect(input.isEdited)
    }

    @Test func enteringAFieldSelectsItsTextForReplacing() {
        var input = TextInput("020-8888 6666")
        input.selectAll()
        input.deleteBackward()
        #expect(input.text == "")
        input.insert("020-8888 7777")
        input.selectAll()
        input.moveToStart()
        input.deleteForward()
        #expect(input.text == "20-8888 7777")
        var empty = TextInput()
        empty.selectAll()
        #expect(!empty.isSelected)
    }

    @Test func pastedLinesBecomeOneLine() {
        var input = TextInput()
        input.insert("第一行\n第二行\t完")
        #expect(input.text == "第一行 第二行 完")
    }

    @Test func theVisiblePartKeepsTheCursorInViewAndNeverSplitsAWideCharacter() {
        var input = TextInput()
        input.insert("客户反馈旧设备故障频繁有更换意向")   // 16 characters, 32 columns
        let (shown, column) = input.visible(width: 10)
        #expect(DisplayWidthProbe.width(shown) <= 10)
        #expect(column == DisplayWidthProbe.width(shown))    // cursor after the last shown character
        #expect(column <= 9)
        #expect(shown.hasSuffix("意向"))
        input.moveToStart()
        let start = input.visible(width: 10)
        #expect(start.cursorColumn == 0)
        #expect(start.text == "客户反馈旧")
    }

    @Test func settingByTheProgramIsNotAnEditAndTypingReplacesIt() {
        var input = TextInput()
        input.set("2026-11-29")
        #expect(!input.isEdited)
        #expect(input.isSelected)
        input.insert("1")
        #expect(input.text == "1")
        input.set("2026-11-29")
        input.moveLeft()                       // moving first means: edit the suggestion
        input.insert("x")
        #expect(input.text == "2026-11-2x9")
        input.set("2026-11-29")
        input.replace(with: "2026-12-01")
        #expect(input.isEdited)
    }
}

import TerminalBasics
enum DisplayWidthProbe {
    static func width(_ s: String) -> Int { DisplayWidth.of(s) }
}
