/// How many terminal columns text takes: the one width function behind drawing,
/// truncation, alignment and cursor placement. CJK ideographs and full-width forms take
/// two columns, combining marks none. East Asian "ambiguous" characters (…, ·, ★, ─)
/// take one, as tmux and most terminals draw them outside CJK legacy mode.
public enum DisplayWidth {
    /// Ranges of East Asian Wide (W) and Fullwidth (F) code points, sorted.
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
        0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// Columns for one code point: 0, 1 or 2. ASCII and the common CJK ideographs are
    /// answered inline; the rest by `ofRare`, kept out of line: when the Unicode property
    /// tables were in the same function, every call paid for setting them up.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v >= 0x4E00 && v <= 0x9FFF { return 2 }
        return ofRare(scalar)
    }

    @usableFromInline @inline(never)
    static func ofRare(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0xA0 { return 0 }                                  // C1 controls
        // Latin text (no marks below U+0300 but the soft hyphen), then the other CJK
        // ideographs, kana and full-width forms, without the Unicode tables.
        if v < 0x300 { return v == 0xAD ? 0 : 1 }
        if (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xFF01 && v <= 0xFF60) { return 2 }
        if v == 0x200B || v == 0x200D || (0xFE00...0xFE0F).contains(v) { return 0 }   // ZWSP, ZWJ, variation selectors
        // Symbols, arrows, box drawing and CJK punctuation hold no marks or format
        // characters: only the wide ranges decide. Every frame draws its boxes from here.
        if !(0x2100...0x2BFF).contains(v) && !(0x3000...0x3029).contains(v) {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return 0
            default: break
            }
        }
        if v < 0x1100 { return 1 }
        var low = 0, high = wide.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if wide[mid].upperBound < v { low = mid + 1 }
            else if wide[mid].lowerBound > v { high = mid - 1 }
            else { return 2 }
        }
        return 1
    }

    /// Columns for one user-perceived character: its base decides, marks add nothing;
    /// an emoji presentation selector makes it two.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }
            width = max(width, of(scalar))
        }
        return width
    }

    /// The same walk as the `Substring` one below, over the String itself: going through
    /// `text[...]` had every scalar's index validated, a sixth of the time spent measuring.
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            guard standsAlone(scalar) else { return ofCharacters(text[...]) }
            total += of(scalar)
        }
        return total
    }

    public static func of(_ text: Substring) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            guard standsAlone(scalar) else { return ofCharacters(text) }
            total += of(scalar)
        }
        return total
    }

    private static func ofCharacters(_ text: Substring) -> Int {
        var total = 0
        for ch in text { total += of(ch) }
        return total
    }

    /// Whether `scalar` is always a character by itself, neither joining the one before it
    /// nor changing its width: printable Latin, general punctuation and symbols, CJK
    /// ideographs, kana, Hangul syllables and full-width forms — nearly all of what kehu
    /// shows. Text made only of these is measured and drawn scalar by scalar, skipping the
    /// costly search for character boundaries; anything else (marks, joiners, variation
    /// selectors, emoji, controls) takes the character path.
    @inlinable
    public static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Printable ASCII and the CJK ideographs first: nearly every scalar kehu draws.
        if (v >= 0x20 && v <= 0x7E) || (v >= 0x4E00 && v <= 0x9FFF) { return true }
        switch v {
        case 0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2100...0x2BFF, 0x2E80...0x3029,
             0x3030...0x3098, 0x309B...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60, 0xFFE0...0xFFE6: return true
        default: return false
        }
    }

    /// Whether every scalar of `text` stands alone (see `standsAlone`).
    public static func scalarsStandAlone(_ text: Substring) -> Bool {
        text.unicodeScalars.allSatisfy(standsAlone)
    }
}
