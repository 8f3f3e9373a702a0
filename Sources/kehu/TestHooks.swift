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

/// A debug build's end-to-end test may hold the day's structural check until a file
/// appears (`KEHU_TEST_HOLD_CHECK`, at most a minute), to see the screen answer keys and
/// a save wait while it runs. Never while privileged: a variable is not to be trusted then.
func heldCheck() -> (@Sendable () -> Void)? {
    #if DEBUG
    if !Privilege.isHeld, let path = ProcessInfo.processInfo.environment["KEHU_TEST_HOLD_CHECK"], !path.isEmpty {
        return {
            let until = Date().addingTimeInterval(60)
            while !FileManager.default.fileExists(atPath: path), Date() < until { usleep(20_000) }
        }
    }
    #endif
    return nil
}
