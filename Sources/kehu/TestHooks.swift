import Foundation
import KehuHost

/// A debug build — what `swift test` runs — crashes on purpose right after the first frame
/// when `KEHU_TEST_CRASH=fatal`, so a test can see that a crash gives the terminal back and
/// that the runtime's report is printed after the screen, not drawn over it. A release
/// build never reads it, nor does a kehu holding the shared group.
func deliberateCrash() -> (() -> Bool)? {
    #if DEBUG
    if !Privilege.isHeld, ProcessInfo.processInfo.environment["KEHU_TEST_CRASH"] == "fatal" {
        return { fatalError("KEHU_TEST_CRASH") }
    }
    #endif
    return nil
}
