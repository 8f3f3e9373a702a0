import KehuApp
import TerminalUI

/// Shown instead of the main screen until the terminal is at least 80×24: a clear
/// message rather than a broken layout.
enum TooSmallScreen {
    static func draw(strings: Strings, size: Size, into buffer: inout ScreenBuffer, context: ScreenContext) {
        let minimum = MainLayout.minimum
        let text = strings.tooSmall(needWidth: minimum.width, needHeight: minimum.height, width: size.width, height: size.height)
        var lines = TextLayout.wrap(text, width: max(1, size.width - 2))
        lines += TextLayout.wrap(strings[.tooSmallHint], width: max(1, size.width - 2))
        for (index, line) in lines.prefix(size.height).enumerated() {
            buffer.putFitted(" " + line, x: 0, y: index, width: size.width, style: context.style(index == 0 ? .tooSmall : .helpText))
        }
    }
}
