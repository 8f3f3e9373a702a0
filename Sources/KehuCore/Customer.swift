/// One entry of the customer archive (客户档案), with the 20 basic items of the archive
/// rules and the management fields kehu adds (owner, team, region, stamps).
public struct Customer: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var code: String                 // 客户代码, e.g. Aa-粤GZ0001
    public var name: String                 // 单位名称
    public var address: String = ""
    public var postalCode: String = ""
    public var phone: String = ""
    public var fax: String = ""
    public var website: String = ""
    public var email: String = ""
    public var industry: String = ""        // 行业
    public var legalRepresentative: String = ""  // 法人代表
    /// 注册资金 in units of 10,000 yuan (万元), as Chinese business registers state it.
    public var registeredCapitalWan: Int?
    public var mainProducts: String = ""    // 主营产品
    public var yearsInBusiness: Int?        // 经营时间
    public var businessCondition: String = ""  // 经营状况
    public var type: CustomerType = .directUser
    public var typeOther: String = ""
    public var grade: CustomerGrade = .general
    public var creditLevel: CreditLevel?
    public var supplierStructure: String = ""  // 供应商结构
    public var source: CustomerSource = .other
    public var status: CustomerStatus = .potential
    public var province: String = ""
    public var city: String = ""
    public var ownerID: Int64?              // 责任人
    public var teamID: Int64?
    public var region: String = ""
    public var createdAt: LocalDateTime
    public var updatedAt: LocalDateTime
    public var lastOrderOn: LocalDate?
    public var notes: String = ""
    /// When the current owner claimed or was assigned this prospect.
    public var claimedOn: LocalDate?
    /// 客户性质 (000's archive form): state-owned, private, foreign, individual … as written.
    public var nature: String = ""
    /// 信用额度 in yuan (000 §7.1.5: VIP customers are given one).
    public var creditLineYuan: Int?
    /// Why the customer was marked invalid (status d): no need, does not qualify.
    public var invalidReason: String = ""

    public init(id: Int64? = nil, code: String, name: String, createdAt: LocalDateTime) {
        self.id = id
        self.code = code
        self.name = name
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    /// The development record number: the code followed by KF.
    public var developmentRecordNumber: String { code + "KF" }

    /// Checks what a human must fix before the archive accepts the record.
    public func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if name.trimmingWhitespace().isEmpty { errors.append(.required(field: .customerName)) }
        if code.trimmingWhitespace().isEmpty { errors.append(.required(field: .customerCode)) }
        if !phone.isEmpty, PhoneNumber(phone) == nil { errors.append(.badPhone(field: .customerPhone, value: phone)) }
        if !fax.isEmpty, PhoneNumber(fax) == nil { errors.append(.badPhone(field: .customerFax, value: fax)) }
        if !email.isEmpty, !EmailAddress.isValid(email) { errors.append(.badEmail(field: .customerEmail, value: email)) }
        if let capital = registeredCapitalWan, capital < 0 { errors.append(.negative(field: .registeredCapital)) }
        if type == .other, typeOther.trimmingWhitespace().isEmpty { errors.append(.required(field: .customerTypeOther)) }
        return errors
    }
}
