import Foundation
import KehuCore
import Synchronization

/// Pinyin of a name for search: the full reading without tones or spaces
/// ("guangzhouhuanan…") and its initials ("gzhn…"). Characters are read one at a time
/// through Foundation's Mandarin transliteration and remembered, so a whole archive is
/// keyed in a few seconds. A city at the start of a name is read as the city is said
/// (长沙 chang-sha, not zhang-sha; 重庆 chong-qing), from the city table's initials.
enum Pinyin {
    private static let cache = Mutex<[Character: String]>([:])

    /// Readings for the polyphonic characters of city names, where the city table's
    /// initials say the usual reading is wrong.
    private static let placeReadings: [Character: String] = [
        "长": "chang", "重": "chong", "厦": "xia", "乐": "le", "蚌": "beng", "六": "lu", "亳": "bo", "丽": "li",
        "朝": "chao", "宿": "su", "台": "tai", "儋": "dan", "濮": "pu", "漯": "luo", "莆": "pu", "省": "sheng",
        "都": "du", "兴": "xing", "单": "shan", "阿": "a", "大": "da", "和": "he", "曲": "qu", "尔": "er",
    ]

    private static let citiesByFirstCharacter: [Character: [CityDirectory.City]] =
        // Cities whose initials are their own (a county-level city's code letters are its
        // prefecture's, not a reading of its name).
        Dictionary(grouping: CityDirectory.entries.filter { !$0.isAbroad && $0.prefecture == nil }, by: { $0.name.first! })

    static func keys(_ text: String) -> (full: String, initials: String) {
        var full = "", initials = ""
        let city = text.first.flatMap { citiesByFirstCharacter[$0] }?.filter { text.hasPrefix($0.name) }.max { $0.name.count < $1.name.count }
        for (index, character) in text.enumerated() {
            var reading = self.reading(character)
            if let city, index < city.name.count {
                let wanted = Array(city.initials.lowercased())[index]
                if reading.first != wanted, let place = placeReadings[character], place.first == wanted { reading = place }
            }
            guard let first = reading.first else { continue }
            full += reading
            initials.append(first)
        }
        return (full, initials)
    }

    /// One character's reading in lower case: pinyin for Chinese, the character itself for
    /// Latin letters and digits, nothing for punctuation and spaces.
    static func reading(_ character: Character) -> String {
        guard let scalar = character.unicodeScalars.first else { return "" }
        if scalar.isASCII {
            return character.isLetter || character.isNumber ? character.lowercased() : ""
        }
        guard (0x3400...0x9FFF).contains(scalar.value) || (0x20000...0x2FFFF).contains(scalar.value) else { return "" }
        if let known = cache.withLock({ $0[character] }) { return known }
        let latin = String(character).applyingTransform(.mandarinToLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false)?.lowercased() ?? ""
        let letters = String(latin.unicodeScalars.filter { $0.isASCII && CharacterSet.lowercaseLetters.contains($0) })
        cache.withLock { $0[character] = letters }
        return letters
    }
}
