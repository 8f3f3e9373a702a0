import Testing
import KehuCore
@testable import KehuStore

/// A customer's pinyin keys and search lines are written as bytes for speed (an import
/// makes them for every row). They must be exactly what their plain definition — the code
/// they replaced, kept here — makes of any name: Chinese (city names with their own
/// readings first), Latin letters either case, full-width forms, digits, punctuation, marks,
/// characters beyond the table, letters with case outside ASCII.
struct SearchKeysAgreeWithTheirDefinitionTests {
    static let pieces: [String] = [
        "长沙", "重庆", "厦门", "六安", "蚌埠", "长", "重", "广州", "华南", "机电", "有限公司", "乐山", "大连", "呼和浩特", "A", "b", "Z",
        "7", "0", " ", "\u{3000}", "·", "-", "|", "(", "Ａ", "ｃ", "１", "é", "E\u{301}", "İ", "Σ", "\u{20000}", "\u{2A6D6}", "〇",
        "々", "😀", "\u{3400}", "\u{9FFF}", "ㄅ", "カ", "한", "Ⅻ", "ß",
    ]

    static func names(_ count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in (0..<(1 + next() % 6)).map { _ in pieces[next() % pieces.count] }.joined() }
    }

    @Test func pinyinKeys() {
        for name in Self.names(3_000, seed: 7) + ["长沙华南机电", "重庆重工", "厦门大厦", "六安六安", "ABC公司", "长"] {
            let keys = Pinyin.keys(name), defined = DefinedKeys.pinyin(name)
            #expect(keys.full == defined.full && keys.initials == defined.initials, "\(name.debugDescription)")
        }
    }

    @Test func searchLines() {
        let names = Self.names(3_000, seed: 11)
        for (index, name) in names.enumerated() {
            let other = names[(index * 7 + 3) % names.count]
            let contacts: [(name: String?, mobile: String?, phone: String?)] =
                index % 3 == 0 ? [] : [(other, "13900000000", nil), (index % 2 == 0 ? nil : "", nil, "02088886666")]
            let products = index % 4 == 0 ? [] : [other, "CK6150", "Ｘ-2", ""]
            let city: String? = index % 5 == 0 ? nil : "广州"
            let lines = SearchText.compose(name: name, city: city, province: index % 2 == 0 ? "" : "广东", phoneDigits: index % 6 == 0 ? nil : "0208888",
                                           contacts: contacts, products: products)
            let defined = DefinedKeys.lines(name: name, city: city, province: index % 2 == 0 ? "" : "广东",
                                            phoneDigits: index % 6 == 0 ? nil : "0208888", contacts: contacts, products: products)
            #expect(lines == defined, "\(name.debugDescription)")
        }
        for text in names { #expect(SearchText.spaced(text) == DefinedKeys.spaced(text), "\(text.debugDescription)") }
    }

    /// Lower-casing leaves Chinese, its punctuation and kana (U+3000–U+9FFF) and every
    /// scalar from U+20000 as they are, as the lines' writer counts on.
    @Test func scalarsTakenAsCaselessHaveNoCase() {
        let claimed = Array(0x3000...0x9FFF) + Array(0x20000...0x10FFFF)
        let cased = claimed.compactMap(Unicode.Scalar.init).filter { SearchText.hasNoCase($0) && String($0).lowercased() != String($0) }
        #expect(cased.isEmpty, "\(cased.prefix(5).map { String($0.value, radix: 16) })")
    }
}

/// The keys and lines as first written, with strings joined and lower-cased whole.
private enum DefinedKeys {
    static let cities: [Character: [CityDirectory.City]] =
        Dictionary(grouping: CityDirectory.entries.filter { !$0.isAbroad && $0.prefecture == nil }, by: { $0.name.first! })
    static let placeReadings: [Character: String] = [
        "长": "chang", "重": "chong", "厦": "xia", "乐": "le", "蚌": "beng", "六": "lu", "亳": "bo", "丽": "li",
        "朝": "chao", "宿": "su", "台": "tai", "儋": "dan", "濮": "pu", "漯": "luo", "莆": "pu", "省": "sheng",
        "都": "du", "兴": "xing", "单": "shan", "阿": "a", "大": "da", "和": "he", "曲": "qu", "尔": "er",
    ]

    static func pinyin(_ text: String) -> (full: String, initials: String) {
        var full = "", initials = ""
        let city = text.first.flatMap { cities[$0] }?.filter { text.hasPrefix($0.name) }.max { $0.name.count < $1.name.count }
        let cityInitials = city.map { Array($0.initials.lowercased()) } ?? []
        for (index, character) in text.enumerated() {
            var reading = Pinyin.reading(character)
            if index < cityInitials.count {
                let wanted = cityInitials[index]
                if reading.first != wanted, let place = placeReadings[character], place.first == wanted { reading = place }
            }
            guard let first = reading.first else { continue }
            full += reading
            initials.append(first)
        }
        return (full, initials)
    }

    static func line(_ parts: [String?]) -> String { "|" + parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "|") + "|" }

    static func spaced(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasWord = false
        for scalar in text.unicodeScalars where scalar != " " {
            let word = ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
            if !out.isEmpty, !(word && lastWasWord) { out.append(" ") }
            out.append(scalar)
            lastWasWord = word
        }
        return String(out)
    }

    static func lines(name: String, city: String?, province: String?, phoneDigits: String?,
                      contacts: [(name: String?, mobile: String?, phone: String?)], products: [String]) -> SearchText.Lines {
        let (full, initials) = pinyin(name)
        let models = products.map { Normalization.halfWidth($0).lowercased() }.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }
        let latin = line([full, initials] + contacts.compactMap(\.name).flatMap { name -> [String] in
            let keys = pinyin(name)
            return [keys.full, keys.initials]
        } + models)
        return SearchText.Lines(
            han: spaced(line([Normalization.halfWidth(name).lowercased(), city, province] + contacts.map { $0.name.map(Normalization.halfWidth) }
                             + products.map { Normalization.halfWidth($0).lowercased() })),
            latin: latin, digits: line([phoneDigits] + contacts.flatMap { [$0.mobile, $0.phone] }), pinyin: full, initials: initials)
    }
}
