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
        }
    }

    /// 今日 12 · 逾期 3
    public func todayCounts(due: Int, overdue: Int) -> String {
        language == .zh ? "今日 \(due) · 逾期 \(overdue)" : "due \(due) · late \(overdue)"
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
