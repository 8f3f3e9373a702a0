import Testing
@testable import KehuCore

struct SpotCheckTests {
    let thursday = LocalDate(year: 2026, month: 11, day: 26)!

    @Test func theSampleIsStableForTheWeekAndFreshTheNext() {
        let cards = Array(Int64(1)...Int64(300))
        let monday = SpotCheckSampler.weekStart(of: thursday)
        #expect(monday == LocalDate(year: 2026, month: 11, day: 23))
        #expect(SpotCheckSampler.weekStart(of: LocalDate(year: 2026, month: 11, day: 22)!) == LocalDate(year: 2026, month: 11, day: 16))
        let a = SpotCheckSampler.sample(cards, week: monday, size: .standard)
        let b = SpotCheckSampler.sample(cards.reversed(), week: SpotCheckSampler.weekStart(of: monday.adding(days: 4)), size: .standard)
        let next = SpotCheckSampler.sample(cards, week: monday.adding(days: 7), size: .standard)
        #expect(a.count == 20)
        #expect(a == b)
        #expect(a != next)
        #expect(Set(a).isSubset(of: Set(cards)))
    }

    @Test func sizesAreACountOrAShare() {
        #expect(SpotCheckSize(setting: "20") == .count(20))
        #expect(SpotCheckSize(setting: "１０%") == .percent(10))
        #expect(SpotCheckSize(setting: "0") == nil)
        #expect(SpotCheckSize(setting: "150%") == nil)
        #expect(SpotCheckSize(setting: "many") == nil)
        #expect(SpotCheckSize.percent(10).sampleSize(of: 300) == 30)
        #expect(SpotCheckSize.percent(10).sampleSize(of: 5) == 1)
        #expect(SpotCheckSize.count(20).sampleSize(of: 7) == 7)
        #expect(SpotCheckSize.count(20).sampleSize(of: 0) == 0)
    }

    @Test func aSpotCheckIsDailyOrWeekly() {
        #expect(SpotCheckPeriod(setting: "daily") == .daily && SpotCheckPeriod(setting: " 每天 ") == .daily)
        #expect(SpotCheckPeriod(setting: "Weekly") == .weekly && SpotCheckPeriod(setting: "每周") == .weekly)
        #expect(SpotCheckPeriod(setting: "monthly") == nil)
        #expect(SpotCheckPeriod.standard == .weekly)
        #expect(SpotCheckPeriod.daily.start(of: thursday) == thursday)
        #expect(SpotCheckPeriod.weekly.start(of: thursday) == LocalDate(year: 2026, month: 11, day: 23))
        // A daily sample is fresh each day.
        let cards = Array(Int64(1)...Int64(300))
        #expect(SpotCheckSampler.sample(cards, week: thursday, size: .standard) != SpotCheckSampler.sample(cards, week: thursday.adding(days: 1), size: .standard))
    }
}
