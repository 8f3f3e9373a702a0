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
        Normalization.halfWidth(raw).lowercased().filter { !$0.isWhitespace }
    }

    /// A name reduced for comparison: half-width, no spaces or dots, lower case, without
    /// a trailing company-form suffix.
    public static func name(_ raw: String) -> String {
        var text = Normalization.halfWidth(raw).lowercased().filter { !$0.isWhitespace && $0 != "·" && $0 != "." }
        for suffix in companySuffixes where text.hasSuffix(suffix) && text.count > suffix.count + 1 {
            text.removeLast(suffix.count)
            break
        }
        return text
    }
}
