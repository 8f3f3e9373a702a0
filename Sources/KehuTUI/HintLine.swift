import KehuApp
import TerminalUI

/// The bottom line, generated from the active keymap for the focused context: the first
/// key of each action, paired actions (up/down) shown together.
enum HintLine {
    static let groups: [[Action]] = [[.moveUp, .moveDown], [.comment], [.needsGuidance], [.markDoubtful], [.approve], [.returnDefeat],
                                     [.openCustomer], [.logFollowUp], [.newLead], [.search], [.filter],
                                     [.nextArchiveView, .previousArchiveView], [.editCustomer], [.closeCard], [.history],
                                     [.proposeGrade], [.reports], [.scrollLeft, .scrollRight], [.nextView], [.pageUp, .pageDown], [.first, .last], [.focusNext],
                                     [.nextField], [.save], [.cancel], [.editExternally], [.confirm], [.decline], [.help], [.close],
                                     [.quit]]

    /// When not all hints fit, these go first: how to move, how to get help, how to
    /// leave, then the day's work. The rest follow in display order.
    static let priority: [Action] = [.moveUp, .save, .cancel, .help, .close, .quit, .comment, .needsGuidance, .approve, .returnDefeat,
                                     .markDoubtful, .logFollowUp, .newLead, .search, .nextView, .focusNext, .nextField, .reports,
                                     .filter, .nextArchiveView, .openCustomer]

    /// `hiding`: actions the view or box on screen does not answer (no customer actions in
    /// Reports; Enter edits only in the settings box); `renaming`: a view's own word for
    /// an action (驳回 in Approvals).
    static func items(keymap: Keymap, context: KeyContext, strings: Strings, hiding: Set<Action> = [],
                      renaming: [Action: String] = [:]) -> [(keys: String, label: String, first: Action)] {
        var items: [(String, String, Action)] = []
        for group in groups where !hiding.contains(group[0]) {
            // An overlay answers only its own keys: offer nothing it does not do.
            let tables: [KeyContext] = context == .help || !context.fallsBackToGlobal ? [context] : [context, .global]
            let keys = group.compactMap { action in
                tables.lazy.compactMap { keymap.keys(for: action, in: $0).first }.first?.label
            }
            guard keys.count == group.count else { continue }
            let joined = group.count == 2 && keys.allSatisfy({ DisplayWidth.of($0) == 1 }) ? keys.joined() : keys.joined(separator: "/")
            items.append((joined, renaming[group[0]] ?? strings.hint(group[0]), group[0]))
        }
        return items
    }

    static func draw(keymap: Keymap, context: KeyContext, strings: Strings, hiding: Set<Action> = [], renaming: [Action: String] = [:],
                     into buffer: inout ScreenBuffer, rect: Rect, screen: ScreenContext) {
        let bar = screen.style(.hintBar)
        var keyStyle = screen.style(.hintKey)
        if keyStyle.background == .terminalDefault { keyStyle.background = bar.background }
        var spans: [(String, Style)] = [(" ", bar)]
        let all = items(keymap: keymap, context: context, strings: strings, hiding: hiding, renaming: renaming)
        func width(_ item: (keys: String, label: String, first: Action)) -> Int {
            DisplayWidth.of(item.keys) + 1 + DisplayWidth.of(item.label) + 2
        }
        // Choose whole hints by priority, never half of one; show them in display order.
        let ranked = all.indices.sorted { a, b in
            (priority.firstIndex(of: all[a].first) ?? priority.count + a) < (priority.firstIndex(of: all[b].first) ?? priority.count + b)
        }
        var chosen = Set<Int>()
        var used = 1
        for index in ranked where used + width(all[index]) <= rect.width {
            chosen.insert(index)
            used += width(all[index])
        }
        for (index, item) in all.enumerated() where chosen.contains(index) {
            spans.append((item.keys, keyStyle))
            spans.append((" " + item.label + "  ", bar))
        }
        buffer.putSpans(spans, x: rect.x, y: rect.y, width: rect.width, fill: bar)
    }
}
