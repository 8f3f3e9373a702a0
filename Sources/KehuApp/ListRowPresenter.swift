import KehuCore
import KehuStore
import TerminalBasics

/// One row of each list as the screen draws it: a customer list row (also a search
/// match), an evening queue row, a grade proposal waiting for approval.
public enum ListRowPresenter {
    /// Below this inner width the grade and status column gives way to the name: the
    /// code's first two letters already say both. An 80-column screen's list (38) keeps it,
    /// with six characters of the name.
    public static let gradeColumnMinimumWidth = 38

    /// The code column fits the widest code shown, 11 at least.
    public static func codeWidth(_ rows: [CustomerListRow]) -> Int {
        max(11, rows.map { DisplayWidth.of($0.code) }.max() ?? 11)
    }

    /// Code, name, grade and status, next follow-up (with ! when overdue, so it shows in
    /// monochrome too); ✉ a supervisor's comment waiting to be read, ⚠ a churn warning.
    /// Columns give way by priority: the name keeps six characters (13 columns with its
    /// ellipsis) before the next follow-up's date does — then only its mark stays (`!`
    /// overdue, `•` due today), the card pane showing the date.
    public static func customer(_ row: CustomerListRow, width: Int, codeWidth: Int, today: LocalDate) -> StyledLine {
        let showGrade = width >= gradeColumnMinimumWidth
        let gradeWidth = showGrade ? 5 : 0      // "A* b "
        let roomForName = width - 1 - codeWidth - 1 - 1 - gradeWidth
        let dueWidth = roomForName - 6 >= 13 ? 6 : 1     // "!11-29", or just the mark
        let nameWidth = max(4, roomForName - dueWidth)
        // * marks a potential grade (潜在VIP, 潜在重点).
        let grade = showGrade ? String(row.grade.letter) + (row.grade.isPotential ? "*" : " ") + " " + String(row.status.letter) + " " : ""
        var due = ""
        var dueRole: ThemeRole = .listRow
        if let next = row.nextFollowUpOn {
            due = dueWidth == 1 ? (next < today ? "!" : next == today ? "•" : " ") : (next < today ? "!" : " ") + next.monthDay
            dueRole = next < today ? .overdue : next == today ? .dueToday : .listCode
        }
        let nameRole: ThemeRole = row.grade == .vip ? .gradeVIP : .listRow
        return [Span(row.hasNewComment ? "✉" : row.churnWarning ? "⚠" : " ", row.hasNewComment ? .timelineComment : .overdue),
                Span(TextLayout.fit(row.code, to: codeWidth) + " ", .listCode),
                Span(TextLayout.fit(row.name, to: nameWidth) + " ", nameRole),
                Span(grade, .listCode),
                Span(TextLayout.fitRight(due, to: dueWidth), dueRole)]
    }

    /// Search matches: a customer row behind a mark for how it matched — = exact code or
    /// phone, ^ a prefix of code or name, ~ pinyin, blank: anywhere.
    public static func searchHits(_ hits: ArraySlice<SearchHit>, width: Int, today: LocalDate) -> [StyledLine] {
        let codeWidth = codeWidth(hits.map(\.row))
        return hits.map { hit in
            let mark: String
            switch hit.match {
            case .exact: mark = "="
            case .namePrefix: mark = "^"
            case .pinyinPrefix: mark = "~"
            case .substring: mark = " "
            }
            return [Span(mark, .listCode)] + customer(hit.row, width: width - 1, codeWidth: codeWidth, today: today)
        }
    }

    /// An evening queue row: a salesperson's heading, a follow-up (✔ once signed, "结转"
    /// when left from an earlier day), an overdue card, a defeat application.
    public static func evening(_ row: EveningRow, width: Int, today: LocalDate, strings s: Strings) -> StyledLine {
        switch row {
        case .salesperson(let name, let count):
            return [Span(" \(name) (\(count))", .cardHeading)]
        case .overdueHeading(let count):
            return [Span(" \(s[.overdueCards]) (\(count))", .cardHeading)]
        case .defeatHeading(let count):
            return [Span(" \(s[.defeatApplications]) (\(count))", .cardHeading)]
        case .followUp(let f):
            var tags: [Span] = []
            if f.isCarriedOver { tags.append(Span(" " + s[.carriedOver], .overdue)) }
            if f.activity.needsGuidance { tags.append(Span(" " + s[.needsGuidanceMark], .gradeVIP)) }
            if f.activity.doubtful { tags.append(Span(" " + s[.doubtfulTag], .overdue)) }
            if f.activity.correctedAt != nil { tags.append(Span(" " + s.correctedMark, f.activity.recheck ? .overdue : .listCode)) }
            let tagWidth = tags.reduce(0) { $0 + DisplayWidth.of($1.text) }
            let nameWidth = max(6, width - 3 - 1 - 5 - 2 - tagWidth)
            return [Span("  " + (f.isChecked ? "✔" : " ") + " ", .dueToday),
                    Span(TextLayout.fit(f.customerName, to: nameWidth) + " ", .listRow),
                    Span(TextLayout.fit(s.label(f.activity.method), to: 4) + " ", .timelineMethod),
                    Span(f.activity.levelJudged?.rawValue ?? " ", .timelineLevel)] + tags
        case .overdue(let c):
            let late = s.overdueDays(c.card.daysOverdue(on: today) ?? 0)
            let owner = c.ownerName ?? s[.noOwnerPool]
            let nameWidth = max(6, width - 4 - 2 - DisplayWidth.of(late) - 1 - DisplayWidth.of(owner) - 1)
            return [Span("    ", .listRow), Span(TextLayout.fit(c.customerName, to: nameWidth) + " ", .listRow),
                    Span(c.card.level.rawValue + " ", .timelineLevel), Span(late + " ", .overdue), Span(owner, .listCode)]
        case .defeat(let c):
            let owner = c.ownerName ?? s[.noOwnerPool]
            let tag = c.card.defeatDoubtful ? " " + s[.doubtfulTag] : ""
            let nameWidth = max(6, width - 4 - DisplayWidth.of(owner) - DisplayWidth.of(tag) - 1)
            return [Span("    ", .listRow), Span(TextLayout.fit(c.customerName, to: nameWidth) + " ", .listRow), Span(owner, .listCode),
                    Span(tag, .overdue)]
        }
    }

    /// A contract in the approvals list: code, customer, the amount and who signs next.
    public static func contract(_ c: ContractProposal, width: Int, strings s: Strings) -> StyledLine {
        let money = "\(s.contractTag) \(s.yuan(c.order.amountYuan))"
        let nameWidth = max(6, width - 1 - 12 - DisplayWidth.of(money) - 1)
        return [Span(" " + TextLayout.fit(c.customerCode, to: 11) + " ", .listCode),
                Span(TextLayout.fit(c.customerName, to: nameWidth) + " ", .listRow),
                Span(money, .cardEmphasis)]
    }

    /// One item of the approvals list.
    public static func approval(_ item: ApprovalItem, width: Int, strings s: Strings) -> StyledLine {
        switch item {
        case .grade(let p): return proposal(p, width: width, strings: s)
        case .contract(let c): return contract(c, width: width, strings: s)
        }
    }

    /// A grade proposal in the approvals list: code, customer, from → to and the score (a
    /// downgrade kehu proposed for months below standard has no score: it says 降级).
    public static func proposal(_ proposal: GradeProposal, width: Int, strings s: Strings) -> StyledLine {
        let why = proposal.isDowngradeForMonthsBelowStandard ? s.downgradeTag : "\(proposal.score)"
        let change = "\(proposal.from.letter)→\(proposal.to.letter) \(why)"
        let nameWidth = max(6, width - 1 - 12 - DisplayWidth.of(change) - 1)
        return [Span(" " + TextLayout.fit(proposal.customerCode, to: 11) + " ", .listCode),
                Span(TextLayout.fit(proposal.customerName, to: nameWidth) + " ", .listRow),
                Span(change, .gradeVIP)]
    }
}
