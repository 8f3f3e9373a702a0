/// Words of the reports and a few form and list labels, in both languages.
public enum ReportWord: Sendable {
    case stagesOpenIntentCards, byIntentLevel, forecast, salesFunnel, nothing, n8020, customersWithOrders, orderValue, shareOfTheTop20, customersMaking80OfValue, rankedCustomersMaking80, paretoOfCustomers, notGiven, count, defeats, defeatsTitle, byReason, reason, byCompetitor, competitor, byProductBought, product, leadSources, leadsAndDeals, people, teamAverage, kpis, teams, potentialVipCustomersAtEach, currentPotentialVipCustomersStage, pool, potentialVipProgress, noReasonYet, lostCustomers, customers, inTheWarningWindowToday, churnReport, byGrade, grade, byOwner, owner, listSeparator
}

public enum ReportColumns: Sendable {
    case kpi, stageCardsAmountProbabilityWeighted, levelCards, weightedTotal, measureValue, rankCodeNameOrdersRunning, dateCodeNameReasonCompetitor, sourceLeadsDealsConversion, monthCustomersJoinedLeft, codeNameOwner, codeNameGradeOwnerLost, codeNameGradeOwnerLast, maleFemale, noYes, formalPotential
}

extension Strings {
    public func word(_ word: ReportWord) -> String {
        let zh = language == .zh
        switch word {
        case .stagesOpenIntentCards: return zh ? "漏斗阶段（未结意向卡）" : "Stages (open intent cards)"
        case .byIntentLevel: return zh ? "按意向级别" : "By intent level"
        case .forecast: return zh ? "销售预测" : "Forecast"
        case .salesFunnel: return zh ? "销售漏斗" : "Sales funnel"
        case .nothing: return zh ? "无" : "none"
        case .n8020: return zh ? "二八分析" : "80/20"
        case .customersWithOrders: return zh ? "有订单的客户" : "customers with orders"
        case .orderValue: return zh ? "订单总额" : "order value"
        case .shareOfTheTop20: return zh ? "前 20% 客户所占份额" : "share of the top 20%"
        case .customersMaking80OfValue: return zh ? "占 80% 金额的客户数" : "customers making 80% of value"
        case .rankedCustomersMaking80: return zh ? "占 80% 金额的客户" : "Customers making 80% of value"
        case .paretoOfCustomers: return zh ? "客户二八分析 " : "Pareto of customers "
        case .notGiven: return zh ? "（未填）" : "(not given)"
        case .count: return zh ? "次数" : "Count"
        case .defeats: return zh ? "战败明细" : "Defeats"
        case .defeatsTitle: return zh ? "战败分析 " : "Defeats "
        case .byReason: return zh ? "按原因" : "By reason"
        case .reason: return zh ? "原因" : "Reason"
        case .byCompetitor: return zh ? "按竞争对手" : "By competitor"
        case .competitor: return zh ? "竞争对手" : "Competitor"
        case .byProductBought: return zh ? "按所购产品" : "By product bought"
        case .product: return zh ? "产品" : "Product"
        case .leadSources: return zh ? "客户来源 " : "Lead sources "
        case .leadsAndDeals: return zh ? "线索与成交" : "Leads and deals"
        case .people: return zh ? "个人" : "People"
        case .teamAverage: return zh ? "（团队平均）" : "(team average)"
        case .kpis: return zh ? "KPI " : "KPIs "
        case .teams: return zh ? "团队" : "Teams"
        case .potentialVipCustomersAtEach: return zh ? "每月末潜在VIP客户数" : "Potential VIP customers at each month's end"
        case .currentPotentialVipCustomersStage: return zh ? "当前潜在VIP客户的阶段（每月末）" : "Current potential VIP customers, stage at each month's end"
        case .pool: return zh ? "（公海）" : "(pool)"
        case .potentialVipProgress: return zh ? "潜在VIP开发进度 " : "Potential VIP progress "
        case .noReasonYet: return zh ? "（未填原因）" : "(no reason yet)"
        case .lostCustomers: return zh ? "流失客户" : "Lost customers"
        case .customers: return zh ? "户数" : "Customers"
        case .inTheWarningWindowToday: return zh ? "流失预警（今日）" : "In the warning window today"
        case .churnReport: return zh ? "客户流失报告 " : "Churn report "
        case .byGrade: return zh ? "按等级" : "By grade"
        case .grade: return zh ? "等级" : "Grade"
        case .byOwner: return zh ? "按责任人" : "By owner"
        case .owner: return zh ? "责任人" : "Owner"
        case .listSeparator: return zh ? "；" : "; "
        }
    }

    public func columns(_ columns: ReportColumns) -> [String] {
        let zh = language == .zh
        switch columns {
        case .kpi:
            return zh ? ["销售", "团队", "工作日", "远程客户/日", "未达标天数", "拜访潜客/周", "其中面访/周", "按时跟进", "逾期跟进", "当前逾期卡", "存疑"]
                      : ["Salesperson", "Team", "Work days", "Reached/day", "Days short", "Prospects/week", "Met/week", "On time", "Late", "Overdue now", "Doubtful"]
        case .stageCardsAmountProbabilityWeighted: return zh ? ["阶段", "卡数", "金额", "概率", "加权", ""] : ["Stage", "Cards", "Amount", "Probability", "Weighted", ""]
        case .levelCards: return zh ? ["级别", "卡数"] : ["Level", "Cards"]
        case .weightedTotal: return zh ? ["加权合计"] : ["Weighted total"]
        case .measureValue: return zh ? ["项目", "数值"] : ["Measure", "Value"]
        case .rankCodeNameOrdersRunning: return zh ? ["排名", "编码", "单位名称", "订单金额", "累计份额"] : ["Rank", "Code", "Name", "Orders", "Running share"]
        case .dateCodeNameReasonCompetitor: return zh ? ["日期", "编码", "单位名称", "原因", "竞争对手", "所购产品", "存疑"] : ["Date", "Code", "Name", "Reason", "Competitor", "Bought", "Doubt"]
        case .sourceLeadsDealsConversion: return zh ? ["来源", "线索", "成交", "转化率", ""] : ["Source", "Leads", "Deals", "Conversion", ""]
        case .monthCustomersJoinedLeft: return zh ? ["月份", "户数", "新增", "转出", ""] : ["Month", "Customers", "Joined", "Left", ""]
        case .codeNameOwner: return zh ? ["编码", "单位名称", "责任人"] : ["Code", "Name", "Owner"]
        case .codeNameGradeOwnerLost: return zh ? ["编码", "单位名称", "等级", "责任人", "流失日期", "原因"] : ["Code", "Name", "Grade", "Owner", "Lost on", "Reason"]
        case .codeNameGradeOwnerLast: return zh ? ["编码", "单位名称", "等级", "责任人", "最后订单", "将流失于"] : ["Code", "Name", "Grade", "Owner", "Last order", "Lost on"]
        case .maleFemale: return zh ? ["—", "男", "女"] : ["—", "male", "female"]
        case .noYes: return zh ? ["否", "是"] : ["no", "yes"]
        case .formalPotential: return zh ? ["正式", "潜在", "形象"] : ["formal", "potential", "image"]
        }
    }

    public func kpiTargets(remotePerDay: Int, visitsPerWeek: Int, faceToFacePerWeek: Int) -> String {
        language == .zh ? "目标：每天远程联系 \(remotePerDay) 个客户，每周拜访 \(visitsPerWeek) 个潜在客户、其中面访 \(faceToFacePerWeek) 个（按客户计，同一客户一天或一周只算一次）；! 表示未达标"
                        : "Targets: \(remotePerDay) customers reached remotely a day, \(visitsPerWeek) prospects visited a week, \(faceToFacePerWeek) of them face to face (customers, each once a day or week); ! marks a miss"
    }
}
