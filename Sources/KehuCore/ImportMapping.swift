/// Which column of an Excel sheet is which customer field: headers in Chinese or English
/// as offices write them, or a company's own names from a mapping file.
public enum ImportField: String, CaseIterable, Sendable {
    case code, name, phone, fax, address, postalCode, website, email, industry, province, city, grade, status, source
    case contactName, contactMobile, contactPosition, notes, createdOn
    case type, legalRepresentative, registeredCapital, owner, team
    case mainProducts, yearsInBusiness, businessCondition, creditLevel, supplierStructure, nature, creditLine, invalidReason
    /// A column read past on purpose: what kehu's export derives (区域 from the team,
    /// 最近订单 from the orders), or one a mapping file names `skip` to silence it.
    case skip

    /// The field's place among the cases, told without hashing its name: an imported row
    /// keeps its values in an array by these (a sheet's hundred thousand rows each look up
    /// some twenty fields).
    var slot: Int {
        switch self {
        case .code: 0; case .name: 1; case .phone: 2; case .fax: 3; case .address: 4; case .postalCode: 5; case .website: 6
        case .email: 7; case .industry: 8; case .province: 9; case .city: 10; case .grade: 11; case .status: 12; case .source: 13
        case .contactName: 14; case .contactMobile: 15; case .contactPosition: 16; case .notes: 17; case .createdOn: 18
        case .type: 19; case .legalRepresentative: 20; case .registeredCapital: 21; case .owner: 22; case .team: 23
        case .mainProducts: 24; case .yearsInBusiness: 25; case .businessCondition: 26; case .creditLevel: 27
        case .supplierStructure: 28; case .nature: 29; case .creditLine: 30; case .invalidReason: 31; case .skip: 32
        }
    }
}

public struct ImportMapping: Sendable {
    /// Header (normalised: lower case, no spaces) → field.
    public private(set) var names: [String: ImportField]

    public static let standard = ImportMapping(names: [
        "客户编码": .code, "客户代码": .code, "编码": .code, "code": .code,
        "单位名称": .name, "客户名称": .name, "公司名称": .name, "名称": .name, "name": .name, "company": .name, "customer": .name,
        "电话": .phone, "联系电话": .phone, "固定电话": .phone, "座机": .phone, "办公电话": .phone, "phone": .phone, "tel": .phone, "telephone": .phone,
        "传真": .fax, "fax": .fax, "地址": .address, "详细地址": .address, "公司地址": .address, "address": .address, "邮编": .postalCode, "邮政编码": .postalCode,
        "postalcode": .postalCode, "zip": .postalCode, "网址": .website, "website": .website, "邮箱": .email, "电子邮件": .email,
        "email": .email, "行业": .industry, "industry": .industry, "省份": .province, "省": .province, "province": .province,
        "城市": .city, "市": .city, "地市": .city, "city": .city, "客户等级": .grade, "等级": .grade, "grade": .grade,
        "客户状态": .status, "合作状态": .status, "状态": .status, "status": .status, "客户来源": .source, "来源": .source,
        "source": .source, "联系人": .contactName, "contact": .contactName, "手机": .contactMobile, "联系人手机": .contactMobile,
        "mobile": .contactMobile, "职务": .contactPosition, "position": .contactPosition, "title": .contactPosition,
        "备注": .notes, "notes": .notes, "note": .notes, "建档日期": .createdOn, "建档时间": .createdOn, "日期": .createdOn,
        "created": .createdOn, "date": .createdOn, "createdat": .createdOn,
        "客户类型": .type, "类型": .type, "type": .type, "法人代表": .legalRepresentative, "法人": .legalRepresentative,
        "legalrepresentative": .legalRepresentative, "注册资金(万)": .registeredCapital, "注册资金": .registeredCapital,
        "registeredcapitalwan": .registeredCapital, "registeredcapital": .registeredCapital,
        "责任人": .owner, "负责人": .owner, "业务员": .owner, "owner": .owner, "团队": .team, "小组": .team, "team": .team,
        "区域": .skip, "大区": .skip, "region": .skip, "最近订单": .skip, "lastorderon": .skip,
        "主营产品": .mainProducts, "mainproducts": .mainProducts, "经营年限": .yearsInBusiness, "经营时间": .yearsInBusiness,
        "yearsinbusiness": .yearsInBusiness, "经营状况": .businessCondition, "businesscondition": .businessCondition,
        "信用等级": .creditLevel, "creditlevel": .creditLevel, "供应商结构": .supplierStructure, "supplierstructure": .supplierStructure,
        "客户性质": .nature, "性质": .nature, "nature": .nature, "信用额度(元)": .creditLine, "信用额度": .creditLine,
        "creditlineyuan": .creditLine, "creditline": .creditLine, "无效原因": .invalidReason, "invalidreason": .invalidReason,
    ])

    public init(names: [String: ImportField]) { self.names = names }

    static func key(_ header: String) -> String {
        String(Normalization.halfWidth(header).lowercased().filter { !$0.isWhitespace && $0 != "\u{FEFF}" && $0 != "*" })
    }

    public func field(for header: String) -> ImportField? { names[Self.key(header)] }

    /// A column as a spreadsheet user finds it: `电话 (B)`, `客户等级 (AB)`.
    public static func columnName(_ header: String, at index: Int) -> String {
        var n = index + 1, letters = ""
        while n > 0 { letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters; n = (n - 1) / 26 }
        return "\(header.trimmingWhitespace()) (\(letters))"
    }

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
    /// A grade as offices write it, or as kehu's export does in either language: a
    /// letter and its name (`C 一般`, `A 潜在VIP`, `B pot. key`), where the name decides.
    public static func grade(_ raw: String) -> CustomerGrade? {
        let text = Normalization.halfWidth(raw).trimmingWhitespace().lowercased()
        if let space = text.firstIndex(of: " "), let named = gradeWord(String(text[text.index(after: space)...]).replacingAll(" ", with: "")) {
            return named
        }
        return gradeWord(text.replacingAll(" ", with: ""))
    }

    private static func gradeWord(_ text: String) -> CustomerGrade? {
        switch text {
        case "", "c", "一般", "一般客户", "general": return .general
        case "a", "vip", "avip", "vip客户", "正式vip": return .vip
        case "b", "重点", "重点客户", "key", "正式重点": return .key
        case "i", "形象", "形象客户", "image": return .image
        case "潜在vip", "potentialvip", "pot.vip", "a*": return .potentialVIP
        case "潜在重点", "potentialkey", "pot.key", "b*": return .potentialKey
        default: return nil
        }
    }

    /// A status as offices write it, or as kehu's export does (`a 合作`, `c lost`).
    public static func status(_ raw: String) -> CustomerStatus? {
        var text = Normalization.halfWidth(raw).trimmingWhitespace().lowercased()
        if let space = text.firstIndex(of: " ") { text = String(text[text.index(after: space)...]) }
        switch text.replacingAll(" ", with: "") {
        case "", "b", "潜在", "潜在客户", "potential": return .potential
        case "a", "合作", "合作客户", "cooperating", "active": return .cooperating
        case "c", "流失", "流失客户", "lost": return .lost
        case "d", "无效", "无效客户", "invalid": return .invalid
        default: return nil
        }
    }

    public static func source(_ raw: String) -> CustomerSource? {
        let text = Normalization.halfWidth(raw).trimmingWhitespace().lowercased()
        if text.isEmpty { return .other }
        return sourceNames[text] ?? CustomerSource(rawValue: text)
    }

    private static let sourceNames: [String: CustomerSource] = [
        "电话销售": .phoneSales, "电话": .phoneSales, "来电": .phoneSales, "上门拜访": .onSiteVisit,
        "拜访": .onSiteVisit, "自动上门": .walkIn, "来店": .walkIn, "展览会": .exhibition, "展会": .exhibition,
        "网络": .internet, "互联网": .internet, "internet": .internet, "转介绍": .referral,
        "介绍": .referral, "referral": .referral, "其他": .other, "other": .other,
        "phone sales": .phoneSales, "visit": .onSiteVisit, "walk-in": .walkIn, "exhibition": .exhibition]

    /// A customer type by its name in either language; any other word is a type of its
    /// own (`其他` with that word kept), as the archive's form allows.
    public static func type(_ raw: String) -> (type: CustomerType, other: String)? {
        let text = raw.trimmingWhitespace()
        if text.isEmpty { return nil }
        if let known = typeNames[Normalization.halfWidth(text).lowercased()] { return (known, "") }
        return (.other, text)
    }

    private static let typeNames: [String: CustomerType] = [
        "经销商": .dealer, "代理商": .dealer, "dealer": .dealer, "直接用户": .directUser, "direct user": .directUser,
        "配套客户": .oem, "配套": .oem, "oem": .oem, "商业机构": .commercial, "commercial": .commercial,
        "政府市政": .government, "政府": .government, "government": .government, "工矿企业": .industrial,
        "industrial": .industrial]

    /// A credit level by its name in either language (优/excellent …); empty is none.
    public static func creditLevel(_ raw: String) -> CreditLevel?? {
        switch Normalization.halfWidth(raw).trimmingWhitespace().lowercased() {
        case "": return .some(nil)
        case "优", "excellent": return .excellent
        case "良", "good": return .good
        case "中", "fair": return .fair
        case "差", "poor": return .poor
        default: return nil
        }
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
