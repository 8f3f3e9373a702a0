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
        case (.zh, .officeManager): return "办事处经理"
        case (.zh, .keyAccountAndSalesVP): return "大客户管理部和销售副总监"
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
        case (.zh, .leads): return "有效线索（本周）"
        case (.zh, .outstanding): return "欠款与待审合同"
        case (.en, .funnel): return "Sales funnel"
        case (.en, .kpi): return "KPIs (this month)"
        case (.en, .churn): return "Churn (last month)"
        case (.en, .pareto): return "80/20 (12 months)"
        case (.en, .defeats): return "Defeats (12 months)"
        case (.en, .sources): return "Lead sources (12 months)"
        case (.en, .vipProgress): return "Potential VIPs (6 months)"
        case (.en, .leads): return "Effective leads (this week)"
        case (.en, .outstanding): return "Owed and awaiting approval"
        }
    }

    /// What importing one row did, for the dry run's list and the reject file.
    public func message(_ outcome: ImportOutcome) -> String {
        let zh = language == .zh
        switch outcome {
        case .created(let code): return zh ? "新建 \(code)" : "create \(code)"
        case .createdNearDuplicate(let code, let similar):
            return zh ? "新建 \(code)；可能与 \(similar) 重复（名称只差公司形式或空格），请核对；要当作同一客户跳过，加 --merge-similar"
                      : "create \(code); possible duplicate of \(similar) (the names differ only in company form or spacing): check it, or add --merge-similar to skip it as that customer"
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
        case .noSuchOwner(let column, let value):
            return zh ? "列「\(column)」的「\(value)」不是你能分配客户的在职人员或团队" : "column \"\(column)\": \"\(value)\" is no active person or team you may give customers to"
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
        case (.en, .phone): return "call (upkeep)"
        case (.en, .onSite): return "visit (upkeep)"
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
    /// Days late in a narrow column, the unit kept: `258天`, `999+天` (`258d`, `999+d`);
    /// the column's colour says it is late.
    public func overdueDaysShort(_ n: Int) -> String {
        let count = n > 999 ? "999+" : String(n)
        return language == .zh ? "\(count)天" : "\(count)d"
    }
}
