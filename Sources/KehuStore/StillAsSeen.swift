import KehuCore

/// What a user decided on must still be as they saw it when the form opened: a colleague
/// may have closed the card, decided the application or signed the follow-up meanwhile.
/// Such a save is refused as a conflict naming what is there now, so nothing is silently
/// overwritten — the same check for a live save and for a draft restored hours later.
enum StillAsSeen {
    /// The card must still be in one of `states` for the change to `mine`.
    static func card(_ card: IntentCard, isIn states: Set<CardState>, becoming mine: CardState) throws {
        guard !states.contains(card.state) else { return }
        throw StoreError.conflict(table: "intentCards", rowID: card.id ?? 0,
                                  fields: [FieldConflict(column: "state", mine: mine.rawValue, theirs: card.state.rawValue)])
    }

    /// A one-line text (a comment, a review, a reason) must still read as the user saw it
    /// (nil: there was none), unless it already says what they are writing.
    static func text(_ stored: String?, seen: String?, mine: String, table: String, rowID: Int64, column: String) throws {
        let now = stored ?? ""
        guard now != (seen ?? ""), now != mine else { return }
        throw StoreError.conflict(table: table, rowID: rowID, fields: [FieldConflict(column: column, mine: mine, theirs: now)])
    }
}
