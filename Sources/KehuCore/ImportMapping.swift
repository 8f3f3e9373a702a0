/// Which column of an Excel sheet is which customer field: headers in Chinese or English
/// as offices write them, or a company's own names from a mapping file.
public enum ImportField: String, CaseIterable, Sendable {
    case code, name, phone, fax, address, postalCode, website, email, industry, province, city, grade, status, source
    case contactName, contactMobile, contactPosition, notes, createdOn
}

public struct ImportMapping: Sendable {
    /// Header (normalised: lower case, no spaces) → field.
    public private(set) var names: [String: ImportField]

    public static let standard = ImportMapping(names: [
        "客户编码": .code, "客户代码": .code, "编码": .code, "code": .code,
        "单位名称": .name, "客户名称": .name, "公司名称": .name, "名称": .name, "name": .name, "company": .name, "customer": .name,
        "电话": .phone, "联系电话": .phone, "固定电话": .phone, "phone": .phone, "tel": .phone, "telephone": .phone,
        "传真": .fax, "fax": .fax, "地址": .address, "address": .address, "邮编": .postalCode, "邮政编码": .postalCode,
        "postalcode": .postalCode, "zip": .postalCode, "网址": .website, "website": .website, "邮箱": .email, "电子邮件": .email,
        "email": .email, "行业": .industry, "industry": .industry, "省份": .province, "省": .province, "province": .province,
        "城市": .city, "市": .city, "地市": .city, "city": .city, "客户等级": .grade, "等级": .grade, "grade": .grade,
        "客户状态": .status, "合作状态": .status, "状态": .status, "status": .status, "客户来源": .source, "来源": .source,
        "source": .source, "联系人": .contactName, "contact": .contactName, "手机": .contactMobile, "联系人手机": .contactMobile,
        "mobile": .contactMobile, "职务": .contactPosition, "position": .contactPosition, "title": .contactPosition,
        "备注": .notes, "notes": .notes, "note": .notes, "建档日期": .createdOn, "建档时间": .createdOn, "日期": .createdOn,
        "created": .createdOn, "date": .createdOn,
    ])

    public init(names: [String: ImportField]) { self.names = names }

    static func key(_ header: String) -> String {
        String(Normalization.halfWidth(header).lowercased().filter { !$0.isWhitespace && $0 != "\u{FEFF}" && $0 != "*" })
    }

    public func field(for header: String) -> ImportField? { names[Self.key(header)] }

    public enum Problem: Error, Hashable, Sendable {
        /// A mapping line that is not `header = field`, or names no field kehu knows.
        case badLine(line: Int, text: String)
    }

    /// A company's own headers, one per line: `往来单位 = name` (a field name above);
    /// `#` starts a comment. Added to the standard names.
    public func adding(mappingFile text: String) throws -> ImportMapping {
        var copy = self
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?.trimmingWhitespace() ?? ""
            if line.isEmpty { continue }
            let halves = line.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard halves.count == 2, !halves[0].isEmpty, let field = ImportField(rawValue: halves[1]) else {
                throw Problem.badLine(line: index + 1, text: line)
            }
            copy.names[Self.key(halves[0])] = field
        }
        return copy
    }
}

/// Values as Excel sheets hold them, read into the archive's terms.
public enum ImportValues {
    public static func grade(_ raw: String) -> CustomerGrade? {
        let text = Normalization.halfWidth(raw).trimmingWhitespace().lowercased().replacingAll(" ", with: "")
        switch text {
        case "", "c", "一般", "一般客户", "general": return .general
        case "a", "vip", "avip", "vip客户", "正式vip": return .vip
        case "b", "重点", "重点客户", "key", "正式重点": return .key
        case "i", "形象", "形象客户", "image": return .image
        case "潜在vip", "potentialvip", "a*": return .potentialVIP
        case "潜在重点", "potentialkey", "b*": return .potentialKey
        default: return nil
        }
    }

    public static func status(_ raw: String) -> CustomerStatus? {
        let text = Normalization.halfWidth(raw).trimmingWhitespace().lowercased().replacingAll(" ", with: "")
        switch text {
        case "", "b", "潜在", "潜在客户", "potential": return .potential
        case "a", "合作", "合作客户", "cooperating": return .cooperating
        case "c", "流失", "流失客户", "lost": return .lost
        case "d", "无效", "无效客户", "invalid": return .invalid
        default: return nil
        }
    }

    public static func source(_ raw: String) -> CustomerSource? {
        let text = Normalization.halfWidth(raw).trimmingWhitespace().lowercased()
        if text.isEmpty { return .other }
        let names: [String: CustomerSource] = ["电话销售": .phoneSales, "电话": .phoneSales, "来电": .phoneSales, "上门拜访": .onSiteVisit,
                                               "拜访": .onSiteVisit, "自动上门": .walkIn, "来店": .walkIn, "展览会": .exhibition, "展会": .exhibition,
                                               "网络": .internet, "互联网": .internet, "internet": .internet, "转介绍": .referral,
                                               "介绍": .referral, "referral": .referral, "其他": .other, "other": .other]
        return names[text] ?? CustomerSource(rawValue: text)
    }

    /// A date as offices write it, or an Excel serial day number (45717 is 2025-03-01).
    public static func date(_ raw: String) -> LocalDate? {
        let text = Normalization.halfWidth(raw).trimmingWhitespace()
        if let date = DateParsing.date(String(text.split(separator: " ").first ?? "")) { return date }
        if let serial = Double(text), serial >= 1, serial < 2_958_466 {
            return LocalDate(year: 1899, month: 12, day: 30)!.adding(days: Int(serial))
        }
        return nil
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
