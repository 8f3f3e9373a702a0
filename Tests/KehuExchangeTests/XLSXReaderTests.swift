import Foundation
import Testing
import KehuHost
import ZIPFoundation
import KehuStore
import KehuApp
@testable import KehuExchange

/// Workbooks written by openpyxl (Tests/Fixtures/xlsx/make-fixtures.py), read cell by cell.
struct XLSXReaderTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx/customers-with-title.xlsx")

    @Test func aSheetReadsAsTheSpreadsheetShowsIt() throws {
        let data = try Data(contentsOf: Self.fixture)
        #expect(try XLSXReader.sheetNames(data) == ["客户名单", "联系人"])
        let rows = try XLSXReader.rows(data)
        // The title (merged over A1:F1) fills its range; row 2 and the trailing row 8 are empty.
        #expect(rows.map(\.line) == [1, 3, 4, 5, 6])
        #expect(rows[0].fields == Array(repeating: "华南区客户名单（2026 年 11 月）", count: 6))
        #expect(rows[1].fields == ["客户名称", "城市", "联系电话", "建档日期", "客户等级", "备注"])
        // Text exactly; a mobile stored as a number is its digits; dates as yyyy-mm-dd.
        #expect(rows[2].fields == ["深圳市宏达（集团）有限公司", "深圳", "13800138000", "2024-03-05", "B 重点", "老客户，年底前要报价！"])
        #expect(rows[3].fields == ["广州华南机电有限公司", "广州", "13912345678", "2025-01-07 14:30", "C", "展会认识：王经理"])
        // 广州 was merged over B5:B6; a date in a Chinese custom format is still a date.
        #expect(rows[4].fields == ["广州恒信五金商行", "广州", "020-8888 6666", "2025-12-31", "A*"])
    }

    /// A workbook read from its file (through the descriptor kehu opened, as an import
    /// reads one, never held in memory whole) gives the rows the bytes give: both sheets,
    /// merged cells and dates included.
    @Test func aWorkbookFromItsFileReadsAsFromItsBytes() throws {
        let data = try Data(contentsOf: Self.fixture)
        let opened = try UserFiles.openForReading(Self.fixture.path)
        for sheet in [nil, "联系人"] {
            var fromFile: [CSVReader.Row] = [], fromBytes: [CSVReader.Row] = []
            try XLSXReader.Sheet(file: opened.reopeningPath, name: sheet).rows { fromFile.append($0) }
            try XLSXReader.Sheet(data, name: sheet).rows { fromBytes.append($0) }
            #expect(!fromFile.isEmpty)
            #expect(fromFile.map(\.fields) == fromBytes.map(\.fields))
            #expect(fromFile.map(\.line) == fromBytes.map(\.line))
        }
        #expect(try XLSXReader.Sheet(file: opened.reopeningPath, name: nil).rowCount == XLSXReader.Sheet(data, name: nil).rowCount)
        // An import reads through the path when it opens, else from the bytes.
        for path in [opened.reopeningPath, "/proc/kehu-no-such-path"] {
            var rows: [CSVReader.Row] = []
            try SheetReader(SheetBytes(count: data.count, seekablePath: path) { each in
                try data.withUnsafeBytes { try each($0.bindMemory(to: UInt8.self)) }
            }, sheetName: nil).rows { rows.append($0) }
            #expect(rows.map(\.fields) == (try XLSXReader.rows(data)).map(\.fields), "\(path)")
        }
    }

    @Test func anotherSheetByName() throws {
        let data = try Data(contentsOf: Self.fixture)
        let rows = try XLSXReader.rows(data, sheet: "联系人")
        #expect(rows.map(\.fields) == [["单位名称", "姓名", "手机", "生日"], ["深圳市宏达（集团）有限公司", "欧阳娜", "13700001111", "1988-06-01"]])
        #expect(throws: XLSXReader.Problem.noSuchSheet(name: "Sheet9", sheets: ["客户名单", "联系人"])) { try XLSXReader.rows(data, sheet: "Sheet9") }
    }

    /// The workbook's own parts (its sheets, their relations, its styles) are read with the
    /// sheet's scanner: prefixed names, attributes as written, entities decoded.
    @Test func aWorkbookPartsElementsAndAttributes() throws {
        let xml = Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <!-- <x:sheet name="注释" r:id="rId9"/> -->
            <x:sheets><x:sheet name="R&amp;D 客户&#xFF01;" sheetId="1" r:id="rId1"/>
            <x:sheet name='第二
            页' sheetId="2" r:id="rId2"></x:sheet></x:sheets></x:workbook>
            """.utf8)
        let sheets = try Elements.read(xml, named: ["sheet", "/sheets"])
        #expect(sheets == [["<name>": "sheet", "name": "R&D 客户！", "sheetId": "1", "r:id": "rId1"],
                           ["<name>": "sheet", "name": "第二 页", "sheetId": "2", "r:id": "rId2"],
                           ["<name>": "/sheets"]])
    }

    @Test func dateFormatsAreToldFromNumberFormats() {
        #expect(XLSXReader.DateStyles.kind(14, nil) == .date)
        #expect(XLSXReader.DateStyles.kind(22, nil) == .dateTime)
        #expect(XLSXReader.DateStyles.kind(0, nil) == .number)
        #expect(XLSXReader.DateStyles.kind(170, "yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(XLSXReader.DateStyles.kind(171, "[$-804]yyyy/m/d h:mm") == .dateTime)
        #expect(XLSXReader.DateStyles.kind(172, "#,##0.00\"元\"") == .number)
        #expect(XLSXReader.DateStyles.kind(173, "[Red]0.00") == .number)
        #expect(XLSXReader.numberText("13800138000") == "13800138000")
        #expect(XLSXReader.numberText("1.3800138E10") == "13800138000")
        #expect(XLSXReader.numberText("12.5") == "12.5")
        #expect(XLSXReader.dateText(45_717, withTime: false) == "2025-03-01")
    }

    /// A sheet part of more than 10 MB (a general XML parser such as libxml2 refuses that
    /// in one piece): read all the same, as it streams out of the zip.
    @Test func aSheetOverTenMegabytesReads() throws {
        let long = String(repeating: "长备注文字", count: 450)   // 6,750 bytes of UTF-8
        let rows = (0..<2_000).map { n -> [ExportValue] in [.text("客户\(n)"), .text(long)] }
        let table = ExportTable(kind: .customers, columns: ["name", "notes"], rows: rows)
        let data = ExportWriter.data(table, format: .xlsx, words: Strings(.zh).words)
        let read = try XLSXReader.rows(data)
        #expect(read.count == 2_001)
        #expect(read.last?.fields == ["客户1999", long])
    }

    /// A sheet whose bytes no longer match the checksum the zip holds for them (stored
    /// without compression, so a changed byte still unzips): refused as damaged, not read
    /// as if it were what its writer wrote.
    @Test func aSheetChangedAfterZippingIsRefused() throws {
        let table = ExportTable(kind: .customers, columns: ["name"], rows: [[.text("客户1")], [.text("客户2")]])
        let written = try Archive(data: ExportWriter.data(table, format: .xlsx, words: Strings(.zh).words), accessMode: .read)
        let stored = try Archive(data: Data(), accessMode: .create)
        for entry in written {
            var content = Data()
            _ = try written.extract(entry) { content.append($0) }
            try stored.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .none) { position, size in
                content.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let intact = try #require(stored.data)
        #expect(try XLSXReader.rows(intact).map(\.fields) == [["名称"], ["客户1"], ["客户2"]])
        var changed = intact
        let digit = try #require(changed.range(of: Data("客户2".utf8)))
        changed[digit.upperBound - 1] = UInt8(ascii: "3")
        #expect(throws: XLSXReader.Problem.damaged(part: "xl/worksheets/sheet1.xml")) { try XLSXReader.rows(changed) }
    }
}
