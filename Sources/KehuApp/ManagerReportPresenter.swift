import KehuCore
import KehuStore

/// The managers' reports as tables: funnel and forecast, 80/20, defeats, lead sources.
/// Amounts read as people say them (12.5万); a bar of block characters shows the shape
/// where a picture reads faster than numbers.
public enum ManagerReportPresenter {
    static func bar(_ value: Int, of largest: Int) -> ReportCell { .bar(value, of: largest) }

    public static func funnel(_ report: FunnelReport, strings s: Strings) -> ReportTable {
        let most = report.stages.map(\.cards).max() ?? 0
        let stages = ReportTable.Section(
            title: s.word(.stagesOpenIntentCards),
            columns: s.columns(.stageCardsAmountProbabilityWeighted),
            rows: report.stages.map { [.text($0.stage.rawValue), .count($0.cards), .yuan($0.amountYuan, s),
                                       .percent(whole: $0.probabilityPercent), .yuan($0.weightedYuan, s), bar($0.cards, of: most)] })
        let levels = ReportTable.Section(
            title: s.word(.byIntentLevel), columns: s.columns(.levelCards),
            rows: report.byLevel.map { [.text($0.level.rawValue), .count($0.cards)] })
        let forecast = ReportTable.Section(title: s.word(.forecast), columns: s.columns(.weightedTotal),
                                           rows: [[.yuan(report.forecastYuan, s)]])
        return ReportTable(name: "funnel", title: s.word(.salesFunnel), sections: [stages, levels, forecast], emptyText: s.word(.nothing))
    }

    public static func pareto(_ report: ParetoReport, from: LocalDate, to: LocalDate, strings s: Strings) -> ReportTable {
        let values = report.customers.map(\.amountYuan)
        let total = values.reduce(0, +)
        let eighty = Pareto.count(reaching: 0.8, of: values)
        let share = Pareto.share(ofTop: 0.2, of: values)
        let summary = ReportTable.Section(
            title: s.word(.n8020), columns: s.columns(.measureValue),
            rows: values.isEmpty ? [] : [
                [.text(s.word(.customersWithOrders)), .count(values.count)],
                [.text(s.word(.orderValue)), .yuan(total, s)],
                [.text(s.word(.shareOfTheTop20)), .percent(share)],
                [.text(s.word(.customersMaking80OfValue)), .count(eighty)],
            ])
        let ranked = ReportTable.Section(
            title: s.word(.rankedCustomersMaking80),
            columns: s.columns(.rankCodeNameOrdersRunning),
            rows: report.customers.prefix(eighty).enumerated().map { index, customer in
                let running = report.customers.prefix(index + 1).reduce(0) { $0 + $1.amountYuan }
                return [.count(index + 1), .text(customer.code), .text(customer.name), .yuan(customer.amountYuan, s),
                        .percent(Double(running) / Double(max(1, total)))]
            })
        return ReportTable(name: "pareto", title: (s.word(.paretoOfCustomers)) + "\(from) – \(to)",
                           sections: [summary, ranked], emptyText: s.word(.nothing))
    }

    public static func defeats(_ report: DefeatReport, from: LocalDate, to: LocalDate, strings s: Strings) -> ReportTable {
        let unknown = s.word(.notGiven)
        func counts(_ title: String, _ column: String, _ key: (String) -> String, _ values: [String]) -> ReportTable.Section {
            var tally: [String: Int] = [:]
            for value in values { tally[key(value), default: 0] += 1 }
            let grouped: [(name: String, count: Int)] = tally.map { (name: $0.key, count: $0.value) }
                .sorted { (x: (name: String, count: Int), y: (name: String, count: Int)) -> Bool in
                    x.count != y.count ? x.count > y.count : x.name < y.name
                }
            let most = grouped.first?.count ?? 0
            return ReportTable.Section(title: title, columns: [column, s.word(.count), ""],
                                       rows: grouped.map { [.text($0.name), .count($0.count), bar($0.count, of: most)] })
        }
        let blankIsUnknown: (String) -> String = { $0.isEmpty ? unknown : $0 }
        let list = ReportTable.Section(
            title: s.word(.defeats),
            columns: s.columns(.dateCodeNameReasonCompetitor),
            rows: report.defeats.map { [.text($0.on.description), .text($0.code), .text($0.name), .text($0.reason), .text($0.competitor), .text($0.product),
                                        .text($0.doubtful ? s[.doubtfulTag] : "")] })
        return ReportTable(
            name: "defeats", title: (s.word(.defeatsTitle)) + "\(from) – \(to)",
            sections: [counts(s.word(.byReason), s.word(.reason), blankIsUnknown, report.defeats.map(\.reason)),
                       counts(s.word(.byCompetitor), s.word(.competitor), blankIsUnknown, report.defeats.map(\.competitor)),
                       counts(s.word(.byProductBought), s.word(.product), blankIsUnknown, report.defeats.map(\.product)),
                       list],
            emptyText: s.word(.nothing))
    }

    public static func sources(_ report: SourceReport, from: LocalDate, to: LocalDate, strings s: Strings) -> ReportTable {
        let most = report.sources.map(\.leads).max() ?? 0
        let rows = report.sources.filter { $0.leads > 0 }.map { entry -> [ReportCell] in
            [.text(s.label(entry.source)), .count(entry.leads), .count(entry.won),
             .percent(Double(entry.won) / Double(entry.leads)), bar(entry.leads, of: most)]
        }
        return ReportTable(
            name: "sources", title: (s.word(.leadSources)) + "\(from) – \(to)",
            sections: [.init(title: s.word(.leadsAndDeals),
                             columns: s.columns(.sourceLeadsDealsConversion), rows: rows)],
            emptyText: s.word(.nothing))
    }
}

extension ManagerReportPresenter {
    /// KPIs per salesperson and per team; a figure below its target is marked with "!",
    /// which reads in any terminal and in CSV.
    public static func kpi(_ rows: [KPIRow], targets: KPITargets, from: LocalDate, to: LocalDate, strings s: Strings) -> ReportTable {
        func mark(_ value: Double, _ target: Int) -> ReportCell { .figure(value, mark: value < Double(target) ? " !" : "") }
        func line(_ name: String, _ team: String, _ r: [KPIRow]) -> [ReportCell] {
            let days = r.map(\.workingDays).max() ?? 0
            let people = Double(max(1, r.count))
            let weeks = r.first?.weeks ?? 1
            let remote = r.reduce(0) { $0 + $1.remoteCustomerDays }, visits = r.reduce(0) { $0 + $1.prospectsVisited }
            let faceToFace = r.reduce(0) { $0 + $1.prospectsMetFaceToFace }
            return [.text(name), .text(team), .count(days),
                    mark(Double(remote) / Double(max(1, days)) / people, targets.remotePerDay),
                    .count(r.reduce(0) { $0 + $1.daysBelowTarget }),
                    mark(Double(visits) / weeks / people, targets.visitsPerWeek),
                    mark(Double(faceToFace) / weeks / people, targets.faceToFacePerWeek),
                    .count(r.reduce(0) { $0 + $1.onTime }), .count(r.reduce(0) { $0 + $1.late }),
                    .count(r.reduce(0) { $0 + $1.overdueNow }), .count(r.reduce(0) { $0 + $1.doubtful })]
        }
        let columns = s.columns(.kpi)
        let people = ReportTable.Section(title: s.word(.people), columns: columns, rows: rows.map { line($0.name, $0.team, [$0]) })
        let teams = Dictionary(grouping: rows, by: \.team).sorted { $0.key < $1.key }
            .map { line(s.word(.teamAverage), $0.key, $0.value) }
        let targetsLine = s.kpiTargets(remotePerDay: targets.remotePerDay, visitsPerWeek: targets.visitsPerWeek, faceToFacePerWeek: targets.faceToFacePerWeek)
        return ReportTable(name: "kpi", title: (s.word(.kpis)) + "\(from) – \(to)",
                           sections: [.init(title: targetsLine, columns: [], rows: []), people,
                                      .init(title: s.word(.teams), columns: columns, rows: teams)],
                           emptyText: s.word(.nothing))
    }
}

extension ManagerReportPresenter {
    public static func vipProgress(_ report: VIPProgressReport, from: LocalDate, to: LocalDate, strings s: Strings) -> ReportTable {
        let most = report.months.map(\.count).max() ?? 0
        let months = ReportTable.Section(
            title: s.word(.potentialVipCustomersAtEach),
            columns: s.columns(.monthCustomersJoinedLeft),
            rows: report.months.map { [.text($0.month), .count($0.count), .count($0.joined), .count($0.left), bar($0.count, of: most)] })
        let customers = ReportTable.Section(
            title: s.word(.currentPotentialVipCustomersStage),
            columns: (s.columns(.codeNameOwner)) + report.months.map(\.month),
            rows: report.customers.map { [.text($0.code), .text($0.name), .text($0.owner ?? (s.word(.pool)))] + $0.stages.map { .text($0?.rawValue ?? "—") } })
        return ReportTable(name: "vip-progress", title: (s.word(.potentialVipProgress)) + "\(from) – \(to)",
                           sections: [months, customers], emptyText: s.word(.nothing))
    }
}

extension ManagerReportPresenter {
    /// The week's leads (客户跟进单): the counts, the effective leads with their owner for
    /// the hand-out, the ineffective ones with why, and effective leads per source.
    public static func leads(_ summary: LeadSummary, from: LocalDate, to: LocalDate, strings s: Strings) -> ReportTable {
        let zh = s.language == .zh
        let counts = ReportTable.Section(title: zh ? "线索" : "Leads", columns: s.columns(.measureValue), rows: [
            [.text(zh ? "新登记" : "Registered"), .count(summary.newLeads)],
            [.text(zh ? "其中未判定" : "Of those, not judged yet"), .count(summary.unjudged)],
            [.text(zh ? "判定有效" : "Judged effective"), .count(summary.effective.count)],
            [.text(zh ? "判定无效" : "Judged ineffective"), .count(summary.ineffective.count)],
        ])
        func source(_ raw: String) -> String { CustomerSource(rawValue: raw).map { s.label($0) } ?? raw }
        func rows(_ leads: [LeadSummary.Lead]) -> [[ReportCell]] {
            leads.map { [.text($0.judgedOn.description), .text($0.code), .text($0.name), .text($0.phone), .text(source($0.source)),
                         .text($0.ownerName ?? s[.noOwnerPool]), .text($0.judgeName), .text($0.note)] }
        }
        let columns = zh ? ["判定日", "编码", "单位名称", "电话", "来源", "负责人", "判定人", "说明"]
                         : ["Judged", "Code", "Name", "Phone", "Source", "Owner", "Judged by", "Note"]
        let bySource = Dictionary(grouping: summary.effective, by: { source($0.source) }).map { ($0.key, $0.value.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let most = bySource.first?.1 ?? 0
        return ReportTable(
            name: "leads", title: (zh ? "有效线索汇总（客户跟进单） " : "Effective leads (客户跟进单) ") + "\(from) – \(to)",
            sections: [counts,
                       .init(title: zh ? "有效线索" : "Effective leads", columns: columns, rows: rows(summary.effective)),
                       .init(title: zh ? "无效线索" : "Ineffective leads", columns: columns, rows: rows(summary.ineffective)),
                       .init(title: zh ? "有效线索来源" : "Effective leads by source", columns: [zh ? "来源" : "Source", s.word(.count), ""],
                             rows: bySource.map { [.text($0.0), .count($0.1), bar($0.1, of: most)] })],
            emptyText: s.word(.nothing))
    }

    /// What customers still owe on approved contracts (largest first, with the total), and
    /// the contracts still awaiting approval with the signature each waits for.
    public static func outstanding(_ lines: [OutstandingLine], awaiting: [ContractProposal], today: LocalDate, strings s: Strings) -> ReportTable {
        let zh = s.language == .zh
        let owed = lines.map { line -> [ReportCell] in
            [.text(line.code), .text(line.name), .text(line.ownerName), .count(line.orders), .yuan(line.amountYuan, s),
             .yuan(line.receivedYuan, s), .yuan(line.outstandingYuan, s), .text(line.oldestOrderOn.description)]
        }
        let total: [[ReportCell]] = lines.isEmpty ? [] : [[.text(zh ? "合计" : "Total"), .text(""), .text(""), .count(lines.map(\.orders).reduce(0, +)),
                                                            .yuan(lines.map(\.amountYuan).reduce(0, +), s), .yuan(lines.map(\.receivedYuan).reduce(0, +), s),
                                                            .yuan(lines.map(\.outstandingYuan).reduce(0, +), s), .text("")]]
        let waiting = awaiting.map { c -> [ReportCell] in
            [.text(c.order.date.description), .text(c.customerCode), .text(c.customerName), .yuan(c.order.amountYuan, s),
             .text(c.order.contractNumber), .text(c.recorderName), .text(c.nextStep.map { s.label($0) } ?? "")]
        }
        return ReportTable(
            name: "outstanding", title: (zh ? "欠款与待审批合同 " : "Owed and awaiting approval ") + today.description,
            sections: [.init(title: zh ? "已批准合同的欠款" : "Owed on approved contracts",
                             columns: zh ? ["编码", "单位名称", "负责人", "订单", "合同额", "已回款", "欠款", "最早订单"]
                                         : ["Code", "Name", "Owner", "Orders", "Amount", "Received", "Owed", "Oldest order"],
                             rows: owed + total),
                       .init(title: zh ? "待审批合同" : "Contracts awaiting approval",
                             columns: zh ? ["签订日", "编码", "单位名称", "合同额", "合同号", "录入", "待签"]
                                         : ["Signed", "Code", "Name", "Amount", "Contract no.", "Recorded by", "Waiting for"],
                             rows: waiting)],
            emptyText: s.word(.nothing))
    }
}
