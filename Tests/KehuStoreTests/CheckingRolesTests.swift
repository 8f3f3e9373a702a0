import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// The evening check's writes are the supervisors' and those above: a salesperson's own
/// store refuses them, whatever screen (or program) asks.
struct CheckingRolesTests {
    @Test func aSalespersonCannotSignDecideOrMarkTheirOwnWork() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("roles.db")
        let team = try db.add(Team(name: "华南一组", region: "华南"), by: testActor)
        var seller = User(login: "zhangwei", displayName: "张伟", role: .salesperson, teamID: team)
        seller.id = try db.add(seller, by: testActor)
        var boss = User(login: "liqiang", displayName: "李强", role: .supervisor, teamID: team)
        boss.id = try db.add(boss, by: testActor)
        var customer = sampleCustomer("Cb-粤GZ0001", "广州华南机电有限公司")
        customer.ownerID = seller.id
        customer.teamID = team
        let id = try db.add(customer, by: testActor)
        let cardID = try db.add(IntentCard(customerID: id, number: "YX-1", createdOn: testNow.date, source: .walkIn, filledByID: seller.id!,
                                           personName: "李娜", level: .b), by: testActor)
        let visit = try db.add(Activity(customerID: id, cardID: cardID, visitNumber: 1, method: .phone, occurredAt: testNow,
                                        handlerID: seller.id!, content: "电话跟进"), by: testActor)
        let own = db.scoped(to: Viewer(seller))
        #expect(try own.customer(id: id) != nil)                      // they see it, and may log on it
        #expect(throws: StoreError.refused(.roleMayNot)) { try own.signComment(activityID: visit, text: "好", signerID: seller.id!, by: testActor) }
        #expect(throws: StoreError.refused(.roleMayNot)) { try own.signReview(activityID: visit, text: "好", reviewerID: seller.id!, by: testActor) }
        #expect(throws: StoreError.refused(.roleMayNot)) { try own.setDoubtful(activityID: visit, false, by: testActor) }
        #expect(throws: StoreError.refused(.roleMayNot)) { try own.setNeedsGuidance(activityID: visit, true, by: testActor) }
        #expect(throws: StoreError.refused(.roleMayNot)) { try own.setDefeatDoubtful(cardID: cardID, false, by: testActor) }
        #expect(throws: StoreError.refused(.roleMayNot)) { try own.decideDefeat(cardID: cardID, approve: true, note: "", by: testActor) }
        // The supervisor may.
        try db.scoped(to: Viewer(boss)).setDoubtful(activityID: visit, true, by: testActor)
        #expect(try db.history(table: "activities", rowID: visit).contains { $0.field == "doubtful" })
    }
}
