import TerminalBasics

/// One line of editable text. Works on whole characters (a Chinese character from an input
/// method, an emoji, a letter with its accent), so the cursor never lands inside one and
/// Backspace removes what the user sees as one character.
public struct TextInput: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Index in `characters` the cursor stands before.
    public private(set) var cursor: Int
    /// True once the user has changed the text (for "ask before discarding").
    public private(set) var isEdited = false
    /// The whole text is selected, as when tabbing into a field or when kehu suggested it
    /// (a date from the level, the usual city): typing or deleting replaces all of it;
    /// moving the cursor first keeps it for editing.
    public private(set) var isSelected = false

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Inserts typed or pasted text; line breaks and tabs in a paste become spaces, unless
    /// the field keeps lines (a note), where a line break stays one `\n`.
    public mutating func insert(_ text: String, keepingLines: Bool = false) {
        let cleaned = text.map { ch -> Character in
            if ch.isNewline { return keepingLines ? "\n" : " " }
            return ch == "\t" ? " " : ch
        }.filter { $0 == "\n" || DisplayWidth.of($0) > 0 }
        guard !cleaned.isEmpty else { return }
        if isSelected {
            characters = []
            cursor = 0
            isSelected = false
        }
        characters.insert(contentsOf: cleaned, at: cursor)
        cursor += cleaned.count
        isEdited = true
    }

    public mutating func deleteBackward() {
        if clearSelection() { return }
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
        isEdited = true
    }

    public mutating func deleteForward() {
        if clearSelection() { return }
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        isEdited = true
    }

    /// Removes from the cursor to the end of the line (C-k).
    public mutating func deleteToEnd() {
        if clearSelection() { return }
        guard cursor < characters.count else { return }
        characters.removeSubrange(cursor...)
        isEdited = true
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1); isSelected = false }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1); isSelected = false }
    public mutating func moveToStart() { cursor = 0; isSelected = false }
    public mutating func moveToEnd() { cursor = characters.count; isSelected = false }

    /// Replaces the whole text, as the program does (a date following the level), without
    /// counting as the user's edit.
    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        isSelected = !text.isEmpty
    }

    /// Treats the current text as a stored value to edit, not a suggestion to type over.
    public mutating func keepAsValue() { isSelected = false }

    /// Selects the whole text (on entering the field), when there is any.
    public mutating func selectAll() {
        isSelected = !characters.isEmpty
        cursor = characters.count
    }

    /// Deletes a selected text; false when nothing was selected.
    private mutating func clearSelection() -> Bool {
        guard isSelected else { return false }
        characters = []
        cursor = 0
        isSelected = false
        isEdited = true
        return true
    }

    /// Replaces the whole text as the user's own edit (back from `$EDITOR`).
    public mutating func replace(with text: String) {
        set("")
        insert(text)
        isSelected = false
    }

    /// The part of the text to show in `width` columns with the cursor in view, and the
    /// cursor's column within it. Scrolls by whole characters, never splitting a wide one.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        // A kept line break shows as ↵ on the field's one line.
        let characters = self.characters.map { $0 == "\n" ? "↵" : $0 }
        var start = 0
        // Keep one column free for the cursor after the last character.
        while DisplayWidth.of(String(characters[start..<cursor])) > width - 1 { start += 1 }
        var shown = ""
        var used = 0
        for ch in characters[start...] {
            let w = DisplayWidth.of(ch)
            if used + w > width { break }
            shown.append(ch)
            used += w
        }
        return (shown, DisplayWidth.of(String(characters[start..<cursor])))
    }
}
