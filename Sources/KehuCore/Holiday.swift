/// The big holidays on which sales teams greet their customers (SPEC §2 "Care"). They
/// follow the lunar calendar, so their Gregorian dates come from a table (checked in the
/// tests against Foundation's Chinese calendar) rather than a formula.
public enum Holiday: String, CaseIterable, Sendable {
    case springFestival   // 春节, 1st day of the 1st lunar month
    case dragonBoat       // 端午节, 5th of the 5th
    case midAutumn        // 中秋节, 15th of the 8th

    /// (month, day) of each holiday, in case order, by Gregorian year.
    static let dates: [Int: [(Int, Int)]] = [
        2020: [(1, 25), (6, 25), (10, 1)],
        2021: [(2, 12), (6, 14), (9, 21)],
        2022: [(2, 1), (6, 3), (9, 10)],
        2023: [(1, 22), (6, 22), (9, 29)],
        2024: [(2, 10), (6, 10), (9, 17)],
        2025: [(1, 29), (5, 31), (10, 6)],
        2026: [(2, 17), (6, 19), (9, 25)],
        2027: [(2, 6), (6, 9), (9, 15)],
        2028: [(1, 26), (5, 28), (10, 3)],
        2029: [(2, 13), (6, 16), (9, 22)],
        2030: [(2, 3), (6, 5), (9, 12)],
        2031: [(1, 23), (6, 24), (10, 1)],
        2032: [(2, 11), (6, 12), (9, 19)],
        2033: [(1, 31), (6, 1), (9, 8)],
        2034: [(2, 19), (6, 20), (9, 27)],
        2035: [(2, 8), (6, 10), (9, 16)],
        2036: [(1, 28), (5, 30), (10, 4)],
        2037: [(2, 15), (6, 18), (9, 24)],
        2038: [(2, 4), (6, 7), (9, 13)],
        2039: [(1, 24), (5, 27), (10, 2)],
        2040: [(2, 12), (6, 14), (9, 20)],
    ]

    /// The years the table covers.
    public static var years: ClosedRange<Int> { dates.keys.min()!...dates.keys.max()! }

    public func date(in year: Int) -> LocalDate? {
        guard let row = Holiday.dates[year] else { return nil }
        let (month, day) = row[Holiday.allCases.firstIndex(of: self)!]
        return LocalDate(year: year, month: month, day: day)
    }

    /// Holidays from `today` to `days` days ahead, soonest first: time to send greetings.
    public static func upcoming(from today: LocalDate, within days: Int) -> [(Holiday, LocalDate)] {
        let end = today.adding(days: days)
        return [today.year, today.year + 1].flatMap { year in
            allCases.compactMap { holiday in holiday.date(in: year).map { (holiday, $0) } }
        }.filter { $0.1 >= today && $0.1 <= end }.sorted { $0.1 < $1.1 }
    }
}
