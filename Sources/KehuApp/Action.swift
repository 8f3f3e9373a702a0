/// Everything a user can do from the keyboard. A keymap turns a key in a context into
/// one of these; the view-model carries it out; help and hint lines read the names.
public enum Action: String, CaseIterable, Sendable {
    case moveUp = "move-up"
    case moveDown = "move-down"
    case pageUp = "page-up"
    case pageDown = "page-down"
    case first
    case last
    case focusNext = "focus-next"
    case focusPrevious = "focus-previous"
    case help
    case close
    case redraw
    case quit
}

/// Where the keyboard focus is, and so which table of the keymap answers first.
public enum KeyContext: String, CaseIterable, Sendable {
    case global
    case list
    case card
    case timeline
    case help
}
