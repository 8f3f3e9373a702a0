import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// Intent cards come in from a sheet with every field of the paper card; visits name their
/// card by number.
struct CardImportTests {
    @Test func aCardSheetIsReadWholeAndTwiceIsOnce() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("cards.db")
        var seller = User(login: "zhangwei", displayName: "张伟", role: .salesperson)
        seller.id = try db.add(seller, by: testActor)
        let importer = Actor(login: "admin", clock: FixedClock(testNow))
        let id = try db.add(sampleCustomer("Ca-粤GZ0001", "广州华南机电有限公司"), by: testActor)
        let other = try db.add(sampleCustomer("Ca-粤GZ0002", "广州白云电器"), by: testActor)
        _ = try db.add(IntentCard(customerID: other, number: "YX-7", createdOn: testNow.date, source: .walkIn, filledByID: seller.id!,
                                  personName: "王先生", level: .b), by: testActor)
        let headers = ["客户编码", "卡号", "建卡日期", "信息来源", "填卡人", "卡状态", "意向级别", "意向度", "顾客姓名", "性别", "年龄",
                       "电话", "意向产品", "型号", "购买类型", "关注点", "预算(元)", "主要异议", "同行人数", "到店时间", "离店时间", "试用",
                       "下次访问"]
        let rows = [
            ["Ca-粤GZ0001", "YX-1", "2026/11/3", "来店", "张伟", "跟进中", "A", "92", "李娜", "女", "38", "13800138000",
             "数控机床", "CK6150", "置换", "价格、售后", "300000", "交期太长！", "2", "9:05", "10:40", "是", "2026-11-25"],
            // A number another customer's card holds: a new one is given.
            ["Ca-粤GZ0001", "YX-7", "2026-11-10", "call-in", "离职的老王", "won", "b", "", "赵强", "", "", "", "激光切割机", "", "new",
             "", "", "", "", "", "", "", ""],
            // Refused, told by column: a score above 100, a time that is not one.
            ["Ca-粤GZ0001", "YX-9", "2026-11-10", "来店", "张伟", "", "", "120", "钱七", "", "", "", "", "", "", "", "", "", "",
             "25:00", "", "", ""],
        ]
        let parsed = rows.enumerated().map { HistoryImportRow(kind: .cards, line: $0.offset + 2, fields: $0.element, headers: headers) }
        #expect(parsed[2].problems == [.unreadable(column: "意向度 (H)", value: "120"), .unreadable(column: "到店时间 (T)", value: "25:00")])
        let outcomes = try db.importHistory(parsed, kind: .cards, dryRun: false, skipBad: true, by: importer)
        #expect(outcomes.prefix(2) == [.created(code: "Ca-粤GZ0001"), .created(code: "Ca-粤GZ0001")])
        let cards = try #require(try db.detail(customerID: id)?.cards)
        let li = try #require(cards.first { $0.personName == "李娜" })
        #expect(li.number == "YX-1" && li.createdOn == LocalDate(year: 2026, month: 11, day: 3))
        #expect(li.source == .walkIn && li.level == .a && li.intentScore == 92 && li.gender == .female && li.age == 38)
        #expect(li.phone == "138 0013 8000" && li.product == "数控机床" && li.model == "CK6150" && li.purchaseType == .replacement)
        #expect(li.focusPoints == ["价格", "售后"] && li.budgetYuan == 300_000 && li.objections == "交期太长！")
        #expect(li.register.companions == 2 && li.register.arrivedAt == "09:05" && li.register.leftAt == "10:40")
        #expect(li.register.trialGiven && li.nextVisitOn == LocalDate(year: 2026, month: 11, day: 25))
        let zhao = try #require(cards.first { $0.personName == "赵强" })
        #expect(zhao.number != "YX-7" && zhao.state == .won && zhao.level == .b)
        // Its filler has left: kept as an inactive user of that name.
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT displayName FROM users WHERE id = ?", arguments: [zhao.filledByID]) } == "离职的老王")
        // A card's product finds its customer.
        #expect(try db.searchCustomers("ck6150").map(\.row.code).contains("Ca-粤GZ0001"))
        // The same sheet again adds nothing.
        let again = try db.importHistory(Array(parsed.prefix(1)), kind: .cards, dryRun: false, skipBad: false, by: importer)
        #expect(again == [.duplicate(of: "Ca-粤GZ0001", byPhone: false)])
        // A visit names its card by number.
        let visits = [HistoryImportRow(kind: .activities, line: 2, fields: ["Ca-粤GZ0001", "2026-11-20 10:00", "上门", "张伟", "谈价格", "YX-1"],
                                       headers: ["客户编码", "时间", "方式", "经办人", "洽谈内容", "意向卡号"])]
        _ = try db.importHistory(visits, kind: .activities, dryRun: false, skipBad: false, by: importer)
        #expect(try db.timeline(customerID: id, offset: 0, limit: 5).first?.activity.cardID == li.id)
    }
}
