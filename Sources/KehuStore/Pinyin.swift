import Foundation
import KehuCore
import Synchronization

/// Pinyin of a name for search: the full reading without tones or spaces
/// ("guangzhouhuanan…") and its initials ("gzhn…"). Characters are read one at a time:
/// from `PinyinTable` (U+3400–U+9FFF, nearly every name), else through Foundation's
/// Mandarin transliteration and remembered. A city at the start of a name is read as the
/// city is said (长沙 chang-sha, not zhang-sha; 重庆 chong-qing), from the city table's
/// initials.
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

    /// The same cities by their first scalar, each name as scalars and its initials as
    /// lower-case letters: for names made of whole-character scalars (nearly all), which
    /// are read without building a character.
    private static let placesByFirstScalar: [UInt32: [(name: [UInt32], initials: [UInt8])]] =
        citiesByFirstCharacter.reduce(into: [:]) { places, entry in
            guard let first = entry.key.unicodeScalars.first?.value else { return }
            places[first] = entry.value.map { city in
                (city.name.unicodeScalars.map(\.value), Array(city.initials.lowercased().utf8))
            }
        }

    /// `placeReadings` by scalar (each is one).
    private static let placeReadingsByScalar: [UInt32: String] =
        Dictionary(uniqueKeysWithValues: placeReadings.map { ($0.key.unicodeScalars.first!.value, $0.value) })

    static func keys(_ text: String) -> (full: String, initials: String) {
        // Names of Chinese characters, Latin letters and digits (nearly all): one scalar is
        // one character, read straight from the scalars, the readings written as bytes.
        if text.unicodeScalars.allSatisfy(isWholeCharacter) { return scalarKeys(text) }
        var full = "", initials = ""
        let city = text.first.flatMap { citiesByFirstCharacter[$0] }?.filter { text.hasPrefix($0.name) }.max { $0.name.count < $1.name.count }
        let cityInitials = city.map { Array($0.initials.lowercased()) } ?? []
        for (index, character) in text.enumerated() {
            var reading = self.reading(character)
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

    /// `keys` of a text whose every scalar is a whole character.
    private static func scalarKeys(_ text: String) -> (full: String, initials: String) {
        let scalars = text.unicodeScalars
        var cityInitials: [UInt8] = []
        if let first = scalars.first?.value, let places = placesByFirstScalar[first] {
            // The longest city name the text starts with (the first of equals).
            var longest = 0
            for place in places where place.name.count > longest && scalars.starts(with: place.name, by: { $0.value == $1 }) {
                longest = place.name.count
                cityInitials = place.initials
            }
        }
        var full: [UInt8] = [], initials: [UInt8] = []
        full.reserveCapacity(text.utf8.count * 2)
        initials.reserveCapacity(text.utf8.count / 2)
        var index = 0
        for scalar in scalars {
            defer { index += 1 }
            if scalar.isASCII {
                switch scalar {
                case "A"..."Z":
                    let lower = UInt8(scalar.value + 32)
                    full.append(lower); initials.append(lower)
                case "a"..."z", "0"..."9":
                    full.append(UInt8(scalar.value)); initials.append(UInt8(scalar.value))
                default: break
                }
                continue
            }
            let wanted = index < cityInitials.count ? cityInitials[index] : nil
            if let range = TableBytes.range(of: scalar), let first = TableBytes.bytes[range].first {
                if let wanted, first != wanted, let place = placeReadingsByScalar[scalar.value], place.utf8.first == wanted {
                    full.append(contentsOf: place.utf8); initials.append(wanted)
                } else {
                    full.append(contentsOf: TableBytes.bytes[range]); initials.append(first)
                }
                continue
            }
            // Outside the table (or a character it has no reading for).
            var reading = self.reading(scalar)
            if let wanted, reading.utf8.first != wanted, let place = placeReadingsByScalar[scalar.value], place.utf8.first == wanted {
                reading = place
            }
            guard let first = reading.utf8.first else { continue }
            full.append(contentsOf: reading.utf8)
            initials.append(first)
        }
        return (String(decoding: full, as: UTF8.self), String(decoding: initials, as: UTF8.self))
    }

    /// The table's readings as one run of bytes, and where each one starts (one more than
    /// there are readings, so that each ends where the next starts).
    private enum TableBytes {
        static let (bytes, starts): ([UInt8], [Int32]) = {
            var bytes: [UInt8] = [], starts: [Int32] = []
            starts.reserveCapacity(PinyinTable.readings.count + 1)
            for reading in PinyinTable.readings {
                starts.append(Int32(bytes.count))
                bytes.append(contentsOf: reading.utf8)
            }
            starts.append(Int32(bytes.count))
            return (bytes, starts)
        }()

        static func range(of scalar: Unicode.Scalar) -> Range<Int>? {
            guard (PinyinTable.first...PinyinTable.last).contains(scalar.value) else { return nil }
            let index = Int(scalar.value - PinyinTable.first)
            return Int(starts[index])..<Int(starts[index + 1])
        }
    }

    /// A scalar that is a character of its own: ASCII, or a Chinese character (no accent or
    /// joiner can follow one to make a longer character).
    private static func isWholeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 || (0x3400...0x9FFF).contains(scalar.value) || (0x20000...0x2FFFF).contains(scalar.value)
    }

    private static let scalarCache = Mutex<[UInt32: String]>([:])

    /// The table's reading of a scalar it holds, nil for any other.
    private static func tabled(_ scalar: Unicode.Scalar) -> String? {
        guard (PinyinTable.first...PinyinTable.last).contains(scalar.value) else { return nil }
        return PinyinTable.readings[Int(scalar.value - PinyinTable.first)]
    }

    /// Reads, in one go, every Chinese character of `texts` that neither the table holds nor
    /// was read before: Foundation makes a new transliterator for each call, which costs far
    /// more than the reading, so a sheet's batch of names is read in one call rather than
    /// one call per new character.
    /// - Returns: how many characters it learnt.
    @discardableResult
    static func learn<Texts: Sequence<String>>(_ texts: Texts) -> Int {
        var unknown: [Unicode.Scalar] = []
        var seen = Set<UInt32>()
        for text in texts {
            for scalar in text.unicodeScalars where !scalar.isASCII && isWholeCharacter(scalar) && tabled(scalar) == nil {
                if seen.insert(scalar.value).inserted { unknown.append(scalar) }
            }
        }
        guard !unknown.isEmpty else { return 0 }
        scalarCache.withLock { known in unknown.removeAll { known[$0.value] != nil } }
        guard unknown.count > 1 else { return 0 }
        // One character per word: Han-Latin reads each alone, as `reading` does.
        var spaced = String.UnicodeScalarView()
        for scalar in unknown { spaced.append(scalar); spaced.append(" ") }
        let words = latin(String(spaced)).split(whereSeparator: { $0 == " " })
        // Anything but one word per character (a character Han-Latin leaves as it is, say)
        // is left to be read one at a time.
        guard words.count == unknown.count else { return 0 }
        let readings = words.map { letters(String($0)) }
        scalarCache.withLock { known in
            for (scalar, letters) in zip(unknown, readings) { known[scalar.value] = letters }
        }
        return unknown.count
    }

    /// `reading(_: Character)` for a scalar that is a whole character.
    private static func reading(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII {
            switch scalar {
            case "A"..."Z": return String(Unicode.Scalar(scalar.value + 32)!)
            case "a"..."z", "0"..."9": return String(scalar)
            default: return ""
            }
        }
        if let tabled = tabled(scalar) { return tabled }
        if let known = scalarCache.withLock({ $0[scalar.value] }) { return known }
        let letters = reading(Character(scalar))
        scalarCache.withLock { $0[scalar.value] = letters }
        return letters
    }

    /// One character's reading in lower case: pinyin for Chinese, the character itself for
    /// Latin letters and digits, nothing for punctuation and spaces.
    static func reading(_ character: Character) -> String {
        guard let scalar = character.unicodeScalars.first else { return "" }
        if scalar.isASCII {
            return character.isLetter || character.isNumber ? character.lowercased() : ""
        }
        guard (0x3400...0x9FFF).contains(scalar.value) || (0x20000...0x2FFFF).contains(scalar.value) else { return "" }
        if character.unicodeScalars.count == 1, let tabled = tabled(scalar) { return tabled }
        if let known = cache.withLock({ $0[character] }) { return known }
        let reading = letters(latin(String(character)))
        cache.withLock { $0[character] = reading }
        return reading
    }

    /// Chinese text in Latin letters without tones, lower case (one syllable a character).
    private static func latin(_ text: String) -> String {
        text.applyingTransform(.mandarinToLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false)?.lowercased() ?? ""
    }

    /// Only the letters a to z of a reading.
    private static func letters(_ reading: String) -> String {
        String(reading.unicodeScalars.filter { $0.isASCII && CharacterSet.lowercaseLetters.contains($0) })
    }
}
