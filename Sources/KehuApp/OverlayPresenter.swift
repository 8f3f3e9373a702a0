import KehuCore
import KehuStore
import TerminalBasics

/// The lines of each overlay: help from the active keymap (so it never disagrees with the
/// keys), a customer's change history, tomorrow's pool drops.
public enum OverlayPresenter {
    static func lines(_ kind: OverlayState.Kind, width: Int, keymap: Keymap, today: LocalDate, strings s: Strings) -> [StyledLine] {
        switch kind {
        case .help(let context): return help(keymap: keymap, context: context, strings: s)
        case .history(let entries): return history(entries, width: width, strings: s)
        case .poolPreview(let drops): return poolPreview(drops, today: today, strings: s)
        case .settings(let entries): return settings(entries, width: width, strings: s)
        }
    }

    /// One line per setting: key, value (emphasised when the company set it), meaning.
    static func settings(_ entries: [SettingInForce], width: Int, strings s: Strings) -> [StyledLine] {
        let keyWidth = min(34, (entries.map { DisplayWidth.of($0.setting.key) }.max() ?? 10) + 2)
        let valueWidth = width >= 90 ? 22 : 12
        return entries.map { entry in
            let meaning = s.language == .zh ? entry.setting.meaning.zh : entry.setting.meaning.en
            return [Span(TextLayout.fit(entry.setting.key, to: keyWidth), .helpKey),
                    Span(TextLayout.fit(entry.value, to: valueWidth) + " ", entry.isSet ? .cardEmphasis : .cardValue),
                    Span(TextLayout.fit(meaning, to: max(1, width - keyWidth - valueWidth - 1)), .helpText)]
        }
    }

    /// Every binding of the context, then the global ones.
    public static func help(keymap: Keymap, context: KeyContext, strings: Strings) -> [StyledLine] {
        var lines: [StyledLine] = []
        let contexts: [KeyContext] = context == .global ? [.global] : [context, .global]
        for ctx in contexts {
            let bindings = keymap.bindings[ctx] ?? []
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(ctx == .global ? strings[.helpGlobal] : strings.label(ctx), .helpTitle)])
            var seen: [Action] = []
            for binding in bindings where !seen.contains(binding.action) {
                seen.append(binding.action)
                let keys = keymap.keys(for: binding.action, in: ctx).map(\.label).joined(separator: ", ")
                lines.append([Span("  " + TextLayout.fit(keys, to: 18) + " ", .helpKey),
                              Span(strings.describe(binding.action), .helpText)])
            }
        }
        return lines
    }

    /// Who changed what and when, newest first, wrapped to `width`: the time, the person
    /// in full, then the change in words.
    static func history(_ entries: [AuditEntry], width: Int, strings s: Strings) -> [StyledLine] {
        guard !entries.isEmpty else { return [[Span(s[.historyEmpty], .listEmpty)]] }
        return entries.flatMap { entry -> [StyledLine] in
            let when = "\(entry.at.date.monthDay) \(entry.at.clock) "
            let who = s.historyActor(entry) + " "
            let head = DisplayWidth.of(when)
            // The person and the change flow on one line and wrap under the time.
            let pieces = TextLayout.wrap(who + s.historyChange(entry), width: max(10, width - head))
            return pieces.enumerated().map { index, piece in
                guard index == 0 else { return [Span(String(repeating: " ", count: head) + piece, .helpText)] }
                let name = piece.hasPrefix(who) ? who : ""
                return [Span(when, .timelineDate), Span(name, .timelineMeta), Span(String(piece.dropFirst(name.count)), .helpText)]
            }
        }
    }

    /// The prospects that return to the pool tomorrow, whose they are and why.
    static func poolPreview(_ drops: [PoolDrop], today: LocalDate, strings s: Strings) -> [StyledLine] {
        drops.isEmpty ? [[Span(s[.nothingDropsTomorrow], .listEmpty)]] : drops.map { drop in
            [Span(drop.code + " ", .listCode), Span(TextLayout.fit(drop.name, to: 22) + " ", .listRow),
             Span(TextLayout.fit(drop.ownerName, to: 6) + " ", .timelineMeta),
             Span(s.dropReason(lastActivity: drop.lastActivity, today: today), .overdue)]
        }
    }
}
