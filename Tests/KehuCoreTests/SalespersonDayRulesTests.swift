import Foundation
import Testing
@testable import KehuCore

struct CadenceTests {
    func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day)! }

    @Test func everyLevelHasItsDefaultCadence() {
        let visit = d(2026, 11, 22)
        #expect(FollowUpCadence.standard.nextVisit(after: visit, level: .h) == visit)
        #expect(FollowUpCadence.standard.nextVisit(after: visit, level: .a) == d(2026, 11, 29))
        #expect(FollowUpCadence.standard.nextVisit(after: visit, level: .b) == d(2026, 12, 6))
        #expect(FollowUpCadence.standard.nextVisit(after: visit, level: .c) == d(2026, 12, 22))
    }

    @Test func monthEndsAndLeapYearsCarryOver() {
        #expect(FollowUpCadence.standard.nextVisit(after: d(2026, 1, 31), level: .c) == d(2026, 3, 2))
        #expect(FollowUpCadence.standard.nextVisit(after: d(2028, 2, 22), level: .a) == d(2028, 2, 29))
        #expect(FollowUpCadence.standard.nextVisit(after: d(2027, 2, 22), level: .a) == d(2027, 3, 1))
        #expect(FollowUpCadence.standard.nextVisit(after: d(2026, 12, 25), level: .b) == d(2027, 1, 8))
    }

    @Test func aCompanysOverridesReplaceOnlyWhatTheyName() {
        let cadence = FollowUpCadence(days: [.a: 5, .c: -3])
        #expect(cadence.days == [.h: 0, .a: 5, .b: 14, .c: 0])
        #expect(cadence.nextVisit(after: d(2026, 11, 22), level: .a) == d(2026, 11, 27))
    }

    @Test func visitNumbersFollowTheHighest() {
        #expect(VisitNumbering.next(after: nil) == 1)
        #expect(VisitNumbering.next(after: 7) == 8)
    }
}

struct DuplicateKeyTests {
    @Test(arguments: ["13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "+86-138-0013-8000", "１３８００１３８０００", "8613800138000"])
    func phoneSpellingsShareOneKey(_ text: String) {
        #expect(DuplicateKeys.phone(text) == "13800138000")
    }

    @Test func namesCompareWithoutWidthSpacesOrCompanyForm() {
        #expect(DuplicateKeys.name("广州华南机电有限公司") == DuplicateKeys.name("广州华南机电"))
        #expect(DuplicateKeys.name(" 广州 华南机电 股份有限公司") == "广州华南机电")
        #expect(DuplicateKeys.name("ＡＢＣ Trading") == "abctrading")
        #expect(DuplicateKeys.name("王芳") == "王芳")
        #expect(DuplicateKeys.name("厂") == "厂")   // a suffix alone is a name, not nothing
        #expect(DuplicateKeys.name("广州华南") != DuplicateKeys.name("广州华东"))
    }
}

struct TodayRulesTests {
    let today = LocalDate(year: 2026, month: 11, day: 22)!

    func item(_ kind: TodayItem.Kind, _ offset: Int, _ code: String) -> TodayItem {
        TodayItem(kind: kind, due: today.adding(days: offset), customerID: 1, customerCode: code, customerName: code)
    }

    @Test func overdueFirstThenTimedCallsThenTheRest() {
        let items = [
            item(.birthday(contactName: "李娜"), 0, "E"),
            item(.followUp(cardID: 1, level: .b, time: nil), 0, "D"),
            item(.followUp(cardID: 2, level: .h, time: "15:00"), 0, "C"),
            item(.followUp(cardID: 3, level: .a, time: "09:30"), 0, "B"),
            item(.followUp(cardID: 4, level: .c, time: nil), -1, "A1"),
            item(.followUp(cardID: 5, level: .a, time: nil), -3, "A3"),
            item(.holiday(.springFestival), 2, ""),
        ]
        #expect(TodayOrdering.sorted(items, today: today).map(\.customerCode) == ["A3", "A1", "B", "C", "D", "E", ""])
        let counts = TodayOrdering.counts(items, today: today)
        #expect(counts.dueToday == 6)
        #expect(counts.overdue == 2)
        #expect(items[5].daysLate(on: today) == 3)
    }

    @Test func birthdaysComeRoundEveryYearAndLeapDaysToo() {
        #expect(TodayOrdering.nextBirthday(LocalDate(year: 1985, month: 11, day: 24)!, onOrAfter: today) == LocalDate(year: 2026, month: 11, day: 24))
        #expect(TodayOrdering.nextBirthday(LocalDate(year: 1985, month: 3, day: 1)!, onOrAfter: today) == LocalDate(year: 2027, month: 3, day: 1))
        #expect(TodayOrdering.nextBirthday(LocalDate(year: 1988, month: 2, day: 29)!, onOrAfter: today) == LocalDate(year: 2027, month: 2, day: 28))
        #expect(TodayOrdering.nextBirthday(LocalDate(year: 1988, month: 2, day: 29)!, onOrAfter: LocalDate(year: 2028, month: 1, day: 1)!) == LocalDate(year: 2028, month: 2, day: 29))
    }

    @Test func holidaysMatchTheChineseCalendar() throws {
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = chinese.timeZone
        for year in Holiday.years {
            for holiday in Holiday.allCases {
                let date = try #require(holiday.date(in: year))
                let moment = try #require(gregorian.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)))
                let lunar = chinese.dateComponents([.month, .day], from: moment)
                let expected: (Int, Int) = holiday == .springFestival ? (1, 1) : holiday == .dragonBoat ? (5, 5) : (8, 15)
                #expect(lunar.month == expected.0 && lunar.day == expected.1, "\(holiday) \(year): \(date)")
            }
        }
        #expect(Holiday.upcoming(from: LocalDate(year: 2026, month: 9, day: 20)!, within: 7).map(\.0) == [.midAutumn])
        #expect(Holiday.upcoming(from: LocalDate(year: 2026, month: 11, day: 22)!, within: 7).isEmpty)
    }

    @Test func followUpsAndLeadsSayWhatIsMissing() {
        var followUp = FollowUp(customerID: 1)
        followUp.nextVisitOn = today.adding(days: -1)
        followUp.nextVisitTime = "25:00"
        #expect(followUp.validate(today: today) == [.required(field: .activityContent),
                                                    .dateBefore(field: .nextVisit, value: today.adding(days: -1), earliest: today),
                                                    .outOfRange(field: .nextVisit, value: "25:00")])
        var lead = Lead()
        lead.phone = "abc"
        #expect(lead.validate() == [.required(field: .cardPerson), .badPhone(field: .cardPhone, value: "abc")])
        #expect(FollowUp.isClock("9:30") && FollowUp.isClock("15:00") && !FollowUp.isClock("15") && !FollowUp.isClock("15:0"))
    }

    @Test func codesFollowTheSpec() throws {
        let guangzhou = try #require(CityDirectory.city(named: "广州市"))
        #expect(CustomerCode.make(grade: .vip, status: .cooperating, city: guangzhou, serial: 1) == "Aa-粤GZ0001")
        let ordos = try #require(CityDirectory.city(named: "鄂尔多斯"))
        #expect(CustomerCode.make(grade: .general, status: .potential, city: ordos, serial: 12345) == "Cb-蒙EEDS12345")
        #expect(CityDirectory.city(named: "重庆")?.initials == "CQ")
        #expect(CityDirectory.city(named: "长沙")?.initials == "CS")
        #expect(CityDirectory.city(named: "乐山")?.initials == "LS")
        #expect(CityDirectory.city(named: "火星") == nil)
    }
}
