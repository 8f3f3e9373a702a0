import KehuApp
import KehuCore
import KehuStore
import TerminalUI

/// The evening queue: the team's follow-ups grouped by salesperson (✔ once signed,
/// "结转" when left from an earlier day), then overdue cards, then defeat applications.
enum EveningPane {
    static func draw(_ vm: MainViewModel, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let s = vm.strings
        guard let inner = context.listPane(rect, into: &buffer, focused: vm.focus == .list,
                                           title: s[vm.view == .spotCheck ? .paneSpotCheck : .paneEvening],
                                           note: "", isEmpty: vm.eveningRows.isEmpty, empty: s[.nothingToCheck]) else { return }
        for (offset, entry) in vm.visibleEveningRows.enumerated() {
            let selected = entry.index == vm.eveningSelected
            let base: Style? = selected ? context.style(vm.focus == .list ? .listSelected : .listSelectedUnfocused) : nil
            context.draw(line(entry.row, width: inner.width, today: vm.today, strings: s), into: &buffer,
                         x: inner.x, y: inner.y + offset, width: inner.width, base: base)
        }
        context.scrollMarks(rect, into: &buffer, above: vm.eveningTop > 0, below: vm.eveningTop + inner.height < vm.eveningRows.count)
    }

    static func line(_ row: EveningRow, width: Int, today: LocalDate, strings s: Strings) -> StyledLine {
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
            let nameWidth = max(6, width - 4 - DisplayWidth.of(owner) - 1)
            return [Span("    ", .listRow), Span(TextLayout.fit(c.customerName, to: nameWidth) + " ", .listRow), Span(owner, .listCode)]
        }
    }
}
