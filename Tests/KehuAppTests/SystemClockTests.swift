import Foundation
import Testing
import KehuCore
@testable import KehuApp

/// The wall clock reads the C library's local time; it must say what Foundation's calendar
/// in the machine's zone says.
struct SystemClockTests {
    func foundationNow() -> LocalDateTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date())
        return LocalDateTime(date: LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!, hour: parts.hour!, minute: parts.minute!)!
    }

    @Test func theClockSaysWhatTheCalendarSays() {
        // Read between two calendar readings of the same minute (a minute turning over in
        // between is read again).
        for _ in 0..<3 {
            let before = foundationNow()
            let now = SystemClock().now
            guard foundationNow() == before else { continue }
            #expect(now == before)
            return
        }
        Issue.record("the minute turned over three times in a row")
    }
}
