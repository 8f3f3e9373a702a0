import Foundation
import Testing
import KehuCore
@testable import KehuStore

struct DowngradeTests {
    @Test func aVIPBelowStandardIsProposedOnceByTheAssistantAndApprovedLikeAVIP() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("downgrade.db")
        let team = try db.add(Team(name: "华南一组", region: "华南"), by: testActor)
        var people: [Role: User] = [:]
        for (login, role) in [("zhangwei", Role.salesperson), ("wufang", .assistant), ("wang", .salesManager),
                              ("zhou", .marketingManager), ("chen", .generalManager)] {
            var user = User(login: login, displayName: login, role: role, teamID: role == .salesperson || role == .assistant ? team : nil)
            user.id = try db.add(user, by: testActor)
            people[role] = user
        }
        func cooperating(_ code: String, _ grade: CustomerGrade) throws -> Int64 {
            var c = sampleCustomer(code, code)
            c.status = .cooperating; c.grade = grade; c.teamID = team; c.ownerID = people[.salesperson]?.id
            c.lastOrderOn = LocalDate(year: 2026, month: 10, day: 20)
            c.createdAt = LocalDateTime(date: LocalDate(year: 2024, month: 3, day: 1)!, hour: 9, minute: 0)!
            return try db.add(c, by: testActor)
        }
        let weak = try cooperating("Aa-粤GZ0001", .vip)
        let strong = try cooperating("Aa-粤GZ0002", .vip)
        // Orders: the strong VIP bought 60,000 in August; the weak one 20,000 a month.
        for (id, month, amount) in [(weak, 6, 20_000), (weak, 8, 20_000), (weak, 10, 20_000), (strong, 8, 60_000)] {
            try db.recordOrder(customerID: id, deal: Deal(product: "空压机", amountYuan: amount, date: LocalDate(year: 2026, month: month, day: 20)!),
                               by: testActor)
        }
        let keeper = Actor(login: "kehu", clock: FixedClock(testNow))
        let filed = try db.proposeDowngrades(today: testNow.date, by: keeper)   // judged: May to October
        try #require(filed.count == 1)
        #expect(try db.proposeDowngrades(today: testNow.date, by: keeper).isEmpty)
        let proposal = try #require(try db.gradeProposal(id: filed[0]))
        #expect(proposal.customerID == weak && proposal.from == .vip && proposal.to == .key)
        #expect(proposal.proposerName == "wufang")
        #expect(proposal.belowStandardMonths == "2026-05..2026-10")
        #expect(proposal.chain == [.salesManager, .marketingManager, .generalManager])
        #expect(try db.pendingGradeProposals(for: .salesManager).map(\.id) == filed)
        for role in [Role.salesManager, .marketingManager, .generalManager] {
            try db.decideGrade(proposalID: filed[0], approve: true, note: "", approver: people[role]!, by: testActor)
        }
        let customer = try #require(try db.customer(id: weak))
        #expect(customer.grade == .key && customer.code == "Ba-粤GZ0001")
        // Now key since today: no new proposal until three whole months with that grade.
        #expect(try db.proposeDowngrades(today: testNow.date.adding(months: 1), by: keeper).isEmpty)
    }
}
