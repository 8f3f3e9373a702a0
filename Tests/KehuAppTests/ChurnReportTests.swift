import Foundation
import Testing
import KehuCore
@testable import KehuStore
@testable import KehuApp

struct ChurnReportTests {
    /// Three customers lost on known days with known reasons, one in the warning window.
    func store(_ scratch: Scratch) throws -> (KehuDatabase, User) {
        let db = try KehuDatabase.open(path: scratch.path + "/churn.db")
        let actor = Actor(login: "admin", clock: FixedClock(fixedNow))
        var owner = User(login: "zhangwei", displayName: "张伟", role: .salesperson)
        owner.id = try db.add(owner, by: actor)
        var other = User(login: "liuyang", displayName: "刘洋", role: .salesperson)
        other.id = try db.add(other, by: actor)
        for (code, grade, ownerID, lastOrder) in [("Ba-粤GZ0001", CustomerGrade.key, owner.id, "2026-04-10"), ("Ca-粤GZ0002", .general, owner.id, "2026-04-30"),
                                                  ("Ca-粤SZ0001", .general, other.id, "2026-04-15"), ("Aa-粤GZ0003", .vip, owner.id, "2026-06-01")] {
            var c = Customer(code: code, name: "客户" + code.suffix(4), createdAt: fixedNow)
            c.status = .cooperating; c.grade = grade; c.ownerID = ownerID; c.lastOrderOn = DateParsing.date(lastOrder)
            try db.add(c, by: actor)
        }
        // Lost on 10, 15 and 30 October (six months after the last order).
        let lost = try db.applyChurn(today: LocalDate(year: 2026, month: 10, day: 31)!, by: actor)
        #expect(lost.count == 3)
        for (index, due) in try db.churnReasonsDue(ownerID: owner.id!).enumerated() {
            try db.recordChurnReason(eventID: due.eventID, reason: index == 0 ? "价格" : "转向竞品", by: actor)
        }
        return (db, owner)
    }

    @Test func theMonthsLossesAreCountedByGradeOwnerAndReason() throws {
        let scratch = Scratch()
        let (db, owner) = try store(scratch)
        let october = try db.churnReport(from: LocalDate(year: 2026, month: 10, day: 1)!, to: LocalDate(year: 2026, month: 10, day: 31)!,
                                         today: fixedNow.date)
        #expect(october.losses.map(\.code) == ["Bc-粤GZ0001", "Cc-粤SZ0001", "Cc-粤GZ0002"])
        #expect(october.count { $0.ownerName ?? "" }.map(\.count) == [2, 1])
        #expect(october.count { $0.reason ?? "" }.map(\.key) == ["", "价格", "转向竞品"])
        #expect(october.warnings.map(\.code) == ["Aa-粤GZ0003"])   // last order 1 June: warned from 1 November
        let table = ChurnReportPresenter.table(october, strings: Strings(.zh))
        let text = table.rendered(as: .text)
        #expect(text.contains("客户流失报告 2026-10-01 – 2026-10-31"))
        #expect(text.contains("  Bc-粤GZ0001  客户0001  B 重点  张伟    2026-10-10  价格"))
        #expect(text.contains("（未填原因）"))
        let csv = table.rendered(as: .csv)
        #expect(csv.contains("编码,单位名称,等级,责任人,流失日期,原因\r\nBc-粤GZ0001,客户0001,"))
        let json = try JSONSerialization.jsonObject(with: Data(table.rendered(as: .json).utf8)) as? [String: Any]
        let sections = try #require(json?["sections"] as? [[String: Any]])
        #expect((sections[0]["rows"] as? [[String]])?.count == 3)
        // A salesperson's report holds their own customers only.
        let own = try db.scoped(to: Viewer(owner)).churnReport(from: LocalDate(year: 2026, month: 10, day: 1)!,
                                                               to: LocalDate(year: 2026, month: 10, day: 31)!, today: fixedNow.date)
        #expect(own.losses.count == 2)
    }

    @Test func anEmptyPeriodSaysSo() throws {
        let scratch = Scratch()
        let (db, _) = try store(scratch)
        let september = try db.churnReport(from: LocalDate(year: 2026, month: 9, day: 1)!, to: LocalDate(year: 2026, month: 9, day: 30)!,
                                           today: LocalDate(year: 2026, month: 9, day: 30)!)
        #expect(september.losses.isEmpty && september.warnings.isEmpty)
        let text = ChurnReportPresenter.table(september, strings: Strings(.en)).rendered(as: .text)
        #expect(text.contains("Lost customers (0)\n  none"))
    }
}
