import Testing
@testable import KehuCore

/// Every company setting kehu reads is in the catalogue, and a value is stored only in
/// the form its reader reads.
struct CompanySettingsTests {
    @Test func valuesAreCheckedAndStoredAsTheyAreRead() {
        func check(_ key: String, _ raw: String, current: [String: String] = [:]) -> Result<String, CompanySettingProblem> {
            CompanySettings.validate(key, raw, current: current)
        }
        #expect(check("cadence.A", "１４") == .success("14"))
        #expect(check("cadence.A", " 7 ") == .success("7"))
        #expect(check("cadence.A", "-1") == .failure(.outOfRange(0...365)))
        #expect(check("cadence.A", "seven") == .failure(.notANumber))
        #expect(check("cadence.X", "7") == .failure(.unknownKey))
        #expect(check("contract.officeLimitYuan", "150,000") == .success("150000"))
        #expect(check("export.roles", "admin， supervisor,admin") == .success("admin,supervisor"))
        #expect(check("export.roles", "admin,boss") == .failure(.unknownRole("boss")))
        #expect(check("export.roles", " ") == .failure(.noRoles))
        #expect(check("spotcheck.size", "１０%") == .success("10%"))
        #expect(check("spotcheck.size", "0") == .failure(.badSampleSize))
        #expect(check("spotcheck.period", "每天") == .success("daily"))
        #expect(check("grade.criteria", "规模：50，潜力:50") == .success("规模:50,潜力:50"))
        #expect(check("grade.criteria", "规模:50,潜力:40") == .failure(.badCriteria))
        #expect(check("maintenance.vip.owner", "0") == .success("0"))
        #expect(check("funnel.probability.A", "101") == .failure(.outOfRange(0...100)))
    }

    @Test func orderedPairsStayInOrder() {
        // The warning comes before the loss, the office's limit below the director's.
        #expect(CompanySettings.validate("churn.warnMonths", "7", current: [:]) == .failure(.mustStayBelow(other: "churn.lostMonths", otherValue: 6)))
        #expect(CompanySettings.validate("churn.warnMonths", "7", current: ["churn.lostMonths": "9"]) == .success("7"))
        #expect(CompanySettings.validate("churn.lostMonths", "4", current: [:]) == .failure(.mustStayAbove(other: "churn.warnMonths", otherValue: 5)))
        #expect(CompanySettings.validate("contract.directorAboveYuan", "50000", current: [:])
                == .failure(.mustStayAbove(other: "contract.officeLimitYuan", otherValue: 100_000)))
    }

    @Test func everyDefaultIsAValueItsSettingTakes() {
        #expect(Set(CompanySettings.all.map(\.key)).count == CompanySettings.all.count)
        for setting in CompanySettings.all {
            #expect(setting.normalized(setting.defaultValue) == .success(setting.defaultValue), "\(setting.key)")
            #expect(!setting.meaning.zh.isEmpty && !setting.meaning.en.isEmpty)
        }
        #expect(CompanySettings.setting("maintenance.key.marketingManager")?.defaultValue == "12")
        #expect(CompanySettings.setting("pool.dropDays.vip")?.defaultValue == "30")
    }
}
