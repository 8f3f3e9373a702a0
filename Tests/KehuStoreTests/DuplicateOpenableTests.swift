import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// The duplicate check says which matches the viewer may open: a colleague's customer out
/// of sight is told by code and owner only, and cannot be opened.
struct DuplicateOpenableTests {
    @Test func aColleaguesCustomerOutOfSightIsNotOpenable() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("dups.db")
        let south = try db.add(Team(name: "华南一组", region: "华南"), by: testActor)
        let north = try db.add(Team(name: "华北一组", region: "华北"), by: testActor)
        var me = User(login: "zhangwei", displayName: "张伟", role: .salesperson, teamID: south)
        me.id = try db.add(me, by: testActor)
        var other = User(login: "liuyang", displayName: "刘洋", role: .salesperson, teamID: north)
        other.id = try db.add(other, by: testActor)
        var boss = User(login: "liqiang", displayName: "李强", role: .supervisor, teamID: north)
        boss.id = try db.add(boss, by: testActor)
        var theirs = sampleCustomer("Ca-粤GZ0001", "广州华南机电有限公司")
        theirs.ownerID = other.id
        theirs.teamID = north
        _ = try db.add(theirs, by: testActor)
        let seen = try db.scoped(to: Viewer(me)).duplicates(phone: "020-8888 6666", name: "")
        #expect(seen.map(\.code) == ["Ca-粤GZ0001"])
        #expect(seen.first?.isOpenable == false && seen.first?.name == "" && seen.first?.ownerName == "刘洋")
        // Their supervisor may open it.
        #expect(try db.scoped(to: Viewer(boss)).duplicates(phone: "020-8888 6666", name: "").first?.isOpenable == true)
    }
}
