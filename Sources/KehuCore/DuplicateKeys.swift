/// How kehu decides that a new lead is someone already in the archive: the same phone
/// number however it is written, or the same name once spacing, width and company
/// suffixes are set aside.
public enum DuplicateKeys {
    /// Digits of a phone number without +86; nil when the text is not a phone number.
    public static func phone(_ raw: String) -> String? {
        PhoneNumber(raw)?.digits
    }

    /// Suffixes that do not tell two companies apart: 广州华南机电 and 广州华南机电有限公司
    /// are the same customer.
    static let companySuffixes = ["股份有限公司", "有限责任公司", "集团有限公司", "科技有限公司", "有限公司", "贸易商行", "公司", "厂", "商行"]

    /// A full name as compared for an exact duplicate: half-width, no spaces, lower case —
    /// the company form kept (X有限公司 and X股份有限公司 may be two companies).
    public static func exactName(_ raw: String) -> String {
        String(decoding: folded(raw, dropsDots: false).bytes, as: UTF8.self)
    }

    /// Half-width, lower case and without spaces (nor dots, when `dropsDots`), written as
    /// UTF-8, scalar by scalar (as quick for a hundred thousand names as for one); and how
    /// many scalars that is.
    private static func folded(_ raw: String, dropsDots: Bool) -> (bytes: [UInt8], scalars: Int) {
        let text = Normalization.halfWidth(raw)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var count = 0
        for scalar in text.unicodeScalars where !scalar.isSpace && !(dropsDots && (scalar == "·" || scalar == ".")) {
            if scalar.isASCII {
                out.append(("A"..."Z").contains(scalar) ? UInt8(scalar.value + 32) : UInt8(scalar.value))
                count += 1
            } else if (0x3000...0x9FFF).contains(scalar.value) || scalar.value >= 0x20000 {
                // Chinese characters and their punctuation have no case (most of a name).
                appendUTF8(scalar, to: &out)
                count += 1
            } else if scalar.properties.changesWhenLowercased {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    appendUTF8(lower, to: &out)
                    count += 1
                }
            } else {
                appendUTF8(scalar, to: &out)
                count += 1
            }
        }
        return (out, count)
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case ..<0x80: out.append(UInt8(value))
        case ..<0x800: out.append(0xC0 | UInt8(value >> 6)); out.append(0x80 | UInt8(value & 0x3F))
        case ..<0x10000:
            out.append(0xE0 | UInt8(value >> 12)); out.append(0x80 | UInt8((value >> 6) & 0x3F)); out.append(0x80 | UInt8(value & 0x3F))
        default:
            out.append(0xF0 | UInt8(value >> 18)); out.append(0x80 | UInt8((value >> 12) & 0x3F))
            out.append(0x80 | UInt8((value >> 6) & 0x3F)); out.append(0x80 | UInt8(value & 0x3F))
        }
    }

    /// The suffixes as UTF-8, with their lengths in scalars.
    private static let suffixBytes: [(bytes: [UInt8], scalars: Int)] = companySuffixes.map { (Array($0.utf8), $0.unicodeScalars.count) }

    /// A name reduced for comparison: half-width, no spaces or dots, lower case, without
    /// a trailing company-form suffix.
    public static func name(_ raw: String) -> String {
        var (text, count) = folded(raw, dropsDots: true)
        // Compared as UTF-8: a suffix's bytes end the text just when its scalars do.
        for suffix in suffixBytes where count > suffix.scalars + 1 && text.count >= suffix.bytes.count
            && text[(text.count - suffix.bytes.count)...].elementsEqual(suffix.bytes) {
            text.removeLast(suffix.bytes.count)
            break
        }
        return String(decoding: text, as: UTF8.self)
    }
}
