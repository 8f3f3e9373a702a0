import Foundation
import KehuDemo
import GRDB
import Testing
import KehuCore
@testable import KehuStore

/// Each role sees exactly its part of the archive, enforced by the store itself.
struct VisibilityTests {
    struct World {
        let db: KehuDatabase
        let folder: TemporaryFolder
        let users: [String: User]
        let customers: [String: Int64]
        func store(_ login: String) -> KehuDatabase { db.scoped(to: Viewer(users[login]!)) }
        func codes(_ login: String) throws -> Set<String> { Set(try store(login).customerPage(offset: 0, limit: 100).map(\.code)) }
    }

    /// Two teams in two regions: 张伟 and 刘洋 in 华南一组, 孙浩 in 华东一组.
    func world() throws -> World {
        let folder = TemporaryFolder()
        let db = try folder.store("kehu.db")
        let south = try db.add(Team(name: "华南一组", region: "华南"), by: testActor)
        let east = try db.add(Team(name: "华东一组", region: "华东"), by: testActor)
        var users: [String: User] = [:]
        for (login, role, team, region) in [("zhangwei", Role.salesperson, south, "华南"), ("liuyang", .salesperson, south, "华南"),
                                            ("sunhao", .salesperson, east, "华东"), ("lizhuguan", .supervisor, south, "华南"),
                                            ("wangjl", .salesManager, nil, "华南"), ("gm", .generalManager, nil, ""),
                                            ("admin", .admin, nil, ""), ("wufang", .assistant, south, "华南")] as [(String, Role, Int64?, String)] {
            var user = User(login: login, displayName: login, role: role, teamID: team, region: region)
            user.id = try db.add(user, by: testActor)
            users[login] = user
        }
        var customers: [String: Int64] = [:]
        func customer(_ code: String, owner: String?, team: Int64, region: String) throws {
            var c = sampleCustomer(code, code)
            c.ownerID = owner.flatMap { users[$0]?.id }
            c.teamID = team
            c.region = region
            customers[code] = try db.add(c, by: testActor)
        }
        try customer("Ca-粤GZ0001", owner: "zhangwei", team: south, region: "华南")
        try customer("Ca-粤GZ0002", owner: "liuyang", team: south, region: "华南")
        try customer("Cb-粤GZ0003", owner: nil, team: south, region: "华南")        // the south team's pool
        try customer("Ca-粤GZ0004", owner: "liuyang", team: south, region: "华南")   // zhangwei is attached
        try customer("Ca-沪SH0001", owner: "sunhao", team: east, region: "华东")
        try customer("Cb-沪SH0002", owner: nil, team: east, region: "华东")          // the east team's pool
        try db.write { db in
            try db.execute(sql: "INSERT INTO customerMembers(customerID, userID) VALUES (?, ?)",
                           arguments: [customers["Ca-粤GZ0004"], users["zhangwei"]!.id])
        }
        return World(db: db, folder: folder, users: users, customers: customers)
    }

    @Test func eachRoleSeesItsPart() throws {
        let w = try world()
        #expect(try w.codes("zhangwei") == ["Ca-粤GZ0001", "Cb-粤GZ0003", "Ca-粤GZ0004"])
        #expect(try w.codes("liuyang") == ["Ca-粤GZ0002", "Cb-粤GZ0003", "Ca-粤GZ0004"])
        #expect(try w.codes("sunhao") == ["Ca-沪SH0001", "Cb-沪SH0002"])
        #expect(try w.codes("lizhuguan") == ["Ca-粤GZ0001", "Ca-粤GZ0002", "Cb-粤GZ0003", "Ca-粤GZ0004"])
        #expect(try w.codes("wufang") == w.codes("lizhuguan"))
        #expect(try w.codes("wangjl") == ["Ca-粤GZ0001", "Ca-粤GZ0002", "Cb-粤GZ0003", "Ca-粤GZ0004"])
        #expect(try w.codes("gm").count == 6)
        #expect(try w.codes("admin").count == 6)
        #expect(try w.store("zhangwei").customerCount() == 3)
        #expect(try w.store("sunhao").customerCount() == 2)
    }

    @Test func whatIsHiddenCannotBeReadNorWritten() throws {
        let w = try world()
        let theirs = w.customers["Ca-沪SH0001"]!
        let mine = w.store("zhangwei")
        #expect(try mine.customer(id: theirs) == nil)
        #expect(try mine.detail(customerID: theirs) == nil)
        // The card with its timeline, as a list move reads it: nothing of theirs, all of one's own.
        let hidden = try mine.shown(customerID: theirs, timelinePage: 10)
        #expect(hidden.detail == nil && hidden.entries.isEmpty && hidden.total == 0)
        var visit = FollowUp(customerID: w.customers["Ca-粤GZ0001"]!)
        visit.content = "上门拜访"
        try mine.log(visit, handlerID: w.users["zhangwei"]!.id!, by: testActor)
        let shown = try mine.shown(customerID: w.customers["Ca-粤GZ0001"]!, timelinePage: 10)
        #expect(shown.detail?.customer.code == "Ca-粤GZ0001" && shown.total == 1 && shown.entries.count == 1)
        #expect(shown.total == (try mine.timelineCount(customerID: w.customers["Ca-粤GZ0001"]!)))
        #expect(try mine.timeline(customerID: theirs, offset: 0, limit: 10).isEmpty)
        #expect(try mine.customerHistory(customerID: theirs).isEmpty)
        let stored = try #require(try w.db.customer(id: theirs))
        var edited = stored
        edited.notes = "不该写进去"
        #expect(throws: StoreError.notFound(table: "customers", rowID: theirs)) {
            try mine.update(customer: stored, to: edited, by: testActor)
        }
        var followUp = FollowUp(customerID: theirs)
        followUp.content = "x"
        #expect(throws: StoreError.notFound(table: "customers", rowID: theirs)) {
            try mine.log(followUp, handlerID: w.users["zhangwei"]!.id!, by: testActor)
        }
        #expect(try w.db.customer(id: theirs)?.notes == "")
        // Their own customer they can change.
        let own = try #require(try mine.customer(id: w.customers["Ca-粤GZ0001"]!))
        var better = own
        better.notes = "可以"
        #expect(throws: Never.self) { try mine.update(customer: own, to: better, by: testActor) }
    }

    @Test func duplicatesLookEverywhereButTellOnlyWhose() throws {
        let w = try world()
        let matches = try w.store("zhangwei").duplicates(phone: "020-8888 6666", name: "")
        #expect(matches.count == 6)    // every sample customer has this phone
        #expect(Set(matches.compactMap(\.ownerName)) == ["zhangwei", "liuyang", "sunhao"])
    }
}

/// The archive views and their counts, within what the viewer may see.
struct ArchiveViewTests {
    @Test func eachViewHoldsItsCustomersAndCountsAgree() throws {
        let folder = TemporaryFolder()
        let path = folder.file("demo.db")
        _ = try DemoDatabase.create(at: path, options: DemoOptions(customers: 400, seed: 9, now: testNow, creatorLogin: "tester"))
        let db = try KehuDatabase.open(path: path)
        let counts = try db.archiveCounts()
        #expect(counts[.all] == 400)
        for view in ArchiveView.allCases {
            #expect(try db.customerCount(in: view) == counts[view], "\(view)")
            let rows = try db.customerPage(offset: 0, limit: 500, in: view)
            #expect(rows.count == counts[view])
            for row in rows.prefix(50) {
                let customer = try #require(try db.customer(id: row.id))
                switch view {
                case .all: break
                case .cooperating: #expect(customer.status == .cooperating)
                case .formalVIP: #expect(customer.grade == .vip)
                case .potentialVIP: #expect(customer.grade == .potentialVIP)
                case .formalKey: #expect(customer.grade == .key)
                case .potentialKey: #expect(customer.grade == .potentialKey)
                case .general: #expect(customer.grade == .general)
                case .image: #expect(customer.grade == .image)
                case .lost: #expect(customer.status == .lost)
                case .pool: #expect(customer.ownerID == nil && customer.status == .potential)
                }
            }
        }
        #expect(counts[.pool]! > 0 && counts[.formalVIP]! > 0 && counts[.lost]! > 0)
        // A salesperson's views count only what they may see.
        let salesperson = try #require(try db.user(login: "zhangwei"))
        let scoped = db.scoped(to: Viewer(salesperson))
        #expect(try scoped.archiveCounts()[.all] == scoped.customerCount())
        #expect(try scoped.archiveCounts()[.all]! < 400)
    }
}
