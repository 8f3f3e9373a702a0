import Testing
@testable import KehuCore

struct PoolRulesTests {
    let rules = PoolRules.standard
    func d(_ m: Int, _ day: Int) -> LocalDate { LocalDate(year: 2026, month: m, day: day)! }

    @Test func aProspectDropsThirtyDaysAfterItsLastFollowUp() {
        let drop = rules.dropDate(lastActivity: d(10, 23), claimedOn: d(9, 1), grade: .general)
        #expect(drop == d(11, 22))
        // The day before it is still the owner's and warned; on the day it drops.
        #expect(rules.isWarning(dropDate: drop!, today: d(11, 21)))
        #expect(rules.isWarning(dropDate: drop!, today: d(11, 19)))
        #expect(!rules.isWarning(dropDate: drop!, today: d(11, 18)))
        #expect(!rules.isWarning(dropDate: drop!, today: d(11, 22)))
        // A later claim counts from the claim; across a month end.
        #expect(rules.dropDate(lastActivity: d(9, 1), claimedOn: d(10, 31), grade: .vip) == d(11, 30))
        #expect(rules.dropDate(lastActivity: nil, claimedOn: nil, grade: .general) == nil)
    }

    @Test func settingsChangeDaysPerGradeAndTheCooldown() {
        let custom = PoolRules(dropDays: [.potentialVIP: 60], warnDaysBefore: 5, claimLimit: 0, cooldownDays: 14)
        #expect(custom.dropDays[.potentialVIP] == 60)
        #expect(custom.dropDays[.general] == 30)
        #expect(custom.claimLimit == 1)
        #expect(!custom.cooldownOver(releasedOn: d(11, 10), today: d(11, 23)))
        #expect(custom.cooldownOver(releasedOn: d(11, 10), today: d(11, 24)))
    }
}
