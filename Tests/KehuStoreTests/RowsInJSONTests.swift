import Foundation
import GRDB
@testable import KehuStore
import Testing

/// The rows PostgreSQL folds into a card's row as JSON (`json_agg`), read back as the
/// columns would have been.
struct RowsInJSONTests {
    @Test func rowsComeBackWithTheirValuesAndNamesInAnyCase() throws {
        // As PostgreSQL writes a json_agg of rows: lower-case names, a line break between rows.
        let text = #"[{"id":1,"customerid":-42,"name":"王芳，你好","notes":null,"big":9223372036854775807,"ratio":1.5,"flag":true,"off":false}, "#
            + "\n " + #"{"id":2,"customerid":7,"name":"","notes":"a\"b\\c\/d\n\t\u0001é\ud83d\ude00","big":-9223372036854775808,"ratio":-2.5e3,"flag":false,"off":true}]"#
        let rows = try RowsInJSON.rows(text.databaseValue)
        #expect(rows.count == 2)
        #expect(rows[0]["id"] as Int64 == 1)
        #expect(rows[0]["customerID"] as Int64 == -42)
        #expect(rows[0]["name"] as String == "王芳，你好")
        #expect(rows[0]["notes"] as String? == nil)
        #expect(rows[0]["big"] as Int64 == Int64.max)
        #expect(rows[0]["ratio"] as Double == 1.5)
        #expect(rows[0]["flag"] as Int64 == 1)
        #expect(rows[0]["off"] as Int64 == 0)
        #expect(rows[1]["name"] as String == "")
        #expect(rows[1]["notes"] as String == "a\"b\\c/d\n\t\u{1}é😀")
        #expect(rows[1]["big"] as Int64 == Int64.min)
        #expect(rows[1]["ratio"] as Double == -2500)
        // One table's rows share their names, as a statement's do.
        #expect(rows[0].columns === rows[1].columns)
        #expect(rows[0].columns.names == ["id", "customerid", "name", "notes", "big", "ratio", "flag", "off"])
    }

    @Test func noRowsIsNullOrAnEmptyArray() throws {
        #expect(try RowsInJSON.rows(.null).isEmpty)
        #expect(try RowsInJSON.rows("[]".databaseValue).isEmpty)
        #expect(try RowsInJSON.rows(" [ ] ".databaseValue).isEmpty)
        #expect(try RowsInJSON.rows("[{}]".databaseValue).map(\.count) == [0])
    }

    @Test func whatAJsonAggOfRowsNeverHoldsIsRefused() {
        for text in [#"{"a":1}"#, #"[{"a":1}"#, #"[{"a":[1]}]"#, #"[{"a":{"b":1}}]"#, #"[{"a":1}] x"#, #"[{"a":"open}]"#,
                     #"[{"a":nul}]"#, #"[{"a":"\x"}]"#, #"[{"a":"\u12"}]"#, #"[{"a" 1}]"#, #"[{"a":1} {"a":2}]"#, #"[{"a":-}]"#] {
            #expect(throws: RowsInJSON.Malformed.self, "\(text)") { try RowsInJSON.rows(text.databaseValue) }
        }
    }

    /// Any text a user may type (control characters, quotes, backslashes, Chinese with
    /// full-width punctuation, characters beyond the first plane) comes back exactly, as
    /// another JSON writer escapes it.
    @Test func anyTextComesBackExactly() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "，", "。", "王", "芳", "😀", "𠀋", "a", " ", "\u{2028}", "é", "'"]
        for _ in 0..<300 {
            let values = (0..<3).map { _ in
                String((0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            }
            let objects = values.enumerated().map { index, value in ["n\(index)": value, "id": String(index)] }
            let text = String(decoding: try JSONEncoder().encode(objects), as: UTF8.self)
            let rows = try RowsInJSON.rows(text.databaseValue)
            #expect(rows.count == values.count)
            for (index, value) in values.enumerated() {
                #expect(rows[index]["n\(index)"] as String == value, "\(text)")
            }
        }
    }
}
