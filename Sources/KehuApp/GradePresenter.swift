import KehuCore
import KehuStore
import TerminalBasics

/// A grade proposal as an approver reads it: from and to, the score and its sheet (or, for
/// a downgrade kehu proposed, the months below standard), who proposed, who approved so
/// far, who is next.
public enum GradePresenter {
    public static func lines(_ p: GradeProposal, width: Int, strings s: Strings) -> [StyledLine] {
        var flow = FlowLayout(width: width)
        func line(_ label: String, _ value: String, _ role: ThemeRole = .cardValue) {
            flow.newLine()
            flow.item(label, value.isEmpty ? "—" : value, role: role)
        }
        line(s[.grade], "\(s.label(p.from)) → \(s.label(p.to))", .cardEmphasis)
        if p.isDowngradeForMonthsBelowStandard {
            line(s[.downgradeReason], s.belowStandard(grade: p.from, months: p.belowStandardMonths), .overdue)
        } else {
            line(s[.scoreTotal], "\(p.score)")
        }
        // Who proposed and who signs before the marks: on a short pane (80×24) they are
        // what the approver decides on; the marks come last and may scroll.
        line(s.proposedByLabel, "\(p.proposerName) \(p.proposedAt.date.monthDay) \(p.proposedAt.clock)")
        let chain = p.chain.map { role -> String in
            let decided = p.decisions.first { $0.role == role }
            return s.label(role) + (decided.map { $0.approved ? " ✔ \($0.approverName)" : " ✘ \($0.approverName)" } ?? "")
        }
        line(s[.approversLabel], chain.isEmpty ? s[.noApprovalNeeded] : chain.joined(separator: " → "))
        if !p.isDowngradeForMonthsBelowStandard {
            line(s.scoresLabel, p.scoreSheet.replacingOccurrences(of: ",", with: " · "))
        }
        return flow.finish()
    }
}
