import KehuApp
import TerminalUI

/// Draws the open overlay (help, history, pool preview) as the view-model laid it out:
/// a box in the middle of the screen, its lines from the scroll position.
enum OverlayView {
    static func draw(_ overlay: OverlayState, into buffer: inout ScreenBuffer, size: Size, context: ScreenContext) {
        let box = overlay.box
        let y: Int
        if case .help = overlay.kind { y = (size.height - box.height) / 2 } else { y = 2 }
        let rect = Rect(x: (size.width - box.width) / 2, y: y, width: box.width, height: box.height)
        let inner = rect.inner
        // The rows behind the box are cleared across the screen: a row's marks and the
        // panes' borders and corners beside the box would read as part of it.
        buffer.fill(Rect(x: 0, y: rect.y, width: size.width, height: rect.height), style: .plain)
        buffer.fill(rect, style: .plain)
        buffer.box(rect, glyphs: context.glyphs, style: context.style(.helpBorder), title: overlay.title, titleStyle: context.style(.helpTitle),
                   note: overlay.note, noteStyle: context.style(.paneNote))
        for (offset, line) in overlay.lines.dropFirst(overlay.top).prefix(inner.height).enumerated() {
            let base: Style? = overlay.selected == overlay.top + offset ? context.style(.listSelected) : nil
            context.draw([Span(" ", .helpText)] + line, into: &buffer, x: inner.x, y: inner.y + offset, width: inner.width, base: base)
        }
        context.scrollMarks(rect, into: &buffer, above: overlay.top > 0, below: overlay.top + inner.height < overlay.lines.count)
    }
}
