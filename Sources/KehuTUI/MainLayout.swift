import TerminalUI

/// Where the main screen's parts go for a terminal size: status line on top, hint line
/// at the bottom, the list on the left, card over timeline on the right.
struct MainLayout: Equatable {
    static let minimum = Size(width: 80, height: 24)

    let size: Size
    let status: Rect
    let list: Rect
    let card: Rect
    let timeline: Rect
    let hints: Rect

    init(size: Size) {
        self.size = size
        status = Rect(x: 0, y: 0, width: size.width, height: 1)
        hints = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let paneHeight = size.height - 2
        // The list keeps about half the width: code, name and due date must fit at 80 columns.
        let listWidth = max(40, size.width * 49 / 100)
        list = Rect(x: 0, y: 1, width: listWidth, height: paneHeight)
        let rightWidth = size.width - listWidth
        let cardHeight = max(8, paneHeight * 2 / 5)
        card = Rect(x: listWidth, y: 1, width: rightWidth, height: cardHeight)
        timeline = Rect(x: listWidth, y: 1 + cardHeight, width: rightWidth, height: paneHeight - cardHeight)
    }

    var isTooSmall: Bool { size.width < MainLayout.minimum.width || size.height < MainLayout.minimum.height }
}
