import KehuApp
import TerminalUI

/// `?`: every binding of the focused context, then the global ones, read from the active
/// keymap, so help never disagrees with the keys.
enum HelpOverlay {
    static func lines(keymap: Keymap, context: KeyContext, strings: Strings) -> [StyledLine] {
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

    static func draw(_ vm: MainViewModel, underlying: KeyContext, into buffer: inout ScreenBuffer, size: Size, context: ScreenContext) {
        let s = vm.strings
        let width = min(size.width - 4, 72)
        let height = min(size.height - 4, 22)
        let rect = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
        let all = lines(keymap: vm.keymap, context: underlying, strings: s)
        let inner = rect.inner
        vm.clampHelp(lineCount: all.count + 1, visible: inner.height)
        buffer.fill(rect, style: .plain)
        buffer.box(rect, glyphs: context.glyphs, style: context.style(.helpBorder),
                   title: s[.helpTitle] + " · " + s.label(underlying), titleStyle: context.style(.helpTitle),
                   note: s[.helpFooter], noteStyle: context.style(.paneNote))
        let shown = all.dropFirst(vm.helpTop).prefix(inner.height)
        for (offset, line) in shown.enumerated() {
            context.draw([Span(" ", .helpText)] + line, into: &buffer, x: inner.x, y: inner.y + offset, width: inner.width)
        }
        context.scrollMarks(rect, into: &buffer, above: vm.helpTop > 0, below: vm.helpTop + inner.height < all.count)
    }
}
