/// Chinese input methods often type full-width forms (１３８, －, ＠); kehu stores the
/// plain ASCII forms so search and validation see one spelling.
public enum Normalization {
    /// Full-width ASCII variants (U+FF01…U+FF5E) and the ideographic space to ASCII.
    public static func halfWidth(_ text: String) -> String {
        // Most text has none (U+FF01…U+FF5E are EF BC 81…EF BD 9E in UTF-8, U+3000 is
        // E3 80 80): looked for in the bytes first, and the text returned as it is.
        guard hasFullWidth(text) else { return text }
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

    private static func hasFullWidth(_ text: String) -> Bool {
        // Read in place when the string's bytes lie together (a native string's always do).
        if let found = text.utf8.withContiguousStorageIfAvailable(hasFullWidth) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(hasFullWidth)
    }

    private static func hasFullWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Only a byte that starts one of those characters (EF or E3) is looked at further.
        var index = 0
        while index + 2 < bytes.count {
            let byte = bytes[index]
            if byte == 0xEF, bytes[index + 1] == 0xBC || bytes[index + 1] == 0xBD { return true }
            if byte == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return true }
            index += 1
        }
        return false
    }
}

extension String {
    /// Trims spaces, tabs and newlines, including the ideographic space.
    public func trimmingWhitespace() -> String {
        // Nothing to trim (most cells): said from the first and last scalars, when the last
        // cannot be the tail of a character that starts with a space.
        if let first = unicodeScalars.first, !first.isSpace, let last = unicodeScalars.last, !last.isSpace,
           last.value < 0x300 || (0x3400...0x9FFF).contains(last.value) {
            return self
        }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension String {
    /// Nothing but white space (or nothing at all): an empty cell.
    public var isBlank: Bool { unicodeScalars.allSatisfy { $0.isSpace } }
}

extension Unicode.Scalar {
    /// White space as `Character.isWhitespace` sees it (Unicode's White_Space property),
    /// told from the value alone: the property's lookup cost more than the rest of reading
    /// a cell when a sheet has a hundred thousand rows.
    var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
