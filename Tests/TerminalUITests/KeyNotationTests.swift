import Testing
import TerminalBasics

struct KeyNotationTests {
    @Test(arguments: [("j", "j"), ("J", "J"), ("down", "down"), ("PgDown", "pgdn"), ("C-d", "C-d"), ("C-D", "C-d"),
                      ("M-x", "M-x"), ("S-tab", "S-tab"), ("backtab", "S-tab"), ("f5", "f5"), ("?", "?"),
                      ("M-<", "M-<"), ("-", "-"), ("C--", "C--"), ("space", "space"), ("Esc", "esc"), ("S-a", "A")])
    func notationParsesToCanonicalForm(_ written: String, _ canonical: String) throws {
        let key = try #require(Key(notation: written))
        #expect(key.notation == canonical)
        #expect(Key(notation: canonical) == key)
    }

    @Test(arguments: ["", "C-", "ctrl-d", "f13", "f0", "X-a", "jj", "S-1", "page up"])
    func malformedNotationIsRefused(_ written: String) {
        #expect(Key(notation: written) == nil)
    }

    @Test func labelsReadWellInHints() {
        #expect(Key(notation: "down")?.label == "↓")
        #expect(Key(notation: "pgup")?.label == "PgUp")
        #expect(Key(notation: "S-tab")?.label == "S-Tab")
        #expect(Key(notation: "C-d")?.label == "C-d")
    }
}
