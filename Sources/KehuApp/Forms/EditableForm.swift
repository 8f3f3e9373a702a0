import KehuCore
import TerminalBasics

/// What every form does with keys: move between fields, edit text by whole characters,
/// pick in choice fields by arrow, letter or digit.
public protocol EditableForm {
    var fields: [FormField] { get set }
    var focus: Int { get set }
    /// Called after a field's value changed, for fields that follow others.
    mutating func fieldChanged(_ name: FormField.Name)
}

extension EditableForm {
    public var focusedField: FormField { fields[focus] }

    /// True when closing would lose something the user typed or chose.
    public var hasUserInput: Bool { fields.contains { $0.isEdited } }

    public mutating func moveFocus(by step: Int) {
        var index = focus
        for _ in 0..<fields.count {
            index = (index + step + fields.count) % fields.count
            if fields[index].isEnabled {
                focus = index
                // Entering a field selects its text: typing replaces it, arrows edit it.
                if case .text(var input) = fields[index].kind {
                    input.selectAll()
                    fields[index].kind = .text(input)
                }
                return
            }
        }
    }

    /// The focused field as it is index-wise the last enabled one: Enter there saves.
    public var isOnLastField: Bool {
        !fields[(focus + 1)...].contains { $0.isEnabled }
    }

    /// Typed or pasted text: into a text field, or a pick in a choice field.
    public mutating func type(_ text: String, keepingLines: Bool = false) {
        let name = fields[focus].name
        switch fields[focus].kind {
        case .text(var input):
            input.insert(text, keepingLines: keepingLines && name.keepsLines)
            fields[focus].kind = .text(input)
        case .choice(let options, let selected):
            guard let ch = text.first else { return }
            var pick = selected
            if let digit = ch.wholeNumberValue, (1...options.count).contains(digit) {
                pick = digit - 1
            } else if let index = options.firstIndex(where: { $0.first.map { String($0).lowercased() == String(ch).lowercased() } ?? false }) {
                pick = index
            }
            guard pick != selected else { return }
            fields[focus].kind = .choice(options: options, selected: pick)
            markChoiceEdited(name)
        }
        fieldChanged(name)
    }

    /// Field-level editing actions; returns false for actions that are not about editing.
    public mutating func edit(_ action: Action) -> Bool {
        let name = fields[focus].name
        switch fields[focus].kind {
        case .text(var input):
            switch action {
            case .cursorLeft: input.moveLeft()
            case .cursorRight: input.moveRight()
            case .lineStart: input.moveToStart()
            case .lineEnd: input.moveToEnd()
            case .deleteBackward: input.deleteBackward()
            case .deleteForward: input.deleteForward()
            case .killLine: input.deleteToEnd()
            default: return false
            }
            fields[focus].kind = .text(input)
        case .choice(let options, let selected):
            let count = options.count
            switch action {
            case .cursorLeft: fields[focus].kind = .choice(options: options, selected: ((selected ?? 0) - 1 + count) % count)
            case .cursorRight: fields[focus].kind = .choice(options: options, selected: selected.map { ($0 + 1) % count } ?? 0)
            case .deleteBackward, .deleteForward, .killLine, .lineStart, .lineEnd: return true
            default: return false
            }
            markChoiceEdited(name)
        }
        fieldChanged(name)
        return true
    }

    /// Choices have no TextInput to remember an edit; a changed choice counts as input.
    private mutating func markChoiceEdited(_ name: FormField.Name) {
        if let index = fields.firstIndex(where: { $0.name == name }) { fields[index].choiceEdited = true }
    }

    public func field(_ name: FormField.Name) -> FormField? { fields.first { $0.name == name } }

    public mutating func setText(_ name: FormField.Name, _ text: String, asUser: Bool) {
        guard let index = fields.firstIndex(where: { $0.name == name }), case .text(var input) = fields[index].kind else { return }
        if asUser { input.replace(with: text) } else { input.set(text) }
        fields[index].kind = .text(input)
    }
}
