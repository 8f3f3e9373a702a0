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
    // Views and work on the selected customer
    case nextView = "next-view"
    case logFollowUp = "log-follow-up"
    case newLead = "new-lead"
    case editCustomer = "edit-customer"
    case editContacts = "edit-contacts"
    case closeCard = "close-card"
    case history
    case proposeGrade = "propose-grade"
    case recordOrder = "record-order"
    case search
    case reports
    case settings
    case judgeLead = "judge-lead"
    case correct
    case editCard = "edit-card"
    case markInvalid = "mark-invalid"
    case recordPayment = "record-payment"
    case mergeCustomer = "merge-customer"
    case moveCustomer = "move-customer"
    /// The selected customer's phone, or code, to the user's own clipboard (OSC 52).
    case copyPhone = "copy-phone"
    case copyCode = "copy-code"
    /// Enter on a list row: the selected customer's card takes the focus.
    case openCustomer = "open-customer"
    /// `:`: the command line, every command by name.
    case commandLine = "command-line"
    /// ← → on a report wider than its pane.
    case scrollLeft = "scroll-left"
    case scrollRight = "scroll-right"
    case filter
    case clearFilter = "clear-filter"
    case claim
    case assign
    case poolPreview = "pool-preview"
    case nextArchiveView = "next-archive-view"
    case previousArchiveView = "previous-archive-view"
    // The evening check
    case comment
    case needsGuidance = "needs-guidance"
    case markDoubtful = "mark-doubtful"
    case approve
    case returnDefeat = "return"
    // Forms
    case nextField = "next-field"
    /// Enter: the next field, or save when on the last one.
    case nextOrSave = "next-or-save"
    case previousField = "previous-field"
    case save
    case cancel
    case cursorLeft = "cursor-left"
    case cursorRight = "cursor-right"
    case lineStart = "line-start"
    case lineEnd = "line-end"
    case deleteBackward = "delete-backward"
    case deleteForward = "delete-forward"
    case killLine = "kill-line"
    case editExternally = "edit-in-editor"
    // Questions kehu asks (discard? open the existing customer? restore a draft?)
    case confirm
    case decline
}

/// Where the keyboard focus is, and so which table of the keymap answers first.
public enum KeyContext: String, CaseIterable, Sendable {
    case global
    case list
    case card
    case timeline
    case help
    case form
    case prompt
    /// The supervisor's evening queue, in the left pane.
    case evening
    /// Typing a search: unbound keys are text.
    case search

    /// In a form every unbound key types text, and a question waits for its answer, so
    /// neither falls back to the global table (typing "q" must not quit).
    public var fallsBackToGlobal: Bool { self != .form && self != .prompt && self != .search }
}
