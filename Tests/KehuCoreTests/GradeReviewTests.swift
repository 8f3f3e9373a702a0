import Testing
@testable import KehuCore

struct GradeReviewTests {
    @Test func scoresMapToGradesByTheSpecThresholds() {
        #expect(GradeReview.grade(forScore: 80, potential: false) == .vip)
        #expect(GradeReview.grade(forScore: 100, potential: true) == .potentialVIP)
        #expect(GradeReview.grade(forScore: 79, potential: false) == .key)
        #expect(GradeReview.grade(forScore: 60, potential: true) == .potentialKey)
        #expect(GradeReview.grade(forScore: 59, potential: false) == .general)
        #expect(GradeReview.grade(forScore: 0, potential: true) == .general)
    }

    @Test func eachGradeHasItsApprovalChainAndDowngradesLikeTheGradeLeft() {
        #expect(GradeReview.approvers(from: .general, to: .vip) == [.salesManager, .marketingManager, .generalManager])
        #expect(GradeReview.approvers(from: .general, to: .key) == [.salesManager, .marketingManager])
        #expect(GradeReview.approvers(from: .general, to: .potentialVIP) == [.salesManager, .marketingManager])
        #expect(GradeReview.approvers(from: .general, to: .potentialKey) == [.salesManager, .marketingManager])
        #expect(GradeReview.approvers(from: .key, to: .general) == [.salesManager, .marketingManager])
        #expect(GradeReview.approvers(from: .vip, to: .key) == [.salesManager, .marketingManager, .generalManager])
        #expect(GradeReview.approvers(from: .image, to: .general).isEmpty)
        // An image customer is proposed whatever the score, and the managers decide.
        #expect(GradeReview.grade(forScore: 12, potential: false, image: true) == .image)
        #expect(GradeReview.approvers(from: .general, to: .image) == [.salesManager, .marketingManager])
        #expect(GradeReview.approvers(from: .vip, to: .image) == [.salesManager, .marketingManager, .generalManager])
    }

    @Test func theSheetWeighsAndTheSettingIsChecked() {
        let sheet = ScoreSheet.standard
        #expect(sheet.criteria.reduce(0) { $0 + $1.weight } == 100)
        #expect(sheet.total([10, 10, 10, 10, 10, 10]) == 100)
        #expect(sheet.total([8, 8, 8, 8, 8, 8]) == 80)
        #expect(sheet.total([10, 5, 0, 0, 0, 0]) == 40)
        #expect(sheet.total([12, -3]) == 30)    // scores are held to 0–10
        #expect(ScoreSheet(setting: "采购额:60，潜力:40")?.criteria.map(\.weight) == [60, 40])
        #expect(ScoreSheet(setting: "采购额:60,潜力:30") == nil)   // weights must make 100
        #expect(ScoreSheet(setting: "采购额") == nil)
        #expect(CustomerGrade.vip.recode("Cb-粤GZ0013") == "Ab-粤GZ0013")
    }
}
