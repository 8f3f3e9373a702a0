import KehuCore
import KehuStore

/// The words of the interface in one language. Views ask here for every label, so no
/// user-facing literal lives in a view.
public struct Strings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public subscript(key: StringKey) -> String {
        switch language {
        case .zh: return Strings.chinese(key)
        case .en: return Strings.english(key)
        }
    }

    public func label(_ value: CustomerGrade) -> String { language == .zh ? Strings.chinese(value) : Strings.english(value) }
    public func label(_ value: CustomerStatus) -> String { language == .zh ? Strings.chinese(value) : Strings.english(value) }
    public func label(_ value: CustomerType) -> String { language == .zh ? Strings.chinese(value) : Strings.english(value) }
    public func label(_ value: CustomerSource) -> String { language == .zh ? Strings.chinese(value) : Strings.english(value) }
    public func label(_ value: CreditLevel) -> String { language == .zh ? Strings.chinese(value) : Strings.english(value) }
    public func label(_ value: ContactMethod) -> String { language == .zh ? Strings.chinese(value) : Strings.english(value) }
    public func label(_ value: Role) -> String { language == .zh ? Strings.chinese(value) : Strings.english(value) }
    public func label(_ value: PurchaseType) -> String { language == .zh ? Strings.chinese(value) : Strings.english(value) }
    public func label(_ value: CardState) -> String { language == .zh ? Strings.chinese(value) : Strings.english(value) }
    public func label(_ value: Field) -> String { language == .zh ? Strings.chinese(value) : Strings.english(value) }
    /// Short label for the hint line ("移动"), and a sentence for the help overlay.
    public func hint(_ value: Action) -> String { language == .zh ? Strings.chineseHint(value) : Strings.englishHint(value) }
    public func describe(_ value: Action) -> String { language == .zh ? Strings.chineseDescription(value) : Strings.englishDescription(value) }
    public func label(_ value: ContractApprover) -> String {
        switch (language, value) {
        case (.zh, .officeManager): return "办公室主任"
        case (.zh, .keyAccountAndSalesVP): return "重点客户部和销售副总"
        case (.zh, .salesDirector): return "销售总监"
        case (.en, .officeManager): return "the office manager"
        case (.en, .keyAccountAndSalesVP): return "the key-account department and the sales VP"
        case (.en, .salesDirector): return "the sales director"
        }
    }

    /// An amount as people say it: 8000元 and 12.5万 in Chinese, ¥125,000 in English.
    public func yuan(_ amount: Int) -> String {
        guard language == .zh else {
            var digits = String(amount.magnitude), grouped = ""
            while digits.count > 3 { grouped = "," + digits.suffix(3) + grouped; digits.removeLast(3) }
            return (amount < 0 ? "-¥" : "¥") + digits + grouped
        }
        guard amount >= 10_000 else { return "\(amount)元" }
        let tenths = (amount + 500) / 1_000
        return tenths % 10 == 0 ? "\(tenths / 10)万" : "\(tenths / 10).\(tenths % 10)万"
    }

    /// Why kehu proposed a downgrade: "连续6个月（2026-05至2026-10）未达VIP客户标准".
    public func belowStandard(grade: CustomerGrade, months range: String) -> String {
        let ends = range.components(separatedBy: "..")
        let first = ends.first ?? range, last = ends.last ?? range
        var count = 0
        if let from = DateParsing.date(first + "-01"), let to = DateParsing.date(last + "-01") {
            count = (to.year - from.year) * 12 + to.month - from.month + 1
        }
        return language == .zh ? "连续\(count)个月（\(first)至\(last)）未达\(label(grade))标准"
                               : "below the \(label(grade)) standard for \(count) months in a row (\(first) to \(last))"
    }

    public func label(_ order: CustomerListOrder) -> String {
        switch (language, order) {
        case (.zh, .code): return "编码"
        case (.zh, .name): return "名称"
        case (.zh, .nextFollowUp): return "下次跟进"
        case (.zh, .lastContact): return "最近联系"
        case (.en, .code): return "code"
        case (.en, .name): return "name"
        case (.en, .nextFollowUp): return "next follow-up"
        case (.en, .lastContact): return "last contact"
        }
    }

    /// The filter and order in force, short, for the status line ("A · 逾期 · 广州 ↓下次跟进").
    public func filterSummary(_ filter: CustomerFilter, order: CustomerListOrder, ownerName: String?, teamName: String?) -> String {
        var parts: [String] = []
        if let grade = filter.grade { parts.append(label(grade)) }
        if let status = filter.status { parts.append(label(status)) }
        if let ownerName { parts.append(ownerName) }
        if let level = filter.level { parts.append((language == .zh ? "级别" : "level ") + level.rawValue) }
        if filter.overdueOnly { parts.append(self[.filterOverdueOnly]) }
        if let source = filter.source { parts.append(label(source)) }
        parts += [filter.province, filter.city].filter { !$0.isEmpty }
        if let teamName { parts.append(teamName) }
        if order != .code { parts.append("↓" + label(order)) }
        return parts.joined(separator: " · ")
    }

    /// A problem `kehu check` found, in words.
    public func message(_ problem: HealthProblem) -> String {
        let zh = language == .zh
        switch problem {
        case .integrity(let line):
            return zh ? "数据库文件损坏：\(line)" : "the database file is damaged: \(line)"
        case .danglingReference(let table, let rowID, let parent):
            return zh ? "\(table) 第 \(rowID) 行指向 \(parent) 中不存在的记录" : "\(table) row \(rowID) points to a \(parent) row that does not exist"
        case .malformedCode(let id, let code):
            return zh ? "客户 \(id) 的编码「\(code)」格式不对（应如 Aa-粤GZ0001）" : "customer \(id) has the code \"\(code)\", which is not like Aa-粤GZ0001"
        case .serialBehind(let prefix, let counter, let highest):
            return zh ? "编码 \(prefix) 的流水号计数 \(counter) 小于已用的 \(highest)：下一个新客户会重号"
                      : "the serial counter of \(prefix) is \(counter), below \(highest) already in use: the next new customer would repeat a code"
        }
    }

    public func label(_ report: ReportKind) -> String {
        switch (language, report) {
        case (.zh, .funnel): return "销售漏斗"
        case (.zh, .kpi): return "KPI（本月）"
        case (.zh, .churn): return "客户流失（上月）"
        case (.zh, .pareto): return "二八分析（12个月）"
        case (.zh, .defeats): return "战败分析（12个月）"
        case (.zh, .sources): return "客户来源（12个月）"
        case (.zh, .vipProgress): return "潜在VIP进度（6个月）"
        case (.en, .funnel): return "Sales funnel"
        case (.en, .kpi): return "KPIs (this month)"
        case (.en, .churn): return "Churn (last month)"
        case (.en, .pareto): return "80/20 (12 months)"
        case (.en, .defeats): return "Defeats (12 months)"
        case (.en, .sources): return "Lead sources (12 months)"
        case (.en, .vipProgress): return "Potential VIPs (6 months)"
        }
    }

    /// What importing one row did, for the dry run's list and the reject file.
    public func message(_ outcome: ImportOutcome) -> String {
        let zh = language == .zh
        switch outcome {
        case .created(let code): return zh ? "新建 \(code)" : "create \(code)"
        case .updated(let code, let fields):
            return fields.isEmpty ? (zh ? "\(code) 无变化" : "\(code) unchanged")
                                  : (zh ? "更新 \(code)：" : "update \(code): ") + fields.joined(separator: ", ")
        case .duplicate(let code, let byPhone):
            return zh ? "跳过：与 \(code) \(byPhone ? "电话相同" : "名称相同")" : "skip: same \(byPhone ? "phone" : "name") as \(code)"
        case .rejected(let problems): return (zh ? "拒绝：" : "rejected: ") + problems.map(message).joined(separator: zh ? "；" : "; ")
        }
    }

    public func message(_ problem: CustomerImportRow.Problem) -> String {
        let zh = language == .zh
        switch problem {
        case .missing(let column): return zh ? "列「\(column)」为空" : "column \"\(column)\" is empty"
        case .unreadable(let column, let value): return zh ? "列「\(column)」的「\(value)」无法识别" : "column \"\(column)\": cannot read \"\(value)\""
        case .noSuchCustomer(let value): return zh ? "档案中没有客户「\(value)」" : "no customer \"\(value)\" in the archive"
        case .outsideScope(let code, let owner):
            let whose = owner.map { zh ? "（\($0)的客户）" : " (\($0)'s customer)" } ?? (zh ? "（公海客户）" : " (in a pool)")
            return zh ? "客户 \(code)\(whose)不在你的权限范围内，不能通过导入修改"
                      : "customer \(code)\(whose) is outside what you may change; an import cannot touch it"
        case .unknownCity(let column, let value):
            return zh ? "列「\(column)」的城市「\(value)」不认识（客户编码需要城市）" : "column \"\(column)\": unknown city \"\(value)\" (the code needs it)"
        }
    }

    /// After saving an order: it is recorded, and who must now approve the contract.
    public func orderSaved(_ approver: ContractApprover) -> String {
        language == .zh ? "订单已记入；合同审批：\(label(approver))" : "Order recorded; the contract goes to \(label(approver))"
    }

    public func label(_ value: KeyContext) -> String { language == .zh ? Strings.chinese(value) : Strings.english(value) }

    public func label(_ value: LeadSource) -> String {
        switch (language, value) {
        case (.zh, .walkIn): return "来店"
        case (.zh, .callIn): return "来电"
        case (.zh, .internet): return "网络"
        case (.zh, .referral): return "转介绍"
        case (.zh, .exhibition): return "展会"
        case (.zh, .outbound): return "外拓"
        case (.zh, .other): return "其他"
        case (.en, .walkIn): return "walk-in"
        case (.en, .callIn): return "call-in"
        case (.en, .internet): return "internet"
        case (.en, .referral): return "referral"
        case (.en, .exhibition): return "exhibition"
        case (.en, .outbound): return "outbound"
        case (.en, .other): return "other"
        }
    }

    public func label(_ value: Holiday) -> String {
        switch (language, value) {
        case (.zh, .springFestival): return "春节"
        case (.zh, .dragonBoat): return "端午节"
        case (.zh, .midAutumn): return "中秋节"
        case (.en, .springFestival): return "Spring Festival"
        case (.en, .dragonBoat): return "Dragon Boat Festival"
        case (.en, .midAutumn): return "Mid-Autumn Festival"
        }
    }

    /// The label a form shows before a field.
    public func label(_ value: FormField.Name) -> String {
        switch (language, value) {
        case (.zh, .method): return "方式"
        case (.zh, .contact): return "联系人"
        case (.zh, .newContact): return "新联系人"
        case (.zh, .content): return "内容"
        case (.zh, .level): return "级别判定"
        case (.zh, .impression): return "印象"
        case (.zh, .bottleneck): return "瓶颈方案"
        case (.zh, .nextVisit): return "下次访问"
        case (.zh, .name): return "姓名/单位"
        case (.zh, .phone): return "电话"
        case (.zh, .source): return "来源"
        case (.zh, .product): return "意向产品"
        case (.zh, .city): return "城市"
        case (.zh, .note): return "备注"
        case (.en, .method): return "Method"
        case (.en, .contact): return "Contact"
        case (.en, .newContact): return "New contact"
        case (.en, .content): return "What happened"
        case (.en, .level): return "Level"
        case (.en, .impression): return "Impression"
        case (.en, .bottleneck): return "Block & plan"
        case (.en, .nextVisit): return "Next visit"
        case (.en, .name): return "Name"
        case (.en, .phone): return "Phone"
        case (.en, .source): return "Source"
        case (.en, .product): return "Product"
        case (.en, .city): return "City"
        case (.en, .note): return "Note"
        case (.zh, .companyName): return "单位名称"
        case (.zh, .address): return "地址"
        case (.zh, .postalCode): return "邮编"
        case (.zh, .customerPhone): return "电话"
        case (.zh, .fax): return "传真"
        case (.zh, .website): return "网址"
        case (.zh, .email): return "邮箱"
        case (.zh, .industry): return "行业"
        case (.zh, .legalRepresentative): return "法人代表"
        case (.zh, .registeredCapital): return "注册资金(万)"
        case (.zh, .mainProducts): return "主营产品"
        case (.zh, .yearsInBusiness): return "经营年限"
        case (.zh, .businessCondition): return "经营状况"
        case (.zh, .customerType): return "客户类型"
        case (.zh, .creditLevel): return "信用等级"
        case (.zh, .supplierStructure): return "供应商结构"
        case (.zh, .customerSource): return "客户来源"
        case (.zh, .contactChoice): return "联系人"
        case (.zh, .contactName): return "姓名"
        case (.zh, .department): return "部门"
        case (.zh, .position): return "职务"
        case (.zh, .mobile): return "手机"
        case (.zh, .contactPhone): return "电话"
        case (.zh, .contactEmail): return "邮箱"
        case (.zh, .gender): return "性别"
        case (.zh, .birthday): return "生日"
        case (.zh, .decisionMaker): return "决策人"
        case (.zh, .outcome): return "结果"
        case (.zh, .dealProduct): return "成交产品"
        case (.zh, .dealAmount): return "金额"
        case (.zh, .dealDate): return "成交日期"
        case (.zh, .contractNumber): return "合同号"
        case (.zh, .settledOn): return "结清日期"
        case (.zh, .filterGrade): return "等级"
        case (.zh, .filterStatus): return "状态"
        case (.zh, .filterOwner): return "负责人"
        case (.zh, .filterLevel): return "意向级别"
        case (.zh, .filterOverdue): return "逾期"
        case (.zh, .filterSource): return "来源"
        case (.zh, .filterProvince): return "省份"
        case (.zh, .filterCity): return "城市"
        case (.zh, .filterTeam): return "团队"
        case (.zh, .sortOrder): return "排序"
        case (.zh, .defeatReason): return "战败原因"
        case (.zh, .competitor): return "竞争对手"
        case (.zh, .chosenProduct): return "所购产品"
        case (.zh, .chosenPrice): return "成交价格"
        case (.en, .companyName): return "Company"
        case (.en, .address): return "Address"
        case (.en, .postalCode): return "Postcode"
        case (.en, .customerPhone): return "Phone"
        case (.en, .fax): return "Fax"
        case (.en, .website): return "Website"
        case (.en, .email): return "Email"
        case (.en, .industry): return "Industry"
        case (.en, .legalRepresentative): return "Legal rep."
        case (.en, .registeredCapital): return "Capital (10k)"
        case (.en, .mainProducts): return "Products"
        case (.en, .yearsInBusiness): return "Years"
        case (.en, .businessCondition): return "Condition"
        case (.en, .customerType): return "Type"
        case (.en, .creditLevel): return "Credit"
        case (.en, .supplierStructure): return "Suppliers"
        case (.en, .customerSource): return "Source"
        case (.en, .contactChoice): return "Contact"
        case (.en, .contactName): return "Name"
        case (.en, .department): return "Department"
        case (.en, .position): return "Position"
        case (.en, .mobile): return "Mobile"
        case (.en, .contactPhone): return "Phone"
        case (.en, .contactEmail): return "Email"
        case (.en, .gender): return "Gender"
        case (.en, .birthday): return "Birthday"
        case (.en, .decisionMaker): return "Decides"
        case (.en, .outcome): return "Outcome"
        case (.en, .dealProduct): return "Product"
        case (.en, .dealAmount): return "Amount"
        case (.en, .dealDate): return "Date"
        case (.en, .contractNumber): return "Contract no."
        case (.en, .settledOn): return "Settled on"
        case (.en, .filterGrade): return "Grade"
        case (.en, .filterStatus): return "Status"
        case (.en, .filterOwner): return "Owner"
        case (.en, .filterLevel): return "Level"
        case (.en, .filterOverdue): return "Overdue"
        case (.en, .filterSource): return "Source"
        case (.en, .filterProvince): return "Province"
        case (.en, .filterCity): return "City"
        case (.en, .filterTeam): return "Team"
        case (.en, .sortOrder): return "Order"
        case (.en, .defeatReason): return "Reason"
        case (.en, .competitor): return "Competitor"
        case (.en, .chosenProduct): return "Bought"
        case (.en, .chosenPrice): return "Price"
        case (.zh, .comment): return "批示"
        case (.zh, .returnReason): return "退回理由"
        case (.en, .comment): return "Comment"
        case (.en, .returnReason): return "Reason"
        case (.zh, .newOwner): return "负责人"
        case (.en, .newOwner): return "Owner"
        case (.zh, .potential): return "正式/潜在"
        case (.en, .potential): return "Formal/pot."
        case (_, .score1), (_, .score2), (_, .score3), (_, .score4), (_, .score5), (_, .score6), (_, .score7), (_, .score8):
            return language == .zh ? "评分" : "Score"
        }
    }

    /// A stored column's name as the history overlay shows it.
    public func columnLabel(_ table: String, _ column: String) -> String {
        let names: [String: FormField.Name] = [
            "name": .companyName, "address": .address, "postalCode": .postalCode, "phone": .customerPhone, "fax": .fax,
            "website": .website, "email": .email, "industry": .industry, "legalRepresentative": .legalRepresentative,
            "registeredCapitalWan": .registeredCapital, "mainProducts": .mainProducts, "yearsInBusiness": .yearsInBusiness,
            "businessCondition": .businessCondition, "type": .customerType, "creditLevel": .creditLevel,
            "supplierStructure": .supplierStructure, "source": .customerSource, "notes": .note, "mobile": .mobile,
            "department": .department, "position": .position, "birthday": .birthday, "isDecisionMaker": .decisionMaker,
            "level": .level, "nextVisitOn": .nextVisit, "closeReason": .defeatReason, "competitor": .competitor,
            "chosenProduct": .chosenProduct, "chosenPriceYuan": .chosenPrice,
        ]
        if table == "contacts", column == "name" { return label(FormField.Name.contactName) }
        if table == "contacts", column == "phone" { return label(FormField.Name.contactPhone) }
        let zh = language == .zh
        switch column {
        case "code": return self[.code]
        case "grade": return self[.grade]
        case "status": return self[.status]
        case "ownerID": return self[.owner]
        case "state": return zh ? "状态" : "state"
        default: return names[column].map { label($0) } ?? column
        }
    }

    /// What a table's rows are, for the history overlay.
    public func tableLabel(_ table: String) -> String {
        switch (language, table) {
        case (.zh, "customers"): return "档案"
        case (.zh, "contacts"): return "联系人"
        case (.zh, "intentCards"): return "意向卡"
        case (.zh, "activities"): return "拜访"
        case (.zh, "orders"): return "订单"
        case (.en, "customers"): return "archive"
        case (.en, "contacts"): return "contact"
        case (.en, "intentCards"): return "card"
        case (.en, "activities"): return "visit"
        case (.en, "orders"): return "order"
        default: return table
        }
    }

    /// 今日 12 · 逾期 3
    public func todayCounts(due: Int, overdue: Int) -> String {
        language == .zh ? "今日 \(due) · 逾期 \(overdue)" : "due \(due) · late \(overdue)"
    }

    public func gradeChanged(to grade: String) -> String {
        language == .zh ? "等级已改为 \(grade)" : "Grade changed to \(grade)"
    }

    public func gradeProposed(to grade: String, waitingFor roles: [String]) -> String {
        language == .zh ? "已提交评审：\(grade)，待 \(roles.joined(separator: "、")) 审批"
                        : "Proposed \(grade), waiting for \(roles.joined(separator: ", "))"
    }

    /// 维护·上门 / upkeep: visit
    public func maintenanceLabel(_ kind: MaintenanceDuty.Kind) -> String {
        switch (language, kind) {
        case (.zh, .phone): return "维护·电话"
        case (.zh, .onSite): return "维护·上门"
        case (.zh, .techSupport): return "技术支持"
        case (.en, .phone): return "upkeep: call"
        case (.en, .onSite): return "upkeep: visit"
        case (.en, .techSupport): return "tech support"
        }
    }

    public func claimed(_ name: String) -> String { language == .zh ? "已认购 \(name)" : "Claimed \(name)" }
    public func assigned(_ name: String, to owner: String) -> String {
        language == .zh ? "\(name) 已分配给 \(owner)" : "\(name) assigned to \(owner)"
    }
    /// Why a prospect drops: its last follow-up and how long ago.
    public func dropReason(lastActivity: LocalDate?, today: LocalDate) -> String {
        guard let last = lastActivity else { return language == .zh ? "认购后没有跟进" : "no follow-up since the claim" }
        let days = last.days(until: today)
        return language == .zh ? "最后跟进 \(last.monthDay)（已 \(days) 天）" : "last follow-up \(last.monthDay) (\(days) days ago)"
    }

    /// 已批 12/37
    public func eveningProgress(checked: Int, total: Int, carried: Int) -> String {
        let base = language == .zh ? "已批 \(checked)/\(total)" : "checked \(checked)/\(total)"
        return carried > 0 ? base + " │ " + (language == .zh ? "结转 \(carried)" : "carried \(carried)") : base
    }

    /// (A 级 7 天)
    public func cadenceHint(level: String, days: Int) -> String {
        language == .zh ? "(\(level) 级 \(days) 天)" : "(level \(level): \(days) days)"
    }

    public func savedFollowUp(visit: Int, customer: String) -> String {
        language == .zh ? "已保存 \(customer) 第\(visit)次跟进" : "Saved follow-up #\(visit) for \(customer)"
    }

    public func createdLead(code: String, name: String) -> String {
        language == .zh ? "已建档 \(code) \(name)，意向卡已开" : "Created \(code) \(name) with an open intent card"
    }

    public func duplicateLine(_ match: DuplicateMatch, mine: Bool) -> String {
        let why: String
        switch (language, match.reason) {
        case (.zh, .phone): why = "同电话"
        case (.zh, .companyName): why = "同名单位"
        case (.zh, .personName): why = "同名联系人"
        case (.en, .phone): why = "same phone"
        case (.en, .companyName): why = "same company"
        case (.en, .personName): why = "same person's name"
        }
        let owner = match.ownerName ?? (language == .zh ? "公海" : "pool")
        if mine { return "\(match.code) \(match.name) · \(why)" }
        return language == .zh ? "\(self[.duplicateOthers]) (负责人 \(owner)) · \(why)" : "\(self[.duplicateOthers]) (owner \(owner)) · \(why)"
    }

    public func label(_ value: ArchiveView) -> String {
        switch (language, value) {
        case (.zh, .all): return "全部客户"
        case (.zh, .cooperating): return "合作伙伴"
        case (.zh, .formalVIP): return "正式VIP"
        case (.zh, .potentialVIP): return "潜在VIP"
        case (.zh, .formalKey): return "正式重点"
        case (.zh, .potentialKey): return "潜在重点"
        case (.zh, .general): return "一般客户"
        case (.zh, .image): return "形象客户"
        case (.zh, .lost): return "流失客户"
        case (.zh, .pool): return "公海"
        case (.en, .all): return "All customers"
        case (.en, .cooperating): return "Partners"
        case (.en, .formalVIP): return "VIP"
        case (.en, .potentialVIP): return "Potential VIP"
        case (.en, .formalKey): return "Key"
        case (.en, .potentialKey): return "Potential key"
        case (.en, .general): return "General"
        case (.en, .image): return "Image"
        case (.en, .lost): return "Lost"
        case (.en, .pool): return "Pool"
        }
    }

    /// 周日 / Sun
    public func weekday(_ isoWeekday: Int) -> String {
        let zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return (language == .zh ? zh : en)[(isoWeekday - 1) % 7]
    }

    /// 第 7 次 / visit 7
    public func visitNumber(_ n: Int) -> String { language == .zh ? "第\(n)次" : "#\(n)" }

    /// 逾期3天 / 3d late
    public func overdueDays(_ n: Int) -> String { language == .zh ? "逾期\(n)天" : "\(n)d late" }

    public func tooSmall(needWidth: Int, needHeight: Int, width: Int, height: Int) -> String {
        language == .zh ? "终端太小: 需要至少 \(needWidth)×\(needHeight)，当前 \(width)×\(height)"
                        : "Terminal too small: needs \(needWidth)×\(needHeight), now \(width)×\(height)"
    }

    public func unknownUser(_ login: String, database path: String) -> String {
        language == .zh ? "用户 \(login) 未在 \(path) 中登记。请管理员为你添加账号。"
                        : "User \(login) is not registered in \(path). Ask an admin to add you."
    }

    public func demoWritten(_ path: String, customers: Int, contacts: Int, activities: Int, cards: Int, users: Int) -> String {
        language == .zh ? "已生成演示数据库 \(path)：客户 \(customers)，联系人 \(contacts)，拜访 \(activities)，意向卡 \(cards)，用户 \(users)。"
                        : "Wrote demo database \(path): \(customers) customers, \(contacts) contacts, \(activities) visits, \(cards) cards, \(users) users."
    }

    public func onlyAdmins(_ login: String) -> String {
        language == .zh ? "只有管理员可以这样做（当前用户 \(login)）" : "Only an admin may do this (you are \(login))"
    }
    public func asRefused(_ login: String) -> String {
        language == .zh ? "只有管理员可以用 --as 以他人身份打开 kehu（当前用户 \(login)）" : "Only an admin may open kehu as someone else with --as (you are \(login))"
    }
    public func userExists(_ login: String) -> String { language == .zh ? "用户 \(login) 已存在" : "User \(login) already exists" }
    public func userAdded(_ login: String) -> String { language == .zh ? "已添加用户 \(login)" : "Added user \(login)" }
    public func userChanged(_ login: String) -> String { language == .zh ? "已修改用户 \(login)" : "Changed user \(login)" }
    public func noSuchUser(_ login: String) -> String { language == .zh ? "没有用户 \(login)" : "No user \(login)" }
    public var inactive: String { language == .zh ? "已停用" : "inactive" }

    public func unknownLanguage(_ code: String) -> String {
        language == .zh ? "未知界面语言 \"\(code)\"（可用 zh、en），已用中文" : "Unknown language \"\(code)\" (zh or en); using Chinese"
    }

    /// A validation error as a sentence naming the field and what is wrong with it.
    public func message(_ error: ValidationError) -> String {
        let field = label(error.field)
        switch (language, error) {
        case (.zh, .required): return "\(field)不能为空"
        case (.en, .required): return "\(field) is required"
        case (.zh, .badPhone(_, let v)): return "\(field)「\(v)」不是有效的电话号码"
        case (.en, .badPhone(_, let v)): return "\(field) \"\(v)\" is not a valid phone number"
        case (.zh, .badMobile(_, let v)): return "\(field)「\(v)」不是 11 位手机号"
        case (.en, .badMobile(_, let v)): return "\(field) \"\(v)\" is not an 11-digit mobile number"
        case (.zh, .badEmail(_, let v)): return "\(field)「\(v)」不是有效的邮箱地址"
        case (.en, .badEmail(_, let v)): return "\(field) \"\(v)\" is not a valid email address"
        case (.zh, .badDate(_, let v)): return "\(field)「\(v)」不是日期（例如 2026-03-05）"
        case (.en, .badDate(_, let v)): return "\(field) \"\(v)\" is not a date (e.g. 2026-03-05)"
        case (.zh, .dateBefore(_, let v, let earliest)): return "\(field) \(v) 早于 \(earliest)"
        case (.en, .dateBefore(_, let v, let earliest)): return "\(field) \(v) is before \(earliest)"
        case (.zh, .negative): return "\(field)不能为负数"
        case (.en, .negative): return "\(field) cannot be negative"
        case (.zh, .outOfRange(_, let v)): return "\(field)「\(v)」超出范围"
        case (.en, .outOfRange(_, let v)): return "\(field) \"\(v)\" is out of range"
        }
    }

    /// A keymap or theme problem as `file:line: what`.
    public func message(_ problem: ConfigProblem) -> String { message(problem, short: false) }

    /// `short` names the file without its folder, for the status line where the line
    /// number must stay in sight.
    public func message(_ problem: ConfigProblem, short: Bool) -> String {
        let zh = language == .zh
        let what: String
        switch problem.kind {
        case .malformedLine: what = zh ? "无法识别这一行（应为 键 = \"值\" 或 [表名]）" : "cannot read this line (expected key = \"value\" or [table])"
        case .missingValue: what = zh ? "等号后缺少值" : "missing value after ="
        case .unterminatedString: what = zh ? "字符串缺少结束引号" : "string has no closing quote"
        case .badEscape: what = zh ? "字符串中有无效的转义" : "invalid escape in string"
        case .unquotedString(let w): what = zh ? "值 \(w) 需要加引号" : "value \(w) must be quoted"
        case .duplicateKey(let k, let first): what = zh ? "\(k) 重复（第 \(first) 行已定义）" : "\(k) repeated (already on line \(first))"
        case .duplicateTable(let n, let first): what = zh ? "表 [\(n)] 重复（第 \(first) 行已定义）" : "table [\(n)] repeated (already on line \(first))"
        case .unknownContext(let c): what = zh ? "未知的表 \"\(c)\"" : "unknown table \"\(c)\""
        case .unknownAction(let a): what = zh ? "未知动作 \"\(a)\"" : "unknown action \"\(a)\""
        case .malformedKey(let k): what = zh ? "无法识别的按键 \"\(k)\"" : "malformed key \"\(k)\""
        case .duplicateBinding(let k, let first): what = zh ? "按键 \(k) 重复绑定（第 \(first) 行已绑定）" : "key \(k) bound twice (first on line \(first))"
        case .expectedString: what = zh ? "值应为带引号的字符串" : "value must be a quoted string"
        case .unknownRole(let r): what = zh ? "未知的主题角色 \"\(r)\"" : "unknown theme role \"\(r)\""
        case .badStyle(let s): what = zh ? "无法识别的样式 \"\(s)\"" : "cannot read style \"\(s)\""
        case .fileUnreadable(let d): what = zh ? "无法读取文件: \(d)" : "cannot read the file: \(d)"
        case .notFound(let n): what = zh ? "找不到 \"\(n)\"" : "\"\(n)\" not found"
        }
        let file = short ? String(problem.file.split(separator: "/").last ?? Substring(problem.file)) : problem.file
        return problem.line > 0 ? "\(file):\(problem.line): \(what)" : "\(file): \(what)"
    }
}
