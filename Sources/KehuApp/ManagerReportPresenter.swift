import KehuCore
import KehuStore

/// The managers' reports as tables: funnel and forecast, 80/20, defeats, lead sources.
/// Amounts read as people say them (12.5万); a bar of block characters shows the shape
/// where a picture reads faster than numbers.
public enum ManagerReportPresenter {
    static func bar(_ value: Int, of largest: Int, width: Int = 20) -> String {
        guard largest > 0, value > 0 else { return "" }
        return String(repeating: "█", count: max(1, value * width / largest))
    }

    public static func funnel(_ report: FunnelReport, strings s: Strings) -> ReportTable {
        let zh = s.language == .zh
        let most = report.stages.map(\.cards).max() ?? 0
        let stages = ReportTable.Section(
            title: zh ? "漏斗阶段（未结意向卡）" : "Stages (open intent cards)",
            columns: zh ? ["阶段", "卡数", "金额", "概率", "加权", ""] : ["Stage", "Cards", "Amount", "Probability", "Weighted", ""],
            rows: report.stages.map { [$0.stage.rawValue, String($0.cards), s.yuan($0.amountYuan), "\($0.probabilityPercent)%",
                                       s.yuan($0.weightedYuan), bar($0.cards, of: most)] })
        let levels = ReportTable.Section(
            title: zh ? "按意向级别" : "By intent level", columns: zh ? ["级别", "卡数"] : ["Level", "Cards"],
            rows: report.byLevel.map { [$0.level.rawValue, String($0.cards)] })
        let forecast = ReportTable.Section(title: zh ? "销售预测" : "Forecast", columns: zh ? ["加权合计"] : ["Weighted total"],
                                           rows: [[s.yuan(report.forecastYuan)]])
        return ReportTable(name: "funnel", title: zh ? "销售漏斗" : "Sales funnel", sections: [stages, levels, forecast], emptyText: zh ? "无" : "none")
    }

    public static func pareto(_ report: ParetoReport, from: LocalDate, to: LocalDate, strings s: Strings) -> ReportTable {
        let zh = s.language == .zh
        let values = report.customers.map(\.amountYuan)
        let total = values.reduce(0, +)
        let eighty = Pareto.count(reaching: 0.8, of: values)
        let share = Pareto.share(ofTop: 0.2, of: values)
        let summary = ReportTable.Section(
            title: zh ? "二八分析" : "80/20", columns: zh ? ["项目", "数值"] : ["Measure", "Value"],
            rows: values.isEmpty ? [] : [
                [zh ? "有订单的客户" : "customers with orders", String(values.count)],
                [zh ? "订单总额" : "order value", s.yuan(total)],
                [zh ? "前 20% 客户所占份额" : "share of the top 20%", String(format: "%.1f%%", share * 100)],
                [zh ? "占 80% 金额的客户数" : "customers making 80% of value", String(eighty)],
            ])
        let ranked = ReportTable.Section(
            title: zh ? "占 80% 金额的客户" : "Customers making 80% of value",
            columns: zh ? ["排名", "编码", "单位名称", "订单金额", "累计份额"] : ["Rank", "Code", "Name", "Orders", "Running share"],
            rows: report.customers.prefix(eighty).enumerated().map { index, customer in
                let running = report.customers.prefix(index + 1).reduce(0) { $0 + $1.amountYuan }
                return [String(index + 1), customer.code, customer.name, s.yuan(customer.amountYuan),
                        String(format: "%.1f%%", Double(running) * 100 / Double(max(1, total)))]
            })
        return ReportTable(name: "pareto", title: (zh ? "客户二八分析 " : "Pareto of customers ") + "\(from) – \(to)",
                           sections: [summary, ranked], emptyText: zh ? "无" : "none")
    }

    public static func defeats(_ report: DefeatReport, from: LocalDate, to: LocalDate, strings s: Strings) -> ReportTable {
        let zh = s.language == .zh
        let unknown = zh ? "（未填）" : "(not given)"
        func counts(_ title: String, _ column: String, _ key: (String) -> String, _ values: [String]) -> ReportTable.Section {
            var tally: [String: Int] = [:]
            for value in values { tally[key(value), default: 0] += 1 }
            let grouped: [(name: String, count: Int)] = tally.map { (name: $0.key, count: $0.value) }
                .sorted { (x: (name: String, count: Int), y: (name: String, count: Int)) -> Bool in
                    x.count != y.count ? x.count > y.count : x.name < y.name
                }
            let most = grouped.first?.count ?? 0
            return ReportTable.Section(title: title, columns: [column, zh ? "次数" : "Count", ""],
                                       rows: grouped.map { [$0.name, String($0.count), bar($0.count, of: most)] })
        }
        let blankIsUnknown: (String) -> String = { $0.isEmpty ? unknown : $0 }
        let list = ReportTable.Section(
            title: zh ? "战败明细" : "Defeats",
            columns: zh ? ["日期", "编码", "单位名称", "原因", "竞争对手", "所购产品"] : ["Date", "Code", "Name", "Reason", "Competitor", "Bought"],
            rows: report.defeats.map { [$0.on.description, $0.code, $0.name, $0.reason, $0.competitor, $0.product] })
        return ReportTable(
            name: "defeats", title: (zh ? "战败分析 " : "Defeats ") + "\(from) – \(to)",
            sections: [counts(zh ? "按原因" : "By reason", zh ? "原因" : "Reason", blankIsUnknown, report.defeats.map(\.reason)),
                       counts(zh ? "按竞争对手" : "By competitor", zh ? "竞争对手" : "Competitor", blankIsUnknown, report.defeats.map(\.competitor)),
                       counts(zh ? "按所购产品" : "By product bought", zh ? "产品" : "Product", blankIsUnknown, report.defeats.map(\.product)),
                       list],
            emptyText: zh ? "无" : "none")
    }

    public static func sources(_ report: SourceReport, from: LocalDate, to: LocalDate, strings s: Strings) -> ReportTable {
        let zh = s.language == .zh
        let most = report.sources.map(\.leads).max() ?? 0
        let rows = report.sources.filter { $0.leads > 0 }.map { entry -> [String] in
            [s.label(entry.source), String(entry.leads), String(entry.won),
             String(format: "%.1f%%", Double(entry.won) * 100 / Double(entry.leads)), bar(entry.leads, of: most)]
        }
        return ReportTable(
            name: "sources", title: (zh ? "客户来源 " : "Lead sources ") + "\(from) – \(to)",
            sections: [.init(title: zh ? "线索与成交" : "Leads and deals",
                             columns: zh ? ["来源", "线索", "成交", "转化率", ""] : ["Source", "Leads", "Deals", "Conversion", ""], rows: rows)],
            emptyText: zh ? "无" : "none")
    }
}

extension ManagerReportPresenter {
    /// KPIs per salesperson and per team; a figure below its target is marked with "!",
    /// which reads in any terminal and in CSV.
    public static func kpi(_ rows: [KPIRow], targets: KPITargets, from: LocalDate, to: LocalDate, strings s: Strings) -> ReportTable {
        let zh = s.language == .zh
        func mark(_ value: Double, _ target: Int) -> String { String(format: "%.1f", value) + (value < Double(target) ? " !" : "") }
        func line(_ name: String, _ team: String, _ r: [KPIRow]) -> [String] {
            let days = r.map(\.workingDays).max() ?? 0
            let people = Double(max(1, r.count))
            let weeks = r.first?.weeks ?? 1
            let remote = r.reduce(0) { $0 + $1.remoteContacts }, visits = r.reduce(0) { $0 + $1.visits }
            let faceToFace = r.reduce(0) { $0 + $1.faceToFace }
            return [name, team, String(days),
                    mark(Double(remote) / Double(max(1, days)) / people, targets.remotePerDay),
                    String(r.reduce(0) { $0 + $1.daysBelowTarget }),
                    mark(Double(visits) / weeks / people, targets.visitsPerWeek),
                    mark(Double(faceToFace) / weeks / people, targets.faceToFacePerWeek),
                    String(r.reduce(0) { $0 + $1.onTime }), String(r.reduce(0) { $0 + $1.late }),
                    String(r.reduce(0) { $0 + $1.overdueNow })]
        }
        let columns = zh ? ["销售", "团队", "工作日", "远程/日", "未达标天数", "拜访/周", "面访/周", "按时跟进", "逾期跟进", "当前逾期卡"]
                         : ["Salesperson", "Team", "Work days", "Remote/day", "Days short", "Visits/week", "Face-to-face/week", "On time", "Late", "Overdue now"]
        let people = ReportTable.Section(title: zh ? "个人" : "People", columns: columns, rows: rows.map { line($0.name, $0.team, [$0]) })
        let teams = Dictionary(grouping: rows, by: \.team).sorted { $0.key < $1.key }
            .map { line(zh ? "（团队平均）" : "(team average)", $0.key, $0.value) }
        let targetsLine = zh ? "目标：远程联系每天 \(targets.remotePerDay) 个，每周拜访 \(targets.visitsPerWeek) 次、其中面访 \(targets.faceToFacePerWeek) 次；! 表示未达标"
                             : "Targets: \(targets.remotePerDay) remote contacts a day, \(targets.visitsPerWeek) visits a week of which \(targets.faceToFacePerWeek) face to face; ! marks a miss"
        return ReportTable(name: "kpi", title: (zh ? "KPI " : "KPIs ") + "\(from) – \(to)",
                           sections: [.init(title: targetsLine, columns: [], rows: []), people,
                                      .init(title: zh ? "团队" : "Teams", columns: columns, rows: teams)],
                           emptyText: zh ? "无" : "none")
    }
}

extension ManagerReportPresenter {
    public static func vipProgress(_ report: VIPProgressReport, from: LocalDate, to: LocalDate, strings s: Strings) -> ReportTable {
        let zh = s.language == .zh
        let most = report.months.map(\.count).max() ?? 0
        let months = ReportTable.Section(
            title: zh ? "每月末潜在VIP客户数" : "Potential VIP customers at each month's end",
            columns: zh ? ["月份", "户数", "新增", "转出", ""] : ["Month", "Customers", "Joined", "Left", ""],
            rows: report.months.map { [$0.month, String($0.count), String($0.joined), String($0.left), bar($0.count, of: most)] })
        let customers = ReportTable.Section(
            title: zh ? "当前潜在VIP客户的阶段（每月末）" : "Current potential VIP customers, stage at each month's end",
            columns: (zh ? ["编码", "单位名称", "责任人"] : ["Code", "Name", "Owner"]) + report.months.map(\.month),
            rows: report.customers.map { [$0.code, $0.name, $0.owner ?? (zh ? "（公海）" : "(pool)")] + $0.stages.map { $0?.rawValue ?? "—" } })
        return ReportTable(name: "vip-progress", title: (zh ? "潜在VIP开发进度 " : "Potential VIP progress ") + "\(from) – \(to)",
                           sections: [months, customers], emptyText: zh ? "无" : "none")
    }
}
