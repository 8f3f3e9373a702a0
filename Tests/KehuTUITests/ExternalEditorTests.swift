import Foundation
import Testing
@testable import KehuTUI

@Suite(.serialized)
struct ExternalEditorTests {
    @Test func theEditorsTextComesBack() throws {
        // A stand-in editor: appends to the file it is given, as a person would type.
        setenv("VISUAL", "sh -c 'printf \"，再补一句\" >> \"$0\"'", 1)
        defer { unsetenv("VISUAL") }
        #expect(ExternalEditor.edit("客户说下周再谈") == "客户说下周再谈，再补一句")
    }

    @Test func aFailingEditorGivesNothingBack() throws {
        setenv("VISUAL", "false", 1)
        defer { unsetenv("VISUAL") }
        #expect(ExternalEditor.edit("原文") == nil)
    }
}
