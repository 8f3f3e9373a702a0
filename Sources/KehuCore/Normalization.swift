/// Chinese input methods often type full-width forms (１３８, －, ＠); kehu stores the
/// plain ASCII forms so search and validation see one spelling.
public enum Normalization {
    /// Full-width ASCII variants (U+FF01…U+FF5E) and the ideographic space to ASCII.
    public static func halfWidth(_ text: String) -> String {
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
}

extension String {
    /// Trims spaces, tabs and newlines, including the ideographic space.
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
