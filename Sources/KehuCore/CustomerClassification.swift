/// 客户类型: what kind of organisation the customer is.
public enum CustomerType: String, CaseIterable, Codable, Sendable {
    case dealer          // 经销商/代理商
    case directUser      // 直接用户
    case oem             // 配套客户
    case commercial      // 商业机构
    case government      // 政府市政
    case industrial      // 工矿企业
    case other           // 其他 (free text in typeOther)
}

/// 客户状态, with the one-letter code used in the customer code.
public enum CustomerStatus: String, CaseIterable, Codable, Sendable {
    case cooperating = "a"   // 合作客户: has bought or signed
    case potential = "b"     // 潜在客户
    case lost = "c"          // 流失客户: no order for six months, or ended
    case invalid = "d"       // 无效客户: no need, or does not qualify

    public var letter: Character { Character(rawValue) }
}

/// 客户等级. Potential VIP and potential key are grades of their own because the
/// archive keeps separate views and approval chains for them.
public enum CustomerGrade: String, CaseIterable, Codable, Sendable {
    case vip            // A VIP客户
    case key            // B 重点客户
    case general        // C 一般客户 (also an ungraded prospect)
    case image          // 形象客户
    case potentialVIP   // 潜在VIP
    case potentialKey   // 潜在重点

    /// The letter that opens the customer code.
    public var letter: Character {
        switch self {
        case .vip, .potentialVIP: return "A"
        case .key, .potentialKey: return "B"
        case .general: return "C"
        case .image: return "I"
        }
    }

    public var isPotential: Bool { self == .potentialVIP || self == .potentialKey }
}

/// 客户来源.
public enum CustomerSource: String, CaseIterable, Codable, Sendable {
    case phoneSales      // 电话销售
    case onSiteVisit     // 上门拜访
    case walkIn          // 自动上门
    case exhibition      // 展览会
    case internet        // 网络
    case referral        // 转介绍
    case other           // 其他
}

/// 信用等级: how far the company trusts the customer with credit.
public enum CreditLevel: String, CaseIterable, Codable, Sendable {
    case excellent   // 优
    case good        // 良
    case fair        // 中
    case poor        // 差
}
