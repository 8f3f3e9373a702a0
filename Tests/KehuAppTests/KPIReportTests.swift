import Foundation
import Testing
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// A week of one salesperson's work with known numbers.
struct KPIReportTests {
    @Test func contactsVisitsAndTimelinessAgainstTargets() throws {
        let scratch = Scratch()
        let db = try KehuDatabase.open(path: scratch.path + "/kpi.db")
        let actor = Actor(login: "admin", clock: FixedClock(fixedNow))
        let team = try db.add(Team(name: "华南一组", region: "华南"), by: actor)
        let owner = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson, teamID: team), by: actor)
        var c = Customer(code: "Cb-粤GZ0001", name: "广州客户", createdAt: fixedNow)
        c.ownerID = owner; c.teamID = team
        let customer = try db.add(c, by: actor)
        var card = IntentCard(customerID: customer, number: "YX1", createdOn: LocalDate(year: 2026, month: 11, day: 1)!, source: .callIn,
                              filledByID: owner, personName: "王", level: .b)
        card.nextVisitOn = LocalDate(year: 2026, month: 11, day: 10)
        let cardID = try db.add(card, by: actor)
        // Monday 16 November to Friday 20: 16 calls on Monday, 3 a day after; two on-site visits.
        func log(_ day: Int, _ method: ContactMethod, _ count: Int, card: Int64? = nil, next: LocalDate? = nil) throws {
            for n in 0..<count {
                var activity = Activity(customerID: customer, cardID: card, visitNumber: 1, method: method,
                                        occurredAt: LocalDateTime(date: LocalDate(year: 2026, month: 11, day: day)!, hour: 9 + n % 8, minute: n)!,
                                        handlerID: owner, content: "联系")
                activity.nextVisitOn = next
                try db.add(activity, by: actor)
            }
        }
        try log(9, .phone, 1, card: cardID, next: LocalDate(year: 2026, month: 11, day: 10))    // the week before: sets the due date
        try log(16, .phone, 16)
        for day in 17...20 { try log(day, .phone, 3) }
        try log(18, .onSite, 1, card: cardID, next: LocalDate(year: 2026, month: 11, day: 19))   // late: due 10 November
        try log(19, .onSite, 1, card: cardID, next: LocalDate(year: 2026, month: 11, day: 30))   // on time: due that day
        let rows = try db.kpi(from: LocalDate(year: 2026, month: 11, day: 16)!, to: LocalDate(year: 2026, month: 11, day: 22)!,
                              today: fixedNow.date)
        let row = try #require(rows.first)
        #expect(rows.count == 1 && row.workingDays == 5 && row.remoteContacts == 28 && row.daysBelowTarget == 4)
        #expect(row.visits == 30 && row.faceToFace == 2 && row.onTime == 1 && row.late == 1 && row.overdueNow == 0)
        let text = ManagerReportPresenter.kpi(rows, targets: try db.kpiTargets(), from: LocalDate(year: 2026, month: 11, day: 16)!,
                                              to: LocalDate(year: 2026, month: 11, day: 22)!, strings: Strings(.zh)).rendered(as: .text)
        #expect(text.contains("  张伟  华南一组  5       5.6 !    4           30.0     2.0 !    1         1         0"), "\(text)")
        #expect(text.contains("目标：远程联系每天 15 个") && !text.contains("(0)\n  无"))
        // An empty period: no working days, every figure zero.
        let empty = try db.kpi(from: LocalDate(year: 2026, month: 11, day: 21)!, to: LocalDate(year: 2026, month: 11, day: 22)!, today: fixedNow.date)
        #expect(empty.first?.workingDays == 0 && empty.first?.visits == 0)
    }
}
