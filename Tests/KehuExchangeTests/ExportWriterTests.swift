import Foundation
import Testing
import ZIPFoundation
import KehuCore
@testable import KehuStore
import KehuApp
@testable import KehuExchange

struct ExportWriterTests {
    let table = ExportTable(kind: .contacts,
                            columns: ["customerCode", "customerName", "name", "department", "position", "mobile", "phone", "email",
                                      "gender", "birthday", "isDecisionMaker", "notes"],
                            rows: [[.text("Aa-粤GZ0001"), .text("广州华南机电有限公司"), .text("李娜"), .text("采购部"), .text("采购经理"),
                                    .text("139 2222 3333"), .empty, .text("lina@example.com"), .text("female"),
                                    .date(LocalDate(year: 1990, month: 5, day: 6)!), .text("yes"),
                                    .text("喜欢喝茶, 周三下午在厂; 说话直接\n第二行 \"引号\"" + String(repeating: "很长的备注", count: 8))]])

    @Test func csvOpensInExcelAsUTF8() throws {
        let data = ExportWriter.data(table, format: .csv, words: Strings(.zh).words)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("客户编码,单位名称,姓名,部门,职务,手机,电话,邮箱,性别,生日,决策人,备注\r\n"))
        #expect(text.contains(",女,1990-05-06,是,\"喜欢喝茶, 周三下午在厂; 说话直接\n第二行 \"\"引号\"\""))
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func vCardsAreFoldedAndEscaped() throws {
        let text = String(decoding: ExportWriter.data(table, format: .vcf, words: Strings(.zh).words), as: UTF8.self)
        let physical = text.components(separatedBy: "\r\n")
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        // Unfolded, each property is whole again.
        let lines = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "BEGIN:VCARD" && lines.last == "END:VCARD" && lines.contains("VERSION:4.0"))
        #expect(lines.contains("FN:李娜") && lines.contains("ORG:广州华南机电有限公司;采购部") && lines.contains("TEL;TYPE=cell,voice;VALUE=text:139 2222 3333"))
        #expect(lines.contains("BDAY:19900506") && lines.contains("GENDER:F"))
        #expect(lines.contains { $0.hasPrefix("NOTE:喜欢喝茶\\, 周三下午在厂\\; 说话直接\\n第二行 \"引号\"很长的备注") })
    }

    /// Every card read as RFC 6350 says a reader must: unfolded lines of `NAME;PARAMS:VALUE`,
    /// BEGIN/VERSION/FN/END, N with its five components (family name first; 欧阳 is one
    /// family name), a UID the same in every export.
    @Test func vCardsFollowRFC6350() throws {
        let people: [(name: String, family: String, given: String)] = [("李娜", "李", "娜"), ("欧阳娜娜", "欧阳", "娜娜"),
                                                                       ("司马光", "司马", "光"), ("David Li", "Li", "David"), ("阿卜杜拉·买买提", "", "阿卜杜拉·买买提")]
        let rows = people.map { person -> [ExportValue] in
            [.text("Aa-粤GZ0001"), .text("广州华南机电有限公司"), .text(person.name), .empty, .text("采购经理"), .text("139 2222 3333"),
             .text("020-8888 6666"), .text("a@example.com"), .empty, .date(LocalDate(year: 1990, month: 5, day: 6)!), .empty, .empty]
        }
        let cards = ExportTable(kind: .contacts, columns: table.columns, rows: rows)
        let text = String(decoding: ExportWriter.data(cards, format: .vcf, words: Strings(.zh).words), as: UTF8.self)
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
        var parsed: [[(name: String, params: [String], value: String)]] = []
        for line in unfolded.components(separatedBy: "\r\n") where !line.isEmpty {
            #expect(line.utf8.count <= 2_000)
            let colon = try #require(line.firstIndex(of: ":"), "no colon: \(line)")
            let head = line[..<colon].split(separator: ";").map(String.init)
            let name = head[0].uppercased()
            #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }, "\(line)")
            if name == "BEGIN" { parsed.append([]) }
            parsed[parsed.count - 1].append((name, Array(head.dropFirst()), String(line[line.index(after: colon)...])))
        }
        #expect(parsed.count == people.count)
        var uids: Set<String> = []
        for (card, person) in zip(parsed, people) {
            #expect(card.first?.name == "BEGIN" && card.first?.value == "VCARD" && card.last?.name == "END")
            #expect(card.filter { $0.name == "VERSION" }.map(\.value) == ["4.0"])
            #expect(card.filter { $0.name == "FN" }.map(\.value) == [person.name])
            let n = try #require(card.first { $0.name == "N" }?.value)
            #expect(n.split(separator: ";", omittingEmptySubsequences: false).count == 5)
            #expect(n == "\(person.family);\(person.given);;;")
            let uid = try #require(card.first { $0.name == "UID" }?.value)
            #expect(uid.hasPrefix("urn:uuid:") && uid.count == 45, "\(uid)")
            uids.insert(uid)
            #expect(card.contains { $0.name == "TEL" && $0.params.contains("TYPE=cell,voice") && $0.value == "139 2222 3333" })
            #expect(card.contains { $0.name == "ORG" && $0.value == "广州华南机电有限公司" })
            #expect(card.contains { $0.name == "BDAY" && $0.value == "19900506" })
        }
        #expect(uids.count == people.count)
        // The same contact has the same UID in the next export.
        let again = String(decoding: ExportWriter.data(cards, format: .vcf, words: Strings(.zh).words), as: UTF8.self)
        #expect(again == text)
    }

    /// A birthday known without its year: `--MM-DD` in a sheet, `--MMDD` in a card.
    @Test func aBirthdayWithoutItsYearIsWrittenAsISOAndVCardSayIt() throws {
        var row = table.rows[0]
        row[9] = .text(LocalDate(year: LocalDate.yearUnknown, month: 3, day: 5)!.birthdayText)
        let yearless = ExportTable(kind: .contacts, columns: table.columns, rows: [row])
        let csv = String(decoding: ExportWriter.data(yearless, format: .csv, words: Strings(.zh).words), as: UTF8.self)
        #expect(csv.contains(",女,--03-05,是,"))
        let card = String(decoding: ExportWriter.data(yearless, format: .vcf, words: Strings(.zh).words), as: UTF8.self)
        #expect(card.contains("BDAY:--0305\r\n"))
    }

    @Test func aWorkbookIsAZipOfDeflatedPartsThatReadsBack() throws {
        var zip = ExportWriter.Package()
        let text = Data(String(repeating: "客户名称,联系电话\r\n", count: 200).utf8)
        zip.add("a.txt", text)
        let data = zip.data
        #expect(Array(data.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        #expect(data.count < text.count / 4, "not compressed: \(data.count) bytes for \(text.count)")
        let archive = try #require(try? Archive(data: data, accessMode: .read))
        var back = Data()
        _ = try archive.extract(try #require(archive["a.txt"])) { back.append($0) }
        #expect(back == text)
    }
}

extension Strings {
    /// As the command line builds it.
    var words: ExportVocabulary {
        let s = self
        return ExportVocabulary(chinese: language == .zh, grade: { s.label($0) }, status: { s.label($0) }, type: { s.label($0) },
                                source: { s.label($0) }, method: { s.label($0) })
    }
}
