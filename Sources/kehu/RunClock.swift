import Foundation
import KehuCore
import KehuHost
import KehuApp

/// The clock every command and the screen run on: the wall clock. A debug build — what
/// `swift test` runs — also honours `KEHU_TEST_NOW=YYYY-MM-DD HH:MM`, so end-to-end tests
/// can stand at 17:30 on a fixed day instead of depending on when they run; a release
/// build (what `scripts/install` installs) never reads it, nor does a kehu holding the
/// shared group.
func runClock() -> any Clock {
    #if DEBUG
    if !Privilege.isHeld, let raw = ProcessInfo.processInfo.environment["KEHU_TEST_NOW"], let fixed = testMoment(raw) {
        return FixedClock(fixed)
    }
    #endif
    return SystemClock()
}

/// "2026-11-22 17:30" (or with a T) as a moment.
func testMoment(_ raw: String) -> LocalDateTime? {
    let parts = raw.split(whereSeparator: { $0 == " " || $0 == "T" })
    guard parts.count == 2, let date = DateParsing.date(String(parts[0])) else { return nil }
    let time = parts[1].split(separator: ":").compactMap { Int($0) }
    guard time.count == 2 else { return nil }
    return LocalDateTime(date: date, hour: time[0], minute: time[1])
}
