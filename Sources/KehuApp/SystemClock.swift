import Foundation
import KehuCore

/// The wall clock in the machine's time zone: what "today" means for a salesperson.
public struct SystemClock: Clock {
    public init() {}

    /// From the C library's local time (the same zone Foundation's `TimeZone.current`
    /// reads): making a Foundation calendar cost 0.7 ms of every start, and the status
    /// line asks for the time on every frame.
    public var now: LocalDateTime {
        var seconds = time(nil)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil,
              let date = LocalDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)),
              let moment = LocalDateTime(date: date, hour: Int(parts.tm_hour), minute: Int(parts.tm_min)) else {
            return LocalDateTime(date: LocalDate(dayNumber: 0), hour: 0, minute: 0)!
        }
        return moment
    }

    /// Milliseconds until the minute changes: the status clock needs no other wake-ups.
    public static func millisecondsToNextMinute() -> Int {
        let seconds = Date().timeIntervalSince1970
        let remainder = 60 - seconds.truncatingRemainder(dividingBy: 60)
        return max(50, Int(remainder * 1000) + 5)
    }
}
