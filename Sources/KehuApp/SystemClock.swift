import Foundation
import KehuCore

/// The wall clock in the machine's time zone: what "today" means for a salesperson.
public struct SystemClock: Clock {
    public init() {}

    public var now: LocalDateTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date())
        let date = LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(dayNumber: 0)
        return LocalDateTime(date: date, hour: parts.hour ?? 0, minute: parts.minute ?? 0)!
    }

    /// Milliseconds until the minute changes: the status clock needs no other wake-ups.
    public static func millisecondsToNextMinute() -> Int {
        let seconds = Date().timeIntervalSince1970
        let remainder = 60 - seconds.truncatingRemainder(dividingBy: 60)
        return max(50, Int(remainder * 1000) + 5)
    }
}
