import Foundation
import GRDB
import Testing

/// What kehu writes, kehu reads back: customers, contacts and visits exported from a demo
/// database and imported into an empty one (with the same people and teams) come out of
/// a second export field for field; imported again into the same database they change
/// nothing. And an import keeps a user's text exactly, full-width punctuation included.
@Suite(.serialized)
struct RoundTripTests {
    /// The export's rows, keyed by their first three fields (code, name, and the contact's
    /// name or the visit's number), with the header.
    private func table(_ path: String) throws -> (header: [String], rows: [String: [String]]) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let records = CSVTestReader.records(text)
        var rows: [String: [String]] = [:]
        for record in records.dropFirst() { rows[record.prefix(3).joined(separator: "|")] = record }
        return (records.first ?? [], rows)
    }

    @Test(arguments: ["csv"], ["zh", "en"])
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

        for kind in ["customers", "contacts", "activities"] {
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
                for (index, column) in header.enumerated() where !derived.contains(column) && row[index] != again[index] {
                    Issue.record("\(kind) \(key): \(column) was \"\(row[index])\", is \"\(again[index])\"")
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
