/// 取消资格: a VIP whose monthly purchases stay below the VIP standard for six
/// consecutive months, or a key customer below the key standard for three, is proposed
/// for the grade below. Standards and month counts are company settings
/// (`downgrade.vipMonthlyYuan`, `downgrade.keyMonthlyYuan`, `downgrade.vipMonths`,
/// `downgrade.keyMonths`). Only whole months count: the month under way is not judged yet,
/// nor months before the customer got its grade.
public struct DowngradeRules: Hashable, Sendable {
    public var vipMonthlyYuan: Int
    public var keyMonthlyYuan: Int
    public var vipMonths: Int
    public var keyMonths: Int

    public static let standard = DowngradeRules(vipMonthlyYuan: 50_000, keyMonthlyYuan: 10_000, vipMonths: 6, keyMonths: 3)

    public init(vipMonthlyYuan: Int, keyMonthlyYuan: Int, vipMonths: Int, keyMonths: Int) {
        self.vipMonthlyYuan = max(0, vipMonthlyYuan)
        self.keyMonthlyYuan = max(0, keyMonthlyYuan)
        self.vipMonths = max(1, vipMonths)
        self.keyMonths = max(1, keyMonths)
    }

    public struct Proposal: Hashable, Sendable {
        public let from: CustomerGrade
        public let to: CustomerGrade
        /// The first and last month below standard ("2026-05", "2026-10").
        public let firstMonth: String
        public let lastMonth: String
        public let months: Int

        public init(from: CustomerGrade, to: CustomerGrade, firstMonth: String, lastMonth: String, months: Int) {
            self.from = from; self.to = to; self.firstMonth = firstMonth; self.lastMonth = lastMonth; self.months = months
        }
    }

    /// The months a grade must stay below standard, and the grade it then drops to.
    func rule(for grade: CustomerGrade) -> (monthlyYuan: Int, months: Int, to: CustomerGrade)? {
        switch grade {
        case .vip: return (vipMonthlyYuan, vipMonths, .key)
        case .key: return (keyMonthlyYuan, keyMonths, .general)
        default: return nil
        }
    }

    /// - Parameters:
    ///   - monthlyYuan: order totals by month ("2026-05"); months without orders count as 0.
    ///   - gradedOn: the day the customer got its grade; earlier months are not held against it.
    public func proposal(grade: CustomerGrade, gradedOn: LocalDate, monthlyYuan: [String: Int], today: LocalDate) -> Proposal? {
        guard let rule = rule(for: grade) else { return nil }
        var month = LocalDate(year: today.year, month: today.month, day: 1)!.adding(months: -1)
        let lastMonth = month
        // A month counts only if the customer held the grade for all of it.
        let firstJudged = gradedOn.day == 1 ? gradedOn : LocalDate(year: gradedOn.year, month: gradedOn.month, day: 1)!.adding(months: 1)
        for counted in 1...rule.months {
            guard month >= firstJudged, (monthlyYuan[month.yearMonth] ?? 0) < rule.monthlyYuan else { return nil }
            if counted == rule.months {
                return Proposal(from: grade, to: rule.to, firstMonth: month.yearMonth, lastMonth: lastMonth.yearMonth, months: rule.months)
            }
            month = month.adding(months: -1)
        }
        return nil
    }
}

extension LocalDate {
    /// "2026-05": the month as orders and reports group it.
    public var yearMonth: String { String(description.prefix(7)) }
}
