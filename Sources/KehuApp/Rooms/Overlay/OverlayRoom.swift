import KehuCore
import KehuStore
import TerminalBasics

/// A box over the whole screen that scrolls and closes with the same keys: the key help
/// (`?`), a customer's change history (`h`), tomorrow's pool drops (`D`). Its lines are
/// laid out here, for the box the terminal's size gives, so drawing it only copies them.
public struct OverlayState: Sendable {
    public enum Kind: Sendable {
        /// The help of the context under the box.
        case help(KeyContext)
        case history([AuditEntry])
        case poolPreview([PoolDrop])
        /// The company's settings, one line each, with a cursor: Enter edits (admins).
        case settings([SettingInForce])
    }

    public let kind: Kind
    public let title: String
    public let note: String
    public private(set) var lines: [StyledLine] = []
    public private(set) var scroll = ListState()
    public var top: Int { scroll.top }
    /// The box at the current terminal size, and the rows inside it.
    public private(set) var box = OverlayBox(width: 0, height: 0)

    /// What a key did to the box.
    enum Outcome: Equatable { case stay, close, quit, redraw, edit(SettingInForce) }

    /// The line under the cursor, in a box that has one (the settings: a line each).
    public var selected: Int? { if case .settings = kind { return scroll.selected }; return nil }

    /// Puts the cursor on line `index` (the settings box reopened after an edit).
    mutating func select(_ index: Int) {
        scroll.selected = index
        scroll.keepVisible(count: lines.count, rows: box.innerHeight)
    }

    init(kind: Kind, title: String, note: String, viewport: Viewport, layout: (Kind, Int) -> [StyledLine]) {
        self.kind = kind
        self.title = title
        self.note = note
        resize(viewport, layout: layout)
    }

    /// The help box keeps one blank line below its last binding.
    var scrollLength: Int {
        if case .help = kind { return lines.count + 1 }
        return lines.count
    }

    /// Lays the lines out again for a new terminal size, keeping the scroll in range.
    mutating func resize(_ viewport: Viewport, layout: (Kind, Int) -> [StyledLine]) {
        if case .help = kind {
            box = OverlayBox.help(screenWidth: viewport.screenWidth, screenHeight: viewport.screenHeight)
        } else {
            box = OverlayBox.large(screenWidth: viewport.screenWidth, screenHeight: viewport.screenHeight)
        }
        lines = layout(kind, box.innerWidth - 2)
        clamp()
    }

    /// Scrolls or closes; anything else is ignored while the box is open.
    mutating func reduce(_ action: Action) -> Outcome {
        switch action {
        case .close, .help, .history, .poolPreview, .settings: return .close
        case .quit: return .quit
        case .redraw: return .redraw
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            if case .settings(let entries) = kind {
                scroll.apply(action, count: entries.count, rows: box.innerHeight)   // a cursor, the box following it
            } else {
                scroll.scroll(action, count: scrollLength, rows: box.innerHeight, step: 10)
            }
        case .confirm:
            if case .settings(let entries) = kind, let index = selected, entries.indices.contains(index) { return .edit(entries[index]) }
        default: break
        }
        return .stay
    }

    private mutating func clamp() {
        if case .settings = kind { scroll.keepVisible(count: lines.count, rows: box.innerHeight); return }
        scroll.clamp(count: scrollLength, rows: box.innerHeight)
    }
}

/// Where an overlay's box sits for a terminal size: help is a modest box in the middle,
/// history and the pool preview use most of the screen.
public struct OverlayBox: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public var innerWidth: Int { max(0, width - 2) }
    public var innerHeight: Int { max(0, height - 2) }

    static func help(screenWidth: Int, screenHeight: Int) -> OverlayBox {
        OverlayBox(width: min(screenWidth - 4, 72), height: min(screenHeight - 4, 22))
    }

    static func large(screenWidth: Int, screenHeight: Int) -> OverlayBox {
        OverlayBox(width: min(screenWidth - 4, 96), height: screenHeight - 4)
    }
}
