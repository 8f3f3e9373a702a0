import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

/// The last contacts the maintenance plan reads stay what the visits say, whatever
/// writes them: a new visit, a corrected one, a deleted one.
struct LastContactsTests {
    /// The table as it is, and as it would be computed from the visits now.
    func keptAndTruth(_ db: KehuDatabase) throws -> (kept: [String], truth: [String]) {
        try db.read { db in
            let kept = try String.fetchAll(db, sql: """
                SELECT handlerID || ' ' || customerID || ' ' || method || ' ' || lastAt FROM lastContacts ORDER BY 1
                """)
            let truth = try String.fetchAll(db, sql: """
                SELECT handlerID || ' ' || customerID || ' ' || method || ' ' || MAX(occurredAt) FROM activities
                GROUP BY handlerID, customerID, method ORDER BY 1
                """)
            return (kept, truth)
        }
    }

    @Test func newCorrectedAndDeletedVisitsKeepTheLastContacts() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("kehu.db")
        let zhang = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: testActor)
        let liu = try db.add(User(login: "liuyang", displayName: "刘洋", role: .salesperson), by: testActor)
        let customer = try db.add(sampleCustomer("Ba-粤GZ0012", "广州华南机电有限公司"), by: testActor)
        func visit(_ day: Int, _ method: ContactMethod, by handler: Int64) throws -> Int64 {
            let at = LocalDateTime(date: testNow.date.adding(days: -day), hour: 10, minute: 0)!
            return try db.add(Activity(customerID: customer, cardID: nil, visitNumber: 1, method: method, occurredAt: at,
                                       handlerID: handler, content: "回访"), by: testActor)
        }
        let old = try visit(30, .phone, by: zhang)
        let newest = try visit(3, .phone, by: zhang)
        _ = try visit(10, .onSite, by: zhang)
        _ = try visit(5, .phone, by: liu)
        var state = try keptAndTruth(db)
        #expect(state.kept.count == 3)
        #expect(state.kept == state.truth)

        // A visit corrected: its day, its method, who made it.
        try db.write { db in
            try db.execute(sql: "UPDATE activities SET occurredAt = '2026-11-21 08:00' WHERE id = ?", arguments: [old])
            try db.execute(sql: "UPDATE activities SET method = 'message' WHERE id = ?", arguments: [newest])
            try db.execute(sql: "UPDATE activities SET handlerID = ? WHERE id = ?", arguments: [liu, old])
        }
        state = try keptAndTruth(db)
        #expect(state.kept == state.truth)

        // Visits deleted (a purged customer): nothing of theirs is left.
        try db.write { db in try db.execute(sql: "DELETE FROM activities WHERE id = ?", arguments: [newest]) }
        state = try keptAndTruth(db)
        #expect(state.kept == state.truth)
        try db.write { db in try db.execute(sql: "DELETE FROM activities") }
        #expect(try keptAndTruth(db).kept.isEmpty)
    }
}
