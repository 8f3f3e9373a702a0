import KehuApp
import KehuCore
import KehuStore
import TerminalUI

/// `h`: who changed what on the shown customer and when, newest first — its archive,
/// contacts, cards, visits and orders.
enum HistoryOverlay {
    static func lines(_ entries: [AuditEntry], strings s: Strings, width: Int) -> [StyledLine] {
        guard !entries.isEmpty else { return [[Span(s[.historyEmpty], .listEmpty)]] }
        return entries.flatMap { entry -> [StyledLine] in
            let when = "\(entry.at.date.monthDay) \(entry.at.clock) "
            let who = TextLayout.fit(entry.actor, to: 10) + " "
            let what: String
            if entry.field == "*" {
                what = "\(s.tableLabel(entry.table)) \(s[.created])"
            } else {
                let old = entry.oldValue.map { $0.isEmpty ? "—" : $0 } ?? "—"
                let new = entry.newValue.map { $0.isEmpty ? "—" : $0 } ?? "—"
                what = "\(s.tableLabel(entry.table)) \(s.columnLabel(entry.table, entry.field)): \(old) → \(new)"
            }
            let head = DisplayWidth.of(when) + DisplayWidth.of(who)
            let pieces = TextLayout.wrap(what, width: max(10, width - head))
            return pieces.enumerated().map { index, piece in
                index == 0 ? [Span(when, .timelineDate), Span(who, .timelineMeta), Span(piece, .helpText)]
                    : [Span(String(repeating: " ", count: head) + piece, .helpText)]
            }
        }
    }

    static func draw(_ vm: MainViewModel, entries: [AuditEntry], into buffer: inout ScreenBuffer, size: Size, context: ScreenContext) {
        let width = min(size.width - 4, 96)
        drawOverlay(vm, title: "\(vm.strings[.historyTitle]) · \(vm.detail?.customer.name ?? "")", note: "\(entries.count)",
                    lines: lines(entries, strings: vm.strings, width: width - 4), into: &buffer, size: size, context: context)
    }

    /// `D`: the prospects that return to the pool tomorrow, whose they are and why.
    static func drawPoolPreview(_ vm: MainViewModel, drops: [PoolDrop], into buffer: inout ScreenBuffer, size: Size, context: ScreenContext) {
        let s = vm.strings
        let lines: [StyledLine] = drops.isEmpty ? [[Span(s[.nothingDropsTomorrow], .listEmpty)]] : drops.map { drop in
            [Span(drop.code + " ", .listCode), Span(TextLayout.fit(drop.name, to: 22) + " ", .listRow),
             Span(TextLayout.fit(drop.ownerName, to: 6) + " ", .timelineMeta),
             Span(s.dropReason(lastActivity: drop.lastActivity, today: vm.today), .overdue)]
        }
        drawOverlay(vm, title: "\(s[.poolPreviewTitle]) · \(vm.today.adding(days: 1).monthDay)", note: "\(drops.count)",
                    lines: lines, into: &buffer, size: size, context: context)
    }

    /// A large scrolling box over the screen, sharing help's keys.
    static func drawOverlay(_ vm: MainViewModel, title: String, note: String, lines all: [StyledLine],
                            into buffer: inout ScreenBuffer, size: Size, context: ScreenContext) {
        let width = min(size.width - 4, 96)
        let rect = Rect(x: (size.width - width) / 2, y: 2, width: width, height: size.height - 4)
        let inner = rect.inner
        vm.clampHelp(lineCount: all.count, visible: inner.height)
        buffer.fill(rect, style: .plain)
        buffer.box(rect, glyphs: context.glyphs, style: context.style(.helpBorder), title: title, titleStyle: context.style(.helpTitle),
                   note: note, noteStyle: context.style(.paneNote))
        for (offset, line) in all.dropFirst(vm.helpTop).prefix(inner.height).enumerated() {
            context.draw([Span(" ", .helpText)] + line, into: &buffer, x: inner.x, y: inner.y + offset, width: inner.width)
        }
        context.scrollMarks(rect, into: &buffer, above: vm.helpTop > 0, below: vm.helpTop + inner.height < all.count)
    }
}
