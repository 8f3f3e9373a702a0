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
        folded(raw) { !$0.isSpace }
    }

    /// Half-width and lower case, keeping the scalars `keep` accepts (scalar by scalar:
    /// as quick for a hundred thousand names as for one).
    private static func folded(_ raw: String, keep: (Unicode.Scalar) -> Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in Normalization.halfWidth(raw).unicodeScalars where keep(scalar) {
            if scalar.isASCII {
                out.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else if (0x3000...0x9FFF).contains(scalar.value) || scalar.value >= 0x20000 {
                // Chinese characters and their punctuation have no case (most of a name).
                out.append(scalar)
            } else if scalar.properties.changesWhenLowercased {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A name reduced for comparison: half-width, no spaces or dots, lower case, without
    /// a trailing company-form suffix.
    public static func name(_ raw: String) -> String {
        var text = folded(raw) { !$0.isSpace && $0 != "·" && $0 != "." }.unicodeScalars
        for suffix in companySuffixes where text.count > suffix.unicodeScalars.count + 1 && text.reversed().starts(with: suffix.unicodeScalars.reversed()) {
            text.removeLast(suffix.unicodeScalars.count)
            break
        }
        return String(text)
    }
}
