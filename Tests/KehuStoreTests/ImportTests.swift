import Foundation
import Testing
import KehuCore
@testable import KehuStore

struct ImportTests {
    let now = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 9, minute: 0)!
    let headers = ["单位名称", "电话", "城市", "联系人", "手机", "客户编码"]

    func rows(_ lines: [[String]]) -> [CustomerImportRow] {
        lines.enumerated().map { CustomerImportRow(line: $0.offset + 2, fields: $0.element, headers: headers, mapping: .standard, now: now) }
    }

    @Test func allOrNothingSkipBadDryRunAndRerun() throws {
        let folder = TemporaryFolder()
        let db = try KehuDatabase.open(path: folder.file("import.db"))
        try db.add(sampleCustomer("Cb-粤GZ0009", "广州老客户"), by: testActor)
        let sheet = rows([["广州新客户", "020-1234 5678", "广州", "陈明", "13900001111", ""],
                          ["坏行", "12", "火星", "", "", ""],
                          ["广州老客户有限公司", "", "广州", "", "", ""],                  // same name as Cb-粤GZ0009
                          ["深圳新客户", "0755-2666 8888", "深圳", "", "", ""]])
        // One bad row: nothing is written.
        let refused = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: false, skipBad: false, by: testActor)
        #expect(refused[1] == .rejected([.unreadable(column: "电话", value: "12"), .unknownCity(column: "城市", value: "火星")]))
        #expect(try db.customerCount() == 1)
        // A dry run says what would happen and writes nothing either.
        let preview = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: true, skipBad: true, by: testActor)
        #expect(preview[0] == .created(code: "Cb-粤GZ0010") && preview[2] == .duplicate(of: "Cb-粤GZ0009", byPhone: false))
        #expect(try db.customerCount() == 1)
        // Skipping the bad row imports the rest, contacts included.
        let done = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: false, skipBad: true, by: testActor)
        #expect(done == [.created(code: "Cb-粤GZ0010"), preview[1], .duplicate(of: "Cb-粤GZ0009", byPhone: false), .created(code: "Cb-粤SZ0001")])
        #expect(try db.customerCount() == 3)
        #expect(try db.searchCustomers("13900001111").first?.row.code == "Cb-粤GZ0010")
        // The same file again creates nothing.
        let again = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: false, skipBad: true, by: testActor)
        #expect(again.allSatisfy { if case .created = $0 { return false }; return true })
        #expect(try db.customerCount() == 3)
        // A row with a known code updates that customer.
        let update = try db.importCustomers(rows([["广州老客户", "020-8888 0000", "", "", "", "Cb-粤GZ0009"]]), ownerID: nil, teamID: nil,
                                            dryRun: false, skipBad: false, by: testActor)
        #expect(update == [.updated(code: "Cb-粤GZ0009", fields: ["phone"])])
    }
}
