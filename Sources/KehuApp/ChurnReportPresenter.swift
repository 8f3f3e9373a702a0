import KehuCore
import KehuStore

/// The churn report as a manager reads it: who was lost in the period and why, counted
/// by grade, owner and reason, and who is about to be.
public enum ChurnReportPresenter {
    public static func table(_ report: ChurnReport, strings s: Strings) -> ReportTable {
        let zh = s.language == .zh
        let period = "\(report.from) – \(report.to)"
        let unknownOwner = zh ? "（公海）" : "(pool)"
        let noReason = zh ? "（未填原因）" : "(no reason yet)"
        let losses = ReportTable.Section(
            title: zh ? "流失客户" : "Lost customers",
            columns: zh ? ["编码", "单位名称", "等级", "责任人", "流失日期", "原因"] : ["Code", "Name", "Grade", "Owner", "Lost on", "Reason"],
            rows: report.losses.map { [$0.code, $0.name, s.label($0.grade), $0.ownerName ?? unknownOwner, $0.lostOn.description, $0.reason ?? noReason] })
        func counts(_ title: String, _ column: String, _ key: (ChurnReport.Loss) -> String) -> ReportTable.Section {
            ReportTable.Section(title: title, columns: [column, zh ? "户数" : "Customers"],
                                rows: report.count(by: key).map { [$0.key, String($0.count)] })
        }
        let warnings = ReportTable.Section(
            title: zh ? "流失预警（今日）" : "In the warning window today",
            columns: zh ? ["编码", "单位名称", "等级", "责任人", "最后订单", "将流失于"] : ["Code", "Name", "Grade", "Owner", "Last order", "Lost on"],
            rows: report.warnings.map { [$0.code, $0.name, s.label($0.grade), $0.ownerName ?? unknownOwner, $0.lastOrder.description, $0.lostOn.description] })
        return ReportTable(
            name: "churn", title: (zh ? "客户流失报告 " : "Churn report ") + period,
            sections: [losses,
                       counts(zh ? "按等级" : "By grade", zh ? "等级" : "Grade") { s.label($0.grade) },
                       counts(zh ? "按责任人" : "By owner", zh ? "责任人" : "Owner") { $0.ownerName ?? unknownOwner },
                       counts(zh ? "按原因" : "By reason", zh ? "原因" : "Reason") { $0.reason ?? noReason },
                       warnings],
            emptyText: zh ? "无" : "none")
    }
}
