import Foundation
import Testing
@testable import KehuExchange

/// Sheets are read in pieces as they come off the disk or out of the zip: a piece may end
/// anywhere — inside a character, a quoted cell, a tag or an entity — and the rows must be
/// the same as when the whole is read at once.
struct StreamingReadTests {
    /// The bytes handed over `size` at a time.
    static func pieces(_ data: Data, size: Int) -> SheetBytes {
        SheetBytes(count: data.count) { each in
            try data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                while start < bytes.count {
                    let end = min(start + size, bytes.count)
                    try each(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    start = end
                }
            }
        }
    }

    static func csvRows(_ bytes: SheetBytes) throws -> [CSVReader.Row] {
        guard let (encoding, _) = try TextDecoding.scan(bytes) else { throw CSVReader.Problem.unclosedQuote(line: 0) }
        var parser = CSVReader.Parser()
        var rows: [CSVReader.Row] = []
        try TextDecoding.utf8Pieces(bytes, encoding: encoding) { try parser.feed($0) { rows.append($0) } }
        try parser.finish { rows.append($0) }
        return rows
    }

    @Test func csvCutAnywhereReadsTheSame() throws {
        let text = "\u{FEFF}名称,备注,电话\r\n\"广州\"\"华南\"\"机电（集团）\",\"一, 二\r\n三\",020-1234 5678\r\n\r\n深圳，全角,\"\"\"\",\n末行无换行,😀,"
        let whole = try CSVReader.rows(text)
        #expect(whole.map(\.fields) == [["名称", "备注", "电话"], ["广州\"华南\"机电（集团）", "一, 二\r\n三", "020-1234 5678"],
                                        ["深圳，全角", "\"", ""], ["末行无换行", "😀", ""]])
        #expect(whole.map(\.line) == [1, 2, 4, 5])
        for size in [1, 2, 3, 5, 7, 64] {
            #expect(try Self.csvRows(Self.pieces(Data(text.utf8), size: size)) == whole, "pieces of \(size)")
        }
    }

    @Test func gbkIsToldFromTheWholeFileAndConvertedPieceByPiece() throws {
        // The first line is plain ASCII (valid UTF-8); the GBK bytes come after.
        let header = Data("name,notes\r\n".utf8)
        let gbk = Data([0xB9, 0xE3, 0xD6, 0xDD, 0x2C, 0xC4, 0xFA, 0xBA, 0xC3, 0x0D, 0x0A])   // 广州,您好
        for size in [1, 3, 4096] {
            let bytes = Self.pieces(header + gbk, size: size)
            let scanned = try TextDecoding.scan(bytes)
            #expect(scanned?.encoding == .gb18030)
            #expect(try Self.csvRows(bytes).map(\.fields) == [["name", "notes"], ["广州", "您好"]], "pieces of \(size)")
        }
        // NUL bytes: not text at all.
        #expect(try TextDecoding.scan(.whole(Data([0x61, 0x00, 0x62]))) == nil)
        // A UTF-8 character cut between pieces is still UTF-8.
        #expect(try TextDecoding.scan(Self.pieces(Data("名称,备注\n广州,一\n".utf8), size: 1))?.encoding == .utf8)
    }

    @Test func xmlCutAnywhereGivesTheSameEvents() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
            <!-- a comment with <c> and > inside -->
            <x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>A &amp; B &lt;&gt; &quot;&apos; &#20013;&#x6587;</x:t></x:is></x:c>\
            <c r="C2" t="str" a=">"><f>1&gt;0</f><v>x</v></c><c r="D2"><v><![CDATA[<raw> & text]]></v></c><c r="E2"/></x:row></x:sheetData></x:worksheet>
            """
        func events(_ size: Int) throws -> [String] {
            var scanner = XMLScanner()
            var found: [String] = []
            var text: [UInt8] = []
            func flush() { if !text.isEmpty { found.append("text:" + String(decoding: text, as: UTF8.self)); text = [] } }
            try Self.pieces(Data(xml.utf8), size: size).pieces { piece in
                try scanner.feed(piece) { event in
                    switch event {
                    case .start(let name, let tag, let selfClosing):
                        flush()
                        found.append("<\(name) r=\(tag.attribute("r") ?? "-") t=\(tag.attribute("t") ?? "-")\(selfClosing ? "/" : "")>")
                    case .end(let name): flush(); found.append("</\(name)>")
                    case .text(let bytes): text += bytes
                    }
                }
            }
            flush()
            return found.filter { !$0.hasPrefix("text:\n") && $0 != "text:\n" }
        }
        let whole = try events(1 << 20)
        #expect(whole.contains("text:A & B <> \"' 中文"))
        #expect(whole.contains("text:<raw> & text"))
        #expect(whole.contains("<c r=E2 t=-/>"))
        #expect(whole.contains("<worksheet r=- t=->"))
        #expect(whole.contains("<c r=C2 t=str>"))
        #expect(!whole.contains { $0.contains("comment") })
        for size in [1, 2, 3, 11] {
            #expect(try events(size) == whole, "pieces of \(size)")
        }
    }
}
