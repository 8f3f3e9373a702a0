import Testing
@testable import KehuCore

struct ImportReadingTests {
    /// Birthdays as people know them, often without the year.
    @Test func birthdaysWithAndWithoutTheYear() {
        for raw in ["3月5日", "03-05", "3/5", "--03-05", "--0305", "３月５日", "3月5号"] {
            let day = DateParsing.birthday(raw)
            #expect(day?.isYearUnknown == true && day?.month == 3 && day?.day == 5, "\(raw)")
            #expect(day?.birthdayText == "--03-05")
        }
        #expect(DateParsing.birthday("1988/6/1")?.description == "1988-06-01")
        #expect(DateParsing.birthday("2月29日")?.day == 29)
        #expect(DateParsing.birthday("13月5日") == nil && DateParsing.birthday("下周") == nil && DateParsing.birthday("2026") == nil)
        let row = HistoryImportRow(kind: .contacts, line: 2, fields: ["广州华南机电", "李娜", "3月5日"], headers: ["单位名称", "姓名", "生日"])
        #expect(row.problems.isEmpty && row.contact?.birthday?.birthdayText == "--03-05")
    }

    @Test func valuesAsOfficesWriteThem() {
        for (raw, expected) in [("2026/3/5", "2026-03-05"), ("2026-03-05", "2026-03-05"), ("2026年3月5日", "2026-03-05"),
                                ("45717", "2025-03-01"), ("２０２６／３／５", "2026-03-05"), ("2026-03-05 14:30", "2026-03-05")] {
            #expect(ImportValues.date(raw)?.description == expected, "\(raw)")
        }
        #expect(ImportValues.date("明天") == nil && ImportValues.date("2026/13/1") == nil)
        #expect(ImportValues.grade("VIP") == .vip && ImportValues.grade(" 重点客户 ") == .key && ImportValues.grade("") == .general)
        #expect(ImportValues.grade("潜在VIP") == .potentialVIP && ImportValues.grade("Z") == nil)
        #expect(ImportValues.status("合作") == .cooperating && ImportValues.status("d") == .invalid && ImportValues.status("?") == nil)
        #expect(ImportValues.source("展会") == .exhibition && ImportValues.source("") == .other)
    }

    @Test func aRowSaysWhichColumnIsWrong() throws {
        let headers = ["客户名称", "Phone", "城市", "客户等级", "联系人", "手机"]
        let now = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 9, minute: 0)!
        let good = CustomerImportRow(line: 2, fields: ["长沙重工", "0731-8888 9999", "长沙市", "B", "刘强", "１３９００００１１１１"],
                                     headers: headers, mapping: .standard, now: now)
        #expect(good.problems.isEmpty && good.city?.initials == "CS" && good.customer.grade == .key)
        #expect(good.contact?.mobile == "139 0000 1111" && good.customer.phone == "0731-8888 9999")
        let bad = CustomerImportRow(line: 3, fields: ["", "12", "火星", "Z", "", ""], headers: headers, mapping: .standard, now: now)
        // Columns named by header and letter, as the spreadsheet shows them.
        #expect(bad.problems == [.missing(column: "客户名称 (A)"), .unreadable(column: "Phone (B)", value: "12"),
                                 .unreadable(column: "客户等级 (D)", value: "Z"), .unknownCity(column: "城市 (C)", value: "火星")])
        let mapped = try ImportMapping.standard.adding(mappingFile: "# ours\n往来单位 = name\n所在城市 = city\n")
        #expect(CustomerImportRow(line: 2, fields: ["佛山五金", "佛山"], headers: ["往来单位", "所在城市"], mapping: mapped, now: now).problems.isEmpty)
        #expect(throws: ImportMapping.Problem.badLine(line: 2, text: "往来单位 = company")) {
            try ImportMapping.standard.adding(mappingFile: "\n往来单位 = company\n")
        }
    }
}

/// The quick answers an import's hot path gives, checked against the slow ones they replace.
struct ImportQuickAnswerTests {
    /// White space told from the value alone is Unicode's White_Space, for every scalar.
    @Test func whiteSpaceAsUnicodeSaysIt() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isSpace != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16)): \(scalar.isSpace)")
            }
        }
    }

    /// Each field's slot is its place among the cases.
    @Test func slotsAreTheCasesPlaces() {
        #expect(ImportField.allCases.map(\.slot) == Array(ImportField.allCases.indices))
    }
}
