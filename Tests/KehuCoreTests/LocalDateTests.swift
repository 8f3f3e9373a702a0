import Testing
@testable import KehuCore

struct LocalDateTests {
    @Test func dayNumbersRoundTripAcrossCenturiesAndLeapDays() {
        for dayNumber in stride(from: -800_000, through: 800_000, by: 997) {
            let date = LocalDate(dayNumber: dayNumber)
            #expect(date.dayNumber == dayNumber)
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(LocalDate(year: 2024, month: 2, day: 29)!.adding(days: 1) == LocalDate(year: 2024, month: 3, day: 1))
    }

    @Test func impossibleDatesAreRefused() {
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)   // divisible by 400
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)   // divisible by 100 only
    }

    @Test func weekdaysFollowISO() {
        #expect(LocalDate(year: 2026, month: 11, day: 22)!.isoWeekday == 7)   // a Sunday
        #expect(LocalDate(year: 2026, month: 11, day: 23)!.isoWeekday == 1)
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.isoWeekday == 4)     // a Thursday
    }

    @Test func printsStoredAndShortForms() {
        let date = LocalDate(year: 2026, month: 3, day: 5)!
        #expect(date.description == "2026-03-05")
        #expect(date.monthDay == "03-05")
        #expect(LocalDateTime(date: date, hour: 9, minute: 7)!.description == "2026-03-05 09:07")
        #expect(LocalDateTime(date: date, hour: 24, minute: 0) == nil)
    }

    @Test(arguments: ["2026-03-05", "2026/3/5", "2026.3.5", "2026年3月5日", "２０２６－０３－０５", " 2026-3-5 "])
    func officeDateFormsParse(_ text: String) {
        #expect(DateParsing.date(text) == LocalDate(year: 2026, month: 3, day: 5))
    }

    @Test(arguments: ["", "2026-02-30", "26-3-5", "2026-3", "2026-03-05x", "next tuesday", "2026--03-05"])
    func malformedDatesAreRejected(_ text: String) {
        #expect(DateParsing.date(text) == nil)
    }

    @Test func dateTimesParseWithAndWithoutClock() {
        #expect(DateParsing.dateTime("2026-03-05 14:30")?.description == "2026-03-05 14:30")
        #expect(DateParsing.dateTime("2026-03-05 14:30:59")?.description == "2026-03-05 14:30")
        #expect(DateParsing.dateTime("2026-03-05")?.description == "2026-03-05 00:00")
        #expect(DateParsing.dateTime("2026-03-05 25:00") == nil)
    }
}
