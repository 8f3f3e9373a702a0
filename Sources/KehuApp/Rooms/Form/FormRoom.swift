import KehuCore

/// A form open over the right panes — a follow-up, a lead, the archive, contacts, closing
/// a card, a note or comment, a grade, an assignment, an order, the list's filter — and
/// the problems of its last check, each naming its field.
public struct FormState: Sendable {
    public internal(set) var form: ActiveForm
    public internal(set) var problems: [ValidationError] = []
}

public enum FormAction: Sendable {
    /// Typed text for the focused field (a character, an input method's word).
    case type(String)
    /// A paste (bracketed): text for the focused field, never keys; lines kept where the
    /// field keeps lines.
    case paste(String)
    /// An editing, moving, saving or closing key.
    case key(Action)
    /// The text back from `$EDITOR` (nil when it failed or was not saved).
    case externalText(String?)
}

enum FormRoom {
    static func reduce(_ state: inout FormState, _ action: FormAction) -> Effect {
        switch action {
        case .type(let text):
            update(&state) { $0.type(text) }
            return .none
        case .paste(let text):
            update(&state) { $0.type(text.replacingOccurrences(of: "\r\n", with: "\n"), keepingLines: true) }
            return .none
        case .externalText(nil):
            return .showError(.editorFailed)
        case .externalText(let text?):
            // A field written in lines keeps them; a one-line field joins them with spaces.
            let name = state.form.editable.focusedField.name
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }
            let written = name.keepsLines ? lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
                                          : lines.filter { !$0.isEmpty }.joined(separator: " ")
            update(&state) { form in form.setText(name, written, asUser: true) }
            return .none
        case .key(let key):
            switch key {
            case .nextField: return move(&state, by: 1)
            case .previousField: return move(&state, by: -1)
            case .nextOrSave: return state.form.editable.isOnLastField ? .saveForm : move(&state, by: 1)
            case .save: return .saveForm
            case .cancel: return state.form.editable.hasUserInput ? .askDiscard : .closeForm
            case .editExternally:
                guard case .text = state.form.editable.focusedField.kind else { return .none }
                return .editExternally(state.form.editable.focusedField.text)
            case .redraw: return .redraw
            case .quit, .help: return .none
            default:
                update(&state) { _ = $0.edit(key) }
                return .none
            }
        }
    }

    /// Leaves the field, checking it as a paper form's reader would: its problem shows at
    /// once on its label and in the status line, without holding the user there.
    private static func move(_ state: inout FormState, by step: Int) -> Effect {
        let left = state.form.editable.focusedField.name.validationFields
        var effect = Effect.none
        if !left.isEmpty {
            let here = state.form.problems.filter { left.contains($0.field) }
            state.problems.removeAll { left.contains($0.field) }
            state.problems += here
            if let first = here.first { effect = .showProblem(first) }
        }
        update(&state) { $0.moveFocus(by: step) }
        return effect
    }

    private static func update(_ state: inout FormState, _ change: (inout any EditableForm) -> Void) {
        var editable = state.form.editable
        change(&editable)
        state.form = state.form.with(editable)
    }
}
