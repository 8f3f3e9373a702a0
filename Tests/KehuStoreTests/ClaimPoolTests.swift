import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

struct ClaimPoolTests {
    struct World {
        let folder = TemporaryFolder()
        let db: KehuDatabase
        let zhang: User
        let liu: User
        let team: Int64

        init() throws {
            db = try folder.store("pool.db")
            team = try db.add(Team(name: "华南一组", region: "华南"), by: testActor)
            var z = User(login: "zhangwei", displayName: "张伟", role: .salesperson, teamID: team, region: "华南")
            z.id = try db.add(z, by: testActor)
            var l = User(login: "liuyang", displayName: "刘洋", role: .salesperson, teamID: team, region: "华南")
            l.id = try db.add(l, by: testActor)
            zhang = z; liu = l
        }

        /// A prospect owned by `owner`, last followed up `daysAgo` days before testNow.
        @discardableResult
        func prospect(_ code: String, owner: User?, daysAgo: Int?) throws -> Int64 {
            var c = sampleCustomer(code, code)
            c.status = .potential
            c.ownerID = owner?.id
            c.teamID = team
            c.claimedOn = owner == nil ? nil : testNow.date.adding(days: -100)
            let id = try db.add(c, by: testActor)
            if let daysAgo, let owner {
                try db.add(Activity(customerID: id, visitNumber: 1, method: .phone,
                                    occurredAt: LocalDateTime(date: testNow.date.adding(days: -daysAgo), hour: 10, minute: 0)!,
                                    handlerID: owner.id!, content: "回访"), by: testActor)
            }
            return id
        }
    }

    @Test func dropsAreAppliedOnceAndOnTheirDay() throws {
        let w = try World()
        let kept = try w.prospect("Cb-粤GZ0001", owner: w.zhang, daysAgo: 29)      // drops tomorrow
        let dropping = try w.prospect("Cb-粤GZ0002", owner: w.zhang, daysAgo: 30)  // drops today
        try w.prospect("Cb-粤GZ0003", owner: w.zhang, daysAgo: 27)                 // warned, drops in 3 days
        let system = Actor(login: "kehu", clock: FixedClock(testNow))
        #expect(try w.db.applyPoolDrops(today: testNow.date, by: system).map(\.customerID) == [dropping])
        #expect(try w.db.applyPoolDrops(today: testNow.date, by: system).isEmpty)    // the second run changes nothing
        #expect(try w.db.customer(id: dropping)?.ownerID == nil)
        #expect(try w.db.customer(id: kept)?.ownerID == w.zhang.id)
        #expect(try w.db.history(table: "customers", rowID: dropping).contains { $0.field == "ownerID" && $0.actor == "kehu" })
        #expect(try w.db.poolDrops(on: testNow.date.adding(days: 1)).map(\.customerID) == [kept])
        let warnings = try w.db.todayAgenda(ownerID: w.zhang.id!, today: testNow.date).filter {
            if case .poolWarning = $0.kind { return true }; return false
        }
        #expect(warnings.map(\.customerCode) == ["Cb-粤GZ0001", "Cb-粤GZ0003"])
    }

    @Test func claimingRespectsThePoolTheLimitAndTheCooldown() throws {
        let w = try World()
        let free = try w.prospect("Cb-粤GZ0010", owner: nil, daysAgo: nil)
        let taken = try w.prospect("Cb-粤GZ0011", owner: w.liu, daysAgo: 1)
        let actor = Actor(login: "zhangwei", clock: FixedClock(testNow))
        #expect(throws: StoreError.refused(.notInPool)) { try w.db.claim(customerID: taken, by: w.zhang, actor: actor) }
        try w.db.claim(customerID: free, by: w.zhang, actor: actor)
        let claimed = try #require(try w.db.customer(id: free))
        #expect(claimed.ownerID == w.zhang.id)
        #expect(claimed.claimedOn == testNow.date)

        // Released to the pool by the supervisor: 张伟 waits the cooldown, 刘洋 may claim.
        try w.db.assign(customerID: free, to: nil, by: Actor(login: "lizhuguan", clock: FixedClock(testNow)))
        #expect(throws: StoreError.refused(.cooldown(until: testNow.date.adding(days: 30)))) {
            try w.db.claim(customerID: free, by: w.zhang, actor: actor)
        }
        try w.db.claim(customerID: free, by: w.liu, actor: Actor(login: "liuyang", clock: FixedClock(testNow)))

        try w.db.setSetting("pool.claimLimit", to: "1", by: testActor)
        let another = try w.prospect("Cb-粤GZ0012", owner: nil, daysAgo: nil)
        #expect(throws: StoreError.refused(.claimLimit(1))) { try w.db.claim(customerID: another, by: w.liu, actor: actor) }
    }

    @Test func onlySupervisorsAndAboveAssign() throws {
        let w = try World()
        let id = try w.prospect("Cb-粤GZ0020", owner: nil, daysAgo: nil)
        let asSalesperson = w.db.scoped(to: Viewer(w.zhang))
        #expect(throws: StoreError.refused(.roleMayNot)) { try asSalesperson.assign(customerID: id, to: w.zhang.id, by: testActor) }
        var boss = User(login: "lizhuguan", displayName: "李强", role: .supervisor, teamID: w.team, region: "华南")
        boss.id = try w.db.add(boss, by: testActor)
        try w.db.scoped(to: Viewer(boss)).assign(customerID: id, to: w.liu.id, by: testActor)
        #expect(try w.db.customer(id: id)?.ownerID == w.liu.id)
    }
}
