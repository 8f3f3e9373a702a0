import Foundation
import Testing
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// A week of one salesperson's work with known numbers, counted as the regulations count
/// them: customers, not activities (000 §3.2, §6.2).
struct KPIReportTests {
    @Test func customersReachedAndProspectsVisitedAgainstTargets() throws {
        let scratch = Scratch()
        let db = try KehuDatabase.open(path: scratch.path + "/kpi.db")
        let actor = Actor(login: "admin", clock: FixedClock(fixedNow))
        let team = try db.add(Team(name: "华南一组", region: "华南"), by: actor)
        let owner = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson, teamID: team), by: actor)
        // A newcomer who owns no customer yet is listed too, with nothing done.
        _ = try db.add(User(login: "lina", displayName: "李娜", role: .salesperson, teamID: team), by: actor)
        _ = try db.add(User(login: "chenjing", displayName: "陈静", role: .supervisor, teamID: team), by: actor)
        func customer(_ n: Int, _ status: CustomerStatus) throws -> Int64 {
            var c = Customer(code: "Cb-粤GZ000\(n)", name: "广州客户\(n)", createdAt: fixedNow)
            c.ownerID = owner; c.teamID = team; c.status = status
            return try db.add(c, by: actor)
        }
        let p1 = try customer(1, .potential), p2 = try customer(2, .potential), p3 = try customer(3, .potential)
        let cooperating = try customer(4, .cooperating)
        let signed = try customer(5, .cooperating)    // developed on its card, signed since
        func card(_ customer: Int64, _ number: String, due: Int = 10) throws -> Int64 {
            var card = IntentCard(customerID: customer, number: number, createdOn: LocalDate(year: 2026, month: 11, day: 1)!, source: .callIn,
                                  filledByID: owner, personName: "王", level: .b)
            card.nextVisitOn = LocalDate(year: 2026, month: 11, day: due)
            return try db.add(card, by: actor)
        }
        let cardID = try card(p1, "YX1"), signedCard = try card(signed, "YX2", due: 30)
        func log(_ day: Int, _ customer: Int64, _ method: ContactMethod, _ count: Int = 1, card: Int64? = nil, next: LocalDate? = nil) throws {
            for n in 0..<count {
                var activity = Activity(customerID: customer, cardID: card, visitNumber: 1, method: method,
                                        occurredAt: LocalDateTime(date: LocalDate(year: 2026, month: 11, day: day)!, hour: 9 + n % 8, minute: n)!,
                                        handlerID: owner, content: "联系")
                activity.nextVisitOn = next
                try db.add(activity, by: actor)
            }
        }
        try log(9, p1, .phone, card: cardID, next: LocalDate(year: 2026, month: 11, day: 10))   // the week before: sets the due date
        try log(16, p1, .phone, 16)                       // sixteen calls to one customer: one customer reached
        try log(16, p2, .message)                         // Monday: 2 customers
        try log(17, cooperating, .phone); try log(17, p3, .phone)   // Tuesday: 2 (a maintenance call is still a contact)
        try log(18, signed, .phone, card: signedCard)     // Wednesday: 1, and prospect work on its card
        try log(18, p1, .onSite, card: cardID, next: LocalDate(year: 2026, month: 11, day: 19))   // late: due 10 November
        try log(19, p1, .onSite, card: cardID, next: LocalDate(year: 2026, month: 11, day: 30))   // on time; p1 met again
        try log(19, cooperating, .walkIn)                 // met, but no prospect
        try log(20, p3, .techSupport)                     // a prospect visit, neither remote nor face to face
        let from = LocalDate(year: 2026, month: 11, day: 16)!, to = LocalDate(year: 2026, month: 11, day: 22)!
        let rows = try db.kpi(from: from, to: to, today: fixedNow.date)
        #expect(rows.map(\.name) == ["张伟", "李娜"])
        let row = try #require(rows.first)
        #expect(row.workingDays == 5 && row.remoteCustomerDays == 5 && row.daysBelowTarget == 5)
        #expect(row.prospectsVisited == 4 && row.prospectsMetFaceToFace == 1)
        #expect(row.onTime == 1 && row.late == 1 && row.overdueNow == 0)
        #expect(rows[1].remoteCustomerDays == 0 && rows[1].prospectsVisited == 0 && rows[1].daysBelowTarget == 5)

        let text = ManagerReportPresenter.kpi(rows, targets: try db.kpiTargets(), from: from, to: to, strings: Strings(.zh)).rendered(as: .text)
        #expect(text.contains("  张伟  华南一组  5       1.0 !        5           4.0 !        1.0 !        1         1         0"), "\(text)")
        #expect(text.contains("每周拜访 25 个潜在客户、其中面访 10 个") && !text.contains("(0)\n  无"))

        // A salesperson reads their own numbers; their supervisor reads the team's.
        let mine = try db.scoped(to: Viewer(try #require(try db.user(login: "lina")))).kpi(from: from, to: to, today: fixedNow.date)
        #expect(mine.map(\.name) == ["李娜"])
        let team_ = try db.scoped(to: Viewer(try #require(try db.user(login: "chenjing")))).kpi(from: from, to: to, today: fixedNow.date)
        #expect(team_.map(\.name) == ["张伟", "李娜"])

        // An empty period: no working days, every figure zero.
        let empty = try db.kpi(from: LocalDate(year: 2026, month: 11, day: 21)!, to: to, today: fixedNow.date)
        #expect(empty.first?.workingDays == 0 && empty.first?.prospectsVisited == 0)
    }

    @Test func aCustomerCountsOnceADayAndOnceAWeek() {
        func day(_ d: Int) -> LocalDate { LocalDate(year: 2026, month: 11, day: d)! }
        let tally = KPITally([
            .init(day: day(16), customerID: 1, method: .phone, prospect: true),
            .init(day: day(16), customerID: 1, method: .message, prospect: true),   // same customer, same day
            .init(day: day(17), customerID: 1, method: .phone, prospect: true),     // a new day: counts again remotely
            .init(day: day(22), customerID: 1, method: .onSite, prospect: true),    // Sunday: still the week of the 16th
            .init(day: day(23), customerID: 1, method: .walkIn, prospect: true),    // Monday: a new week
            .init(day: day(18), customerID: 2, method: .onSite, prospect: false),   // no prospect: no visit
        ])
        #expect(tally.remoteCustomers(on: day(16)) == 1 && tally.remoteCustomerDays == 2)
        #expect(tally.prospectVisits(inWeekOf: day(20)) == 1 && tally.prospectVisits(inWeekOf: day(23)) == 1)
        #expect(tally.prospectVisits == 2 && tally.faceToFaceVisits == 2)
        #expect(day(22).weekStart == day(16) && day(16).weekStart == day(16) && day(23).weekStart == day(23))
        #expect(!ContactMethod.techSupport.isRemote && !ContactMethod.techSupport.isFaceToFace)
    }
}
