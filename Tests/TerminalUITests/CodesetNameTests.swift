import Testing
@testable import TerminalUI

/// The screen keeps the user's locale when its codeset is UTF-8 under any spelling, and
/// draws wide characters through C.UTF-8 otherwise.
@Suite struct CodesetNameTests {
    @Test func utf8IsRecognisedHoweverItIsSpelt() {
        for name in ["UTF-8", "utf-8", "UTF8", "utf8", "Utf-8"] { #expect(NcursesBackend.namesUTF8(name), "\(name)") }
        for name in ["ANSI_X3.4-1968", "ISO-8859-1", "GB18030", "UTF-16", "UTF-88", "", "UTF"] { #expect(!NcursesBackend.namesUTF8(name), "\(name)") }
    }
}
