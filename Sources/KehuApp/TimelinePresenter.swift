import KehuCore
import KehuStore
import TerminalBasics

/// The visit timeline as lines, newest first: date, method, handler, level and what
/// happened; then bottleneck and next visit; then the supervisor's comment. A year line
/// separates the years, so dates can stay short.
public enum TimelinePresenter {
    /// Continuation lines start under the method column: "11-15 " is six columns.
    static let indent = 6

    public static func lines(_ entries: [TimelineEntry], width: Int, today: LocalDate, strings s: Strings) -> [StyledLine] {
        layout(entries, width: width, today: today, strings: s).lines
    }

    /// The lines, and the line each entry starts on (its year line, when it opens a year).
    static func layout(_ entries: [TimelineEntry], width: Int, today: LocalDate, strings s: Strings) -> (lines: [StyledLine], starts: [Int]) {
        var lines: [StyledLine] = []
        var starts: [Int] = []
        _ = extend(&lines, starts: &starts, entries: entries, until: .max, width: width, today: today, strings: s)
        return (lines, starts)
    }

    /// Lays out the entries after those already in `lines` (one start each in `starts`)
    /// until there are at least `lineCount` lines or no entries left: a list move lays out
    /// what the pane shows and a little more, and scrolling lays out the rest as it goes.
    /// The result is line for line what `layout` makes of the same entries.
    /// Returns whether every entry is laid out.
    static func extend(_ lines: inout [StyledLine], starts: inout [Int], entries: [TimelineEntry], until lineCount: Int,
                       width: Int, today: LocalDate, strings s: Strings) -> Bool {
        guard starts.count < entries.count else { return true }
        // The year line of the entry before decides whether this one opens a year.
        var year = starts.isEmpty ? today.year : entries[starts.count - 1].activity.occurredAt.date.year
        let methodWidth = ContactMethod.allCases.map { DisplayWidth.of(s.label($0)) }.max() ?? 4
        let pad = String(repeating: " ", count: indent)
        for entry in entries[starts.count...] {
            if lines.count >= lineCount { return false }
            let a = entry.activity
            starts.append(lines.count)
            if a.occurredAt.date.year != year {
                year = a.occurredAt.date.year
                lines.append([Span(TextLayout.fit("── \(year) ", to: width).replacingSpaces(with: "─", from: 8), .timelineMeta)])
            }
            // How and who read as one ("来店 林娜") and share a colour: one colour change
            // fewer per visit on the wire.
            let head = [Span(a.occurredAt.date.monthDay + " ", .timelineDate),
                        Span(TextLayout.fit(s.label(a.method), to: methodWidth) + " " + TextLayout.fit(entry.handlerName, to: 6) + " ", .timelineMethod),
                        Span((a.levelJudged?.rawValue ?? " ") + "  ", .timelineLevel)]
            let headWidth = head.reduce(0) { $0 + DisplayWidth.of($1.text) }
            var text = a.content
            if let contact = entry.contactName { text += " (\(s[.withContact]) \(contact))" }
            let wrapped = wrap(text, first: width - headWidth, rest: width - indent)
            lines.append(head + [Span(wrapped.first ?? "", .cardValue)])
            for piece in wrapped.dropFirst() { lines.append([Span(pad + piece, .cardValue)]) }

            var meta: [String] = []
            if !a.bottleneckPlan.isEmpty { meta.append("\(s[.bottleneck]) \(a.bottleneckPlan)") }
            if !a.impression.isEmpty { meta.append("\(s[.impression]) \(a.impression)") }
            if !meta.isEmpty || a.nextVisitOn != nil {
                var text = meta.joined(separator: " · ")
                if let next = a.nextVisitOn { text += (text.isEmpty ? "" : "  ") + "→ \(s[.nextVisit]) \(next.monthDay)" }
                for piece in TextLayout.wrap(text, width: width - indent) { lines.append([Span(pad + piece, .timelineMeta)]) }
            }
            let signed: [(StringKey, SupervisorComment, String?)] = [
                a.supervisorComment.map { (.supervisorComment, $0, entry.signerName) },
                a.managerReview.map { (.managerReview, $0, entry.reviewerName) },
            ].compactMap { $0 }
            for (label, comment, name) in signed {
                let who = "\(s[label]) (\(name ?? "?") \(comment.signedAt.date.monthDay) \(comment.signedAt.clock)): "
                for piece in TextLayout.wrap(who + comment.text, width: width - indent) {
                    lines.append([Span(pad + piece, .timelineComment)])
                }
            }
            // A corrected row says so, by whom, when and why, and keeps what it said first.
            if let note = entry.correction {
                let head = s.correctedBy(note.correctorName, at: "\(note.at.date.monthDay) \(note.at.clock)", reason: note.reason)
                let first = s.originalRecord(note.original, strings: s)
                for piece in TextLayout.wrap(head + " " + first, width: width - indent) { lines.append([Span(pad + piece, .timelineMeta)]) }
            }
        }
        return true
    }

    /// Wraps with a narrower first line (after the entry's head columns).
    static func wrap(_ text: String, first: Int, rest: Int) -> [String] {
        guard first > 0 else { return TextLayout.wrap(text, width: max(1, rest)) }
        let firstLine = TextLayout.wrap(text, width: first, maxLines: 1).first ?? ""
        let remainder = String(text.dropFirst(firstLine.count)).trimmingCharacters()
        return [firstLine] + (remainder.isEmpty ? [] : TextLayout.wrap(remainder, width: max(1, rest)))
    }
}

extension String {
    /// Turns trailing padding into a rule: "── 2025      " → "── 2025 ─────".
    func replacingSpaces(with fill: Character, from column: Int) -> String {
        var out = ""
        var col = 0
        var trailing = true
        let reversedTail = self.reversed().prefix { $0 == " " }.count
        for (index, ch) in self.enumerated() {
            trailing = index >= self.count - reversedTail
            out.append(trailing && col >= column ? fill : ch)
            col += DisplayWidth.of(ch)
        }
        return out
    }
}
