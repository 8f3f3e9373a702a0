import KehuCore
import KehuStore

/// The churn report as a manager reads it: who was lost in the period and why, counted
/// by grade, owner and reason, and who is about to be.
public enum ChurnReportPresenter {
    public static func table(_ report: ChurnReport, strings s: Strings) -> ReportTable {
        let period = "\(report.from) – \(report.to)"
        let unknownOwner = s.word(.pool)
        let noReason = s.word(.noReasonYet)
        let losses = ReportTable.Section(
            title: s.word(.lostCustomers),
            columns: s.columns(.codeNameGradeOwnerLost),
            rows: report.losses.map { [.text($0.code), .text($0.name), .text(s.label($0.grade)), .text($0.ownerName ?? unknownOwner),
                                       .text($0.lostOn.description), .text($0.reason ?? noReason)] })
        func counts(_ title: String, _ column: String, _ key: (ChurnReport.Loss) -> String) -> ReportTable.Section {
            ReportTable.Section(title: title, columns: [column, s.word(.customers)],
                                rows: report.count(by: key).map { [.text($0.key), .count($0.count)] })
        }
        let warnings = ReportTable.Section(
            title: s.word(.inTheWarningWindowToday),
            columns: s.columns(.codeNameGradeOwnerLast),
            rows: report.warnings.map { [.text($0.code), .text($0.name), .text(s.label($0.grade)), .text($0.ownerName ?? unknownOwner),
                                         .text($0.lastOrder.description), .text($0.lostOn.description)] })
        return ReportTable(
            name: "churn", title: (s.word(.churnReport)) + period,
            sections: [losses,
                       counts(s.word(.byGrade), s.word(.grade)) { s.label($0.grade) },
                       counts(s.word(.byOwner), s.word(.owner)) { $0.ownerName ?? unknownOwner },
                       counts(s.word(.byReason), s.word(.reason)) { $0.reason ?? noReason },
                       warnings],
            emptyText: s.word(.nothing))
    }
}
