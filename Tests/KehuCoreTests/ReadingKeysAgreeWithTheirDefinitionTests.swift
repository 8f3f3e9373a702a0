import Testing
@testable import KehuCore

/// The readings an import makes of every row (phone numbers, dates, duplicate keys, a
/// moment's text) are written byte by byte for speed. Each must say exactly what its plain
/// definition — the code it replaced, kept here — says, for text of every kind: Chinese,
/// full-width forms, letters with and without case (some that lower-case to two scalars),
/// marks, spaces of several kinds, separators and the words numbers and dates are written with.
struct ReadingKeysAgreeWithTheirDefinitionTests {
    /// Scalars and pieces that meet the readings' every branch.
    static let pieces: [String] = [
        "0", "1", "2", "3", "5", "8", "9", "86", "+", "-", "/", ".", "(", ")", "#", "x", "X", "转", " ", "\u{3000}", "\t",
        "年", "月", "日", "号", "１", "３", "（", "）", "－", "Ａ", "ｂ", "a", "Z", "q", "广", "州", "华", "南", "有限公司",
        "股份有限公司", "公司", "厂", "商行", "·", "é", "E\u{301}", "İ", "Σ", "ß", "Ⅻ", "ﬁ", "\u{200B}", "😀", "\u{20000}",
        "\u{3400}", "〇", "、", "々", "\u{A0}", "\r\n", "@", "_",
    ]

    /// What numbers are written with, digits most of all.
    static let numberPieces = Array(repeating: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], count: 6).flatMap { $0 }
        + ["0", "1", "86", "400", "800", " ", "-", "+", "(", ")", "#", "转", "x", "１", "（", "）", ".", "a", "\u{3000}"]

    /// Texts made of up to `most` pieces each, the same every run.
    static func texts(_ count: Int, seed: UInt64, of pieces: [String] = pieces, most: Int = 8) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in (0..<(next() % (most + 1))).map { _ in pieces[next() % pieces.count] }.joined() }
    }

    /// Numbers as people write them, and any text at all.
    static let numberTexts = texts(2_000, seed: 1) + texts(6_000, seed: 5, of: numberPieces, most: 14) + ["13800138000", "+86 138 0013 8000", "8613800138000", "020-8888 6666 转 123",
        "(020) 8888-6666#12", "400 800 1234", "8888666", "１３８００１３８０００", "0755-1234567x", "+1 555 0100", "020-8888 6666 转",
        "86020888866660", "+86 020 8888 6666", "138-0013-8000 ", " 13800138000", "0755 12345678 #1234567"]

    @Test func phoneNumbers() {
        var numbers = 0
        for text in Self.numberTexts {
            let read = PhoneNumber(text)
            let defined = DefinedReadings.phone(text)
            #expect(read?.digits == defined?.digits && read?.extensionDigits == defined?.extension, "\(text.debugDescription)")
            guard let read else { continue }
            numbers += 1
            #expect(read.description == DefinedReadings.phoneDescription(read.digits, read.extensionDigits))
            #expect(read.isMainlandMobile == (read.digits.count == 11 && read.digits.hasPrefix("1")))
        }
        #expect(numbers > 100, "enough of the texts are numbers to compare")
    }

    @Test func dates() {
        let dated = ["2025/1/1", "2025-01-01", "2025.1.31", "2025年3月5日", "02025-1-1", "999-1-1", "10000-1-1", "2025-2-30",
                     "2025/1/1/", "/2025/1/1", "2025//1", "２０２５年１月１日", " 2025-01-01 ", "2025-1-1\u{301}",
                     "99999999999999999999-1-1", "2025-13-1", "2025-1-1 10:00"]
        for text in dated + Self.texts(4_000, seed: 2) {
            #expect(DateParsing.date(text) == DefinedReadings.date(text), "\(text.debugDescription)")
        }
    }

    @Test func duplicateKeys() {
        let names = ["广州华南机电有限公司", "广州华南机电", "ABC Trading Co.", "Ａｂｃ·公司", "X公司", "有限公司", "İstanbul 有限公司",
                     "Σοφία厂", "ﬁne商行", " 广 州 ", "E\u{301}cole股份有限公司"]
        for text in names + Self.texts(6_000, seed: 3) {
            #expect(DuplicateKeys.name(text) == DefinedReadings.name(text), "\(text.debugDescription)")
            #expect(DuplicateKeys.exactName(text) == DefinedReadings.exactName(text), "\(text.debugDescription)")
            #expect(Normalization.halfWidth(text) == DefinedReadings.halfWidth(text), "\(text.debugDescription)")
        }
    }

    @Test func momentsAsText() {
        for year in [1, 9, 10, 999, 1000, 2026, 9999] {
            for (month, day) in [(1, 1), (2, 28), (12, 31), (10, 9)] {
                let date = LocalDate(year: year, month: month, day: day)!
                #expect(date.description == "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))")
                for (hour, minute) in [(0, 0), (9, 5), (23, 59), (12, 30)] {
                    #expect(LocalDateTime(date: date, hour: hour, minute: minute)!.description == "\(date) \(pad(hour, 2)):\(pad(minute, 2))")
                }
            }
        }
    }
}

/// The readings as first written, scalar by scalar and character by character.
private enum DefinedReadings {
    static func halfWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func phone(_ raw: String) -> (digits: String, extension: String)? {
        let text = halfWidth(raw).trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        var main = "", ext = "", inExtension = false, sawPlus = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                if inExtension { ext.unicodeScalars.append(scalar) } else { main.unicodeScalars.append(scalar) }
            case " ", "-", "(", ")", "（", "）", ".":
                continue
            case "+" where main.isEmpty && !sawPlus:
                sawPlus = true
            case "#", "转", "x", "X":
                guard !main.isEmpty, !inExtension else { return nil }
                inExtension = true
            default:
                return nil
            }
        }
        if sawPlus || (main.hasPrefix("86") && main.count == 13) {
            guard main.hasPrefix("86") else { return nil }
            main.removeFirst(2)
        }
        let valid: Bool
        if main.hasPrefix("1") { valid = main.count == 11 }
        else if main.hasPrefix("0") { valid = (10...12).contains(main.count) }
        else if main.hasPrefix("400") || main.hasPrefix("800") { valid = main.count == 10 }
        else { valid = (7...8).contains(main.count) }
        guard valid, ext.count <= 6, !(inExtension && ext.isEmpty) else { return nil }
        return (main, ext)
    }

    static func phoneDescription(_ digits: String, _ extensionDigits: String) -> String {
        let d = Array(digits.utf8)
        func text(_ part: ArraySlice<UInt8>) -> String { String(decoding: part, as: UTF8.self) }
        var out: String
        if digits.count == 11 && digits.hasPrefix("1") {
            out = text(d[0..<3]) + " " + text(d[3..<7]) + " " + text(d[7...])
        } else if digits.hasPrefix("0") {
            let areaLength = min(digits.hasPrefix("01") || digits.hasPrefix("02") ? 3 : 4, d.count)
            let local = d[areaLength...]
            let split = local.count > 4 ? local.count - 4 : local.count
            let cut = local.startIndex + split
            out = text(d[..<areaLength]) + "-" + text(local[..<cut]) + (cut < local.endIndex ? " " + text(local[cut...]) : "")
        } else {
            out = digits
        }
        if !extensionDigits.isEmpty { out += " 转" + extensionDigits }
        return out
    }

    static func date(_ raw: String) -> LocalDate? {
        let text = halfWidth(raw).trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        var parts: [Int] = []
        var current = ""
        for ch in text {
            if ch.isASCII, ch.isNumber {
                current.append(ch)
            } else if "-/.年月日".contains(ch) {
                guard !current.isEmpty, let n = Int(current) else { return nil }
                parts.append(n); current = ""
            } else {
                return nil
            }
        }
        if !current.isEmpty {
            guard let n = Int(current) else { return nil }
            parts.append(n)
        }
        guard parts.count == 3, String(parts[0]).count == 4 else { return nil }
        return LocalDate(year: parts[0], month: parts[1], day: parts[2])
    }

    static func exactName(_ raw: String) -> String { folded(raw) { !$0.isSpace } }

    static func name(_ raw: String) -> String {
        var text = folded(raw) { !$0.isSpace && $0 != "·" && $0 != "." }.unicodeScalars
        for suffix in DuplicateKeys.companySuffixes where text.count > suffix.unicodeScalars.count + 1
            && text.reversed().starts(with: suffix.unicodeScalars.reversed()) {
            text.removeLast(suffix.unicodeScalars.count)
            break
        }
        return String(text)
    }

    private static func folded(_ raw: String, keep: (Unicode.Scalar) -> Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in halfWidth(raw).unicodeScalars where keep(scalar) {
            if scalar.isASCII {
                out.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else if scalar.properties.changesWhenLowercased {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
