import Foundation
import GRDB
import Testing
import KehuExchange

/// What kehu writes, kehu reads back: customers, contacts, intent cards and visits exported from a demo
/// database and imported into an empty one (with the same people and teams) come out of
/// a second export field for field; imported again into the same database they change
/// nothing. And an import keeps a user's text exactly, full-width punctuation included.
@Suite(.serialized)
struct RoundTripTests {
    /// The export's rows, keyed by their first three fields (code, name, and the contact's
    /// name or the visit's number), with the header.
    private func table(_ path: String) throws -> (header: [String], rows: [String: [String]]) {
        let records = path.hasSuffix(".xlsx")
            ? try XLSXReader.rows(try Data(contentsOf: URL(fileURLWithPath: path))).map(\.fields)
            : CSVTestReader.records(try String(contentsOfFile: path, encoding: .utf8))
        var rows: [String: [String]] = [:]
        for record in records.dropFirst() { rows[record.prefix(3).joined(separator: "|")] = record }
        return (records.first ?? [], rows)
    }

    @Test(arguments: ["csv", "xlsx"], ["zh", "en"])
    func exportThenImportIntoAnEmptyDatabaseGivesTheSameRows(format: String, language: String) throws {
        let sandbox = Sandbox()
        let demo = sandbox.path + "/demo.db", empty = sandbox.path + "/empty.db"
        try #require(try sandbox.kehu(["demo", "--db", demo, "--customers", "80", "--seed", "9"]).status == 0)
        try #require(try sandbox.kehu(["init", "--db", empty]).status == 0)
        // The same people and teams: owners and authors are named by them.
        let queue = try DatabaseQueue(path: empty)
        try queue.writeWithoutTransaction { db in
            // Teams name their supervisor and users their team: copied whole, checked after.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "ATTACH DATABASE ? AS demo", arguments: [demo])
            try db.execute(sql: "INSERT INTO teams SELECT * FROM demo.teams")
            try db.execute(sql: "INSERT INTO users SELECT * FROM demo.users WHERE login NOT IN (SELECT login FROM main.users)")
            try db.execute(sql: "DETACH DATABASE demo")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        try queue.close()

        // Cards before visits: a visit names its card by number.
        for kind in ["customers", "contacts", "cards", "activities"] {
            let first = sandbox.path + "/\(kind).\(format)", second = sandbox.path + "/\(kind).again.\(format)"
            // Written in either language, read by a Chinese session.
            try #require(try sandbox.kehu(["export", kind, "--db", demo, "--format", format, "--out", first, "--lang", language]).status == 0)
            let imported = try sandbox.kehu(["import", kind, first, "--db", empty])
            #expect(imported.status == 0, "\(kind): \(imported.stderr)")
            #expect(imported.stdout.contains("拒绝 0"), "\(kind): \(imported.stdout)")
            try #require(try sandbox.kehu(["export", kind, "--db", empty, "--format", format, "--out", second, "--lang", language]).status == 0)
            let (header, before) = try table(first)
            let (_, after) = try table(second)
            #expect(before.count == after.count, "\(kind): \(before.count) rows, then \(after.count)")
            // 最近订单 is the latest order's day: orders are not exported, so not restored.
            let derived = Set(["最近订单", "last order on"])
            for (key, row) in before {
                guard let again = after[key] else { Issue.record("\(kind): \(key) is missing after the round trip"); continue }
                for (index, column) in header.enumerated() where !derived.contains(column) {
                    // A workbook row ends at its last filled cell.
                    let was = index < row.count ? row[index] : "", now = index < again.count ? again[index] : ""
                    if was != now { Issue.record("\(kind) \(key): \(column) was \"\(was)\", is \"\(now)\"") }
                }
            }
            // Into the same database again: nothing new, nothing changed.
            let repeated = try sandbox.kehu(["import", kind, first, "--db", empty])
            #expect(repeated.status == 0)
            #expect(repeated.stdout.contains("新建 0") && repeated.stdout.contains("更新 0"), "\(kind) again: \(repeated.stdout)")
        }
    }

    @Test func importKeepsFullWidthPunctuationExactly() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["init", "--db", path]).status == 0)
        let name = "深圳市宏达（集团）有限公司"
        let notes = "老客户，年底前要报价：务必跟进！"
        let address = "深圳市南山区科技园１号楼（东门）"
        let sheet = sandbox.path + "/sheet.csv"
        try "客户名称,联系电话,省份,城市,地址,备注\r\n\(name),０７５５－８８８８ ６６６６,广东,深圳市,\(address),\"\(notes)\"\r\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let result = try sandbox.kehu(["import", "customers", sheet, "--db", path])
        try #require(result.status == 0, "\(result.stderr)")
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let row = try #require(try queue.read { db in try Row.fetchOne(db, sql: "SELECT name, notes, address, phone FROM customers") })
        #expect(row["name"] as String == name)
        #expect(row["notes"] as String == notes)
        #expect(row["address"] as String == address)
        // A phone number is normalised: its meaning is the digits.
        #expect(row["phone"] as String == "0755-8888 6666")
    }
}

/// Excel workbooks in: a sheet made by another program (openpyxl), with a title row,
/// merged cells, dates and mobiles stored as numbers; another sheet by name; an old .xls
/// refused with what to do.
@Suite(.serialized)
struct WorkbookImportTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx/customers-with-title.xlsx").path

    @Test func aWorkbookMadeElsewhereImportsAsItShows() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["init", "--db", path]).status == 0)
        let dry = try sandbox.kehu(["import", "customers", Self.fixture, "--db", path, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        // Rows named as the sheet numbers them: the headers are on row 3.
        #expect(dry.stdout.contains("customers-with-title.xlsx:4: 新建") && dry.stdout.contains("customers-with-title.xlsx:6: 新建"), "\(dry.stdout)")
        #expect(dry.stdout.contains("XLSX，3 行"), "\(dry.stdout)")
        let real = try sandbox.kehu(["import", "customers", Self.fixture, "--db", path])
        #expect(real.status == 0, "\(real.stderr)")
        let contacts = try sandbox.kehu(["import", "contacts", Self.fixture, "--sheet", "联系人", "--db", path])
        #expect(contacts.status == 0, "\(contacts.stderr) \(contacts.stdout)")
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT name, city, phone, createdAt, grade, notes FROM customers ORDER BY name") }
        #expect(rows.count == 3)
        let hongda = try #require(rows.first { ($0["name"] as String).hasPrefix("深圳市宏达") })
        #expect(hongda["name"] as String == "深圳市宏达（集团）有限公司")
        #expect(hongda["phone"] as String == "138 0013 8000")
        #expect((hongda["createdAt"] as String).hasPrefix("2024-03-05"))
        #expect(hongda["notes"] as String == "老客户，年底前要报价！")
        let hengxin = try #require(rows.first { ($0["name"] as String) == "广州恒信五金商行" })
        #expect(hengxin["city"] as String == "广州")
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT birthday FROM contacts WHERE name = '欧阳娜'") } == "1988-06-01")
    }

    @Test func anOldExcelFileIsRefusedWithWhatToDo() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["init", "--db", path]).status == 0)
        let old = sandbox.path + "/客户.xls"
        var bytes = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        bytes.append(Data(repeating: 0, count: 504))
        try bytes.write(to: URL(fileURLWithPath: old))
        let result = try sandbox.kehu(["import", "customers", old, "--db", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains(".xls") && result.stderr.contains("另存为"), "\(result.stderr)")
        let missing = try sandbox.kehu(["import", "customers", Self.fixture, "--sheet", "Sheet9", "--db", path])
        #expect(missing.status == 65 && missing.stderr.contains("客户名单、联系人"), "\(missing.stderr)")
    }
}

/// What a spreadsheet user is told about columns kehu does not know, and the empty rows
/// a sheet ends with.
struct SheetColumnsTests {
    /// Like the screen, an import makes the user's database when there is none (its maker
    /// the first admin), and leaves no file behind when nothing went in.
    @Test func anImportMakesTheDatabaseItNeedsAndLeavesNoneWhenNothingGoesIn() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/new/kehu.db"
        let bad = sandbox.path + "/bad.csv", good = sandbox.path + "/good.csv"
        try "客户名称,城市\r\n坏行机械厂,火星\r\n".write(toFile: bad, atomically: true, encoding: .utf8)
        try "客户名称,城市\r\n新库机械厂,广州\r\n".write(toFile: good, atomically: true, encoding: .utf8)
        #expect(try sandbox.kehu(["import", "customers", bad, "--db", path]).status == 65)
        #expect(try sandbox.kehu(["import", "customers", good, "--db", path, "--dry-run"]).status == 0)
        for side in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: path + side), "left behind: kehu.db\(side)") }
        let made = try sandbox.kehu(["import", "customers", good, "--db", path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try sandbox.kehu(["user", "list", "--db", path]).stdout.contains("管理员"))
    }

    @Test func unknownColumnsAreNamedAndCanBeKeptInTheNotes() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/kehu.db"
        try #require(try sandbox.kehu(["init", "--db", path]).status == 0)
        let sheet = sandbox.path + "/sheet.csv"
        try "客户名称,城市,座机,开户行,税号,备注\r\n未知列测试机械厂,广州,020-1111 2222,工商银行天河支行,91440101MA5,老客户\r\n,,,,,\r\n,,,,,\r\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let dry = try sandbox.kehu(["import", "customers", sheet, "--db", path, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        // 座机 is a phone; the two columns kehu does not know are named, with what to do.
        #expect(dry.stdout.contains("未识别的列（不会导入）：开户行、税号") && dry.stdout.contains("--unknown-to-notes"), "\(dry.stdout)")
        // The empty rows at the end are no rows.
        #expect(dry.stdout.contains("1 行"), "\(dry.stdout)")
        let kept = try sandbox.kehu(["import", "customers", sheet, "--db", path, "--unknown-to-notes"])
        #expect(kept.status == 0, "\(kept.stderr)")
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let row = try #require(try queue.read { db in try Row.fetchOne(db, sql: "SELECT phone, notes FROM customers") })
        #expect(row["phone"] as String == "020-1111 2222")
        #expect(row["notes"] as String == "老客户；开户行：工商银行天河支行；税号：91440101MA5")
    }
}

/// The cards kehu exports read in khard, a vCard 4.0 address book from Debian's packages:
/// every contact there by its full name, with its mobile, Chinese text intact.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/khard"), "khard is needed: scripts/ensure-system-packages installs it"))
struct VCardReaderTests {
    @Test func khardReadsEveryExportedCard() throws {
        let sandbox = Sandbox()
        let demo = sandbox.path + "/demo.db"
        try #require(try sandbox.kehu(["demo", "--db", demo, "--customers", "30", "--seed", "12"]).status == 0)
        let exported = try sandbox.kehu(["export", "contacts", "--db", demo, "--format", "vcf"])
        try #require(exported.status == 0)
        let sheet = try sandbox.kehu(["export", "contacts", "--db", demo, "--out", sandbox.path + "/contacts.csv"])
        try #require(sheet.status == 0)
        // One card a file, as a vdir address book keeps them.
        let book = sandbox.path + "/book", config = sandbox.path + "/khard-config"
        try FileManager.default.createDirectory(atPath: book, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: config + "/khard", withIntermediateDirectories: true)
        let cards = exported.stdout.components(separatedBy: "BEGIN:VCARD").dropFirst()
        for (index, card) in cards.enumerated() {
            try ("BEGIN:VCARD" + card).write(toFile: book + "/\(index).vcf", atomically: true, encoding: .utf8)
        }
        try """
            [addressbooks]
            [[kehu]]
            path = \(book)
            [general]
            default_action = list
            editor = true
            merge_editor = true
            [contact table]
            display = formatted_name
            sort = formatted_name
            show_uids = yes
            [vcard]
            preferred_version = 4.0
            skip_unparsable = no
            """.write(toFile: config + "/khard/khard.conf", atomically: true, encoding: .utf8)
        let listed = try run("/usr/bin/khard", ["phone", "--parsable"], environment: ["XDG_CONFIG_HOME": config, "LANG": "C.UTF-8"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let phones = Set(listed.stdout.split(separator: "\n").map { line in
            line.split(separator: "\t").prefix(2).map(String.init).joined(separator: "|")
        })
        let contacts = CSVTestReader.records(try String(contentsOfFile: sandbox.path + "/contacts.csv", encoding: .utf8)).dropFirst()
        #expect(contacts.count == cards.count)
        for contact in contacts where !contact[5].isEmpty {
            #expect(phones.contains(contact[5] + "|" + contact[2]), "\(contact[2]) \(contact[5]) is not in khard")
        }
    }
}

/// A CSV reader for tests, independent of kehu's own: RFC 4180 quoting, CRLF or LF.
enum CSVTestReader {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, afterQuote = false
        let scalars = Array(text.unicodeScalars.drop { $0 == "\u{FEFF}" })
        var index = 0
        while index < scalars.count {
            let c = scalars[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" { field.unicodeScalars.append("\""); index += 1 }
                    else { quoted = false; afterQuote = true }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" && field.isEmpty && !afterQuote {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""; afterQuote = false
            } else if c == "\r" || c == "\n" {
                if c == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                record.append(field); records.append(record); record = []; field = ""; afterQuote = false
            } else {
                field.unicodeScalars.append(c)
            }
            index += 1
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
