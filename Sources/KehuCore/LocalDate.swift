/// A calendar date without time zone: the unit in which sales teams plan visits
/// ("next visit 11-29"). Kept free of Foundation's Calendar so rules are pure and the
/// same on every machine.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The year a birthday known without its year is kept under: a leap year no living
    /// person was born in, so 29 February can be kept too.
    public static let yearUnknown = 4

    public var isYearUnknown: Bool { year == LocalDate.yearUnknown }

    /// A birthday as kehu writes it: `1988-06-01`, or `--06-01` without the year (ISO 8601,
    /// as vCard writes it).
    public var birthdayText: String {
        guard isYearUnknown else { return description }
        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "--" + twoDigits(month) + "-" + twoDigits(day)
    }

    /// Fails for dates that do not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Days since 1970-01-01; negative before.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    /// `2026-03-05`: the form kehu stores and shows.
    public var description: String {
        // Written digit by digit (an import writes two moments a row): the interpolation
        // cost a thousand instructions a field.
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { text in
            putDigits(of: year, width: 4, in: text, at: 0)
            text[4] = UInt8(ascii: "-")
            putDigits(of: month, width: 2, in: text, at: 5)
            text[7] = UInt8(ascii: "-")
            putDigits(of: day, width: 2, in: text, at: 8)
            return 10
        }
    }

    /// `03-05`: the short form lists use where the year is obvious.
    public var monthDay: String { "\(pad(month, 2))-\(pad(day, 2))" }
}

/// A wall-clock moment at minute precision, as a salesperson writes it on a card.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    public let hour: Int
    public let minute: Int

    public init?(date: LocalDate, hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.date = date; self.hour = hour; self.minute = minute
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.hour, a.minute) < (b.date, b.hour, b.minute)
    }

    /// `2026-03-05 14:30`
    public var description: String {
        guard (0...99).contains(hour), (0...99).contains(minute) else { return "\(date) \(pad(hour, 2)):\(pad(minute, 2))" }
        let day = date.description
        return String(unsafeUninitializedCapacity: day.utf8.count + 6) { text in
            var end = 0
            for byte in day.utf8 { text[end] = byte; end += 1 }
            text[end] = UInt8(ascii: " ")
            putDigits(of: hour, width: 2, in: text, at: end + 1)
            text[end + 3] = UInt8(ascii: ":")
            putDigits(of: minute, width: 2, in: text, at: end + 4)
            return end + 6
        }
    }
    public var clock: String { "\(pad(hour, 2)):\(pad(minute, 2))" }
}

/// Where "now" comes from. Rules never read the system clock themselves, so tests can
/// fix any date.
public protocol Clock: Sendable {
    var now: LocalDateTime { get }
}

extension Clock {
    public var today: LocalDate { now.date }
}

/// A clock stopped at one moment, for tests and for reproducible demo data.
public struct FixedClock: Clock {
    public let now: LocalDateTime
    public init(_ now: LocalDateTime) { self.now = now }
}

/// Writes `n` (0 ≤ n < 10^width) as `width` ASCII digits from `start`.
private func putDigits(of n: Int, width: Int, in text: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
    var rest = n
    for place in stride(from: start + width - 1, through: start, by: -1) {
        text[place] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
    }
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
