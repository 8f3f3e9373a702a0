/// Every company setting kehu reads (004: the company's rules as values an admin changes),
/// with its default, what it means, and what a value must look like. The readers parse
/// the stored text; a value is stored only in the form they read (half-width digits, no
/// spaces), so what `set` accepts is exactly what takes effect.
public struct CompanySetting: Hashable, Sendable {
    /// What a value must be.
    public enum Kind: Hashable, Sendable {
        /// A whole number in the range.
        case number(ClosedRange<Int>)
        /// Comma-separated roles (`admin,salesManager`).
        case roles
        /// A count (`20`) or a share (`10%`) of the cards.
        case sampleSize
        /// `daily` or `weekly`.
        case period
        /// `name:weight,…` with weights adding to 100.
        case criteria
        /// Names separated by 、 or commas (the card's focus points).
        case names
    }

    public let key: String
    public let kind: Kind
    public let defaultValue: String
    /// What it means, in each language.
    public let meaning: (zh: String, en: String)

    public static func == (a: CompanySetting, b: CompanySetting) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// The value as it is stored, or why it is refused.
    public func normalized(_ raw: String) -> Result<String, CompanySettingProblem> {
        let text = Normalization.halfWidth(raw).trimmingWhitespace()
        switch kind {
        case .number(let range):
            let digits = String(text.filter { $0 != "," && $0 != "_" })
            guard let value = Int(digits) else { return .failure(.notANumber) }
            guard range.contains(value) else { return .failure(.outOfRange(range)) }
            return .success(String(value))
        case .roles:
            let names = text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }).map(String.init)
            guard !names.isEmpty else { return .failure(.noRoles) }
            var roles: [Role] = []
            for name in names {
                guard let role = Role(rawValue: name) else { return .failure(.unknownRole(name)) }
                if !roles.contains(role) { roles.append(role) }
            }
            return .success(roles.map(\.rawValue).joined(separator: ","))
        case .sampleSize:
            guard let size = SpotCheckSize(setting: text) else { return .failure(.badSampleSize) }
            switch size {
            case .count(let n): return .success(String(n))
            case .percent(let p): return .success("\(p)%")
            }
        case .period:
            guard let period = SpotCheckPeriod(setting: text) else { return .failure(.badPeriod) }
            return .success(period.rawValue)
        case .criteria:
            guard let sheet = ScoreSheet(setting: text) else { return .failure(.badCriteria) }
            return .success(sheet.criteria.map { "\($0.name):\($0.weight)" }.joined(separator: ","))
        case .names:
            var names: [String] = []
            for part in text.split(whereSeparator: { "、,，".contains($0) }) {
                let name = String(part).trimmingWhitespace()
                if !name.isEmpty, !names.contains(name) { names.append(name) }
            }
            return names.isEmpty ? .failure(.noNames) : .success(names.joined(separator: "、"))
        }
    }
}

/// Why a setting's value is refused.
public enum CompanySettingProblem: Error, Hashable, Sendable {
    case unknownKey
    case notANumber
    case outOfRange(ClosedRange<Int>)
    case noRoles
    case unknownRole(String)
    case badSampleSize
    case badPeriod
    case badCriteria
    case noNames
    /// Two settings that must stay in order would not: `key` must stay below/above `other`.
    case mustStayBelow(other: String, otherValue: Int)
    case mustStayAbove(other: String, otherValue: Int)
}

public enum CompanySettings {
    /// Every setting, in the order `kehu settings list` shows them.
    public static let all: [CompanySetting] = {
        var list: [CompanySetting] = []
        func add(_ key: String, _ kind: CompanySetting.Kind, _ value: Int, _ zh: String, _ en: String) {
            list.append(CompanySetting(key: key, kind: kind, defaultValue: String(value), meaning: (zh, en)))
        }
        for level in IntentLevel.allCases {
            add("cadence.\(level.rawValue)", .number(0...365), level.defaultCadenceDays,
                "\(level.rawValue) 级意向卡的跟进间隔（天）", "Days between follow-ups of a level \(level.rawValue) card")
        }
        let pool = PoolRules.standard
        add("pool.dropDays", .number(1...3650), 30, "潜在客户多少天无跟进即回公海", "Days without a follow-up before a prospect returns to the pool")
        for grade in CustomerGrade.allCases {
            add("pool.dropDays.\(grade.rawValue)", .number(1...3650), pool.dropDays[grade] ?? 30,
                "该等级客户回公海的天数（不设则用 pool.dropDays）", "The same for this grade (pool.dropDays when unset)")
        }
        add("pool.warnDays", .number(0...365), pool.warnDaysBefore, "回公海前几天提醒", "Days of warning before a drop")
        add("pool.claimLimit", .number(1...100_000), pool.claimLimit, "每人最多可领的潜在客户数", "Prospects one salesperson may hold")
        add("pool.cooldownDays", .number(0...3650), pool.cooldownDays, "原负责人再次领取须等待的天数", "Days before a former owner may claim again")
        let churn = ChurnRules.standard
        add("churn.warnMonths", .number(0...120), churn.warnAfterMonths, "几个月无订单即流失预警", "Months without an order before the churn warning")
        add("churn.lostMonths", .number(1...120), churn.lostAfterMonths, "几个月无订单即为流失客户", "Months without an order before a customer is lost")
        let contract = ContractApprovalRules.standard
        add("contract.officeLimitYuan", .number(0...1_000_000_000), contract.officeLimitYuan,
            "低于此金额（元）的合同由办事处经理审批", "Contracts below this (yuan) are approved by the office manager")
        add("contract.directorAboveYuan", .number(0...1_000_000_000), contract.directorAboveYuan,
            "高于此金额（元）的合同须销售总监审批", "Contracts above this (yuan) need the sales director")
        let stepNames: [ContractStep: (String, String)] = [.officeManager: ("办事处经理", "office manager"), .keyAccount: ("大客户管理部", "key-account department"),
                                                           .salesVP: ("销售副总监", "sales VP"), .salesDirector: ("销售总监", "sales director")]
        for step in ContractStep.allCases {
            let name = stepNames[step] ?? (step.rawValue, step.rawValue)
            list.append(CompanySetting(key: step.settingKey, kind: .roles, defaultValue: step.defaultSigners.map(\.rawValue).joined(separator: ","),
                                       meaning: ("合同审批中代表\(name.0)签署的角色（逗号分隔）", "Roles that sign contracts as the \(name.1) (comma-separated)")))
        }
        let downgrade = DowngradeRules.standard
        add("downgrade.vipMonthlyYuan", .number(0...1_000_000_000), downgrade.vipMonthlyYuan, "VIP 客户每月订单额下限（元）", "A VIP customer's monthly order floor (yuan)")
        add("downgrade.keyMonthlyYuan", .number(0...1_000_000_000), downgrade.keyMonthlyYuan, "重点客户每月订单额下限（元）", "A key customer's monthly order floor (yuan)")
        add("downgrade.vipMonths", .number(1...60), downgrade.vipMonths, "VIP 连续几个月低于下限即建议降级", "Months below the floor before a VIP is proposed for downgrade")
        add("downgrade.keyMonths", .number(1...60), downgrade.keyMonths, "重点客户连续几个月低于下限即建议降级", "The same for key customers")
        add("kpi.remotePerDay", .number(0...1000), 15, "每天远程联系客户数目标", "Customers to reach remotely a day")
        add("kpi.visitsPerWeek", .number(0...1000), 25, "每周拜访潜在客户数目标", "Prospects to visit a week")
        add("kpi.faceToFacePerWeek", .number(0...1000), 10, "其中每周面访数目标", "Of those, to meet face to face")
        for stage in FunnelStage.allCases {
            add("funnel.probability.\(stage.rawValue)", .number(0...100), stage.defaultProbabilityPercent,
                "漏斗 \(stage.rawValue) 阶段的成交概率（%）", "Chance of a deal at funnel stage \(stage.rawValue) (%)")
        }
        list.append(CompanySetting(key: "export.roles", kind: .roles, defaultValue: "admin,generalManager,salesManager,marketingManager",
                                   meaning: ("可以导出档案的角色（逗号分隔）", "Roles that may export the archive (comma-separated)")))
        add("retention.years", .number(1...100), RetentionRule.standard.years, "业务结清后档案保留年数", "Years an archive is kept after its business is settled")
        list.append(CompanySetting(key: "spotcheck.size", kind: .sampleSize, defaultValue: "20",
                                   meaning: ("抽查张数，或比例如 10%", "Cards in a spot check, or a share such as 10%")))
        list.append(CompanySetting(key: "spotcheck.period", kind: .period, defaultValue: SpotCheckPeriod.standard.rawValue,
                                   meaning: ("抽查周期：daily（每天）或 weekly（每周）", "How often managers spot-check: daily or weekly")))
        list.append(CompanySetting(key: "grade.criteria", kind: .criteria,
                                   defaultValue: ScoreSheet.standard.criteria.map { "\($0.name):\($0.weight)" }.joined(separator: ","),
                                   meaning: ("客户资格评审的评分项与权重（合计 100）", "The grade review's criteria and weights (adding to 100)")))
        list.append(CompanySetting(key: "card.focusPoints", kind: .names, defaultValue: IntentCard.standardFocusPoints.joined(separator: "、"),
                                   meaning: ("意向卡的关注点（用、分隔）", "The intent card's focus points (separated by 、)")))
        for grade in CustomerGrade.allCases {
            for duty in MaintenancePlan.duties(for: grade) {
                add("maintenance.\(grade.rawValue).\(duty.holder.rawValue)", .number(0...120), duty.everyMonths,
                    "客情维护间隔（月，0 为不需要）", "Months between these maintenance contacts (0: none)")
            }
        }
        return list
    }()

    public static func setting(_ key: String) -> CompanySetting? { all.first { $0.key == key } }

    /// Pairs that must stay ordered: (lower, higher, strictly).
    static let ordered: [(lower: String, higher: String)] = [
        ("churn.warnMonths", "churn.lostMonths"),
        ("contract.officeLimitYuan", "contract.directorAboveYuan"),
    ]

    /// `raw` for `key` as it is to be stored, given the values in force (`current` by key,
    /// defaults where unset), or why it is refused.
    public static func validate(_ key: String, _ raw: String, current: [String: String]) -> Result<String, CompanySettingProblem> {
        guard let setting = setting(key) else { return .failure(.unknownKey) }
        let result = setting.normalized(raw)
        guard case .success(let value) = result, let number = Int(value) else { return result }
        func inForce(_ other: String) -> Int? { (current[other] ?? Self.setting(other)?.defaultValue).flatMap { Int($0) } }
        for pair in ordered {
            if pair.lower == key, let higher = inForce(pair.higher), number > higher {
                return .failure(.mustStayBelow(other: pair.higher, otherValue: higher))
            }
            if pair.higher == key, let lower = inForce(pair.lower), number < lower {
                return .failure(.mustStayAbove(other: pair.lower, otherValue: lower))
            }
        }
        return result
    }
}
