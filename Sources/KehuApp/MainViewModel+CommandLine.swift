import KehuCore
import TerminalBasics

/// The runner's side of the `:` command line: which commands it offers, and its keys.
extension MainViewModel {
    /// Keys and editing that are no command of their own.
    static let notCommands: Set<Action> = [.moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .nextField, .nextOrSave,
                                          .previousField, .save, .cancel, .cursorLeft, .cursorRight, .lineStart, .lineEnd,
                                          .deleteBackward, .deleteForward, .killLine, .editExternally, .confirm, .decline,
                                          .close, .commandLine]

    func openCommandLine() {
        guard form == nil, prompt == nil, overlay == nil, search == nil else { return }
        let tables: [KeyContext] = [context, .global]
        let hidden = hintsNotAnswered
        let commands = Action.allCases.compactMap { action -> CommandLineState.Command? in
            guard !Self.notCommands.contains(action), !hidden.contains(action),
                  let key = tables.lazy.compactMap({ self.keymap.keys(for: action, in: $0).first }).first else { return nil }
            return CommandLineState.Command(action: action, name: action.rawValue, word: hintWords[action] ?? strings.hint(action), keys: key.label)
        }
        commandLine = CommandLineState(commands: commands)
    }

    func sendCommandLine(_ action: CommandLineAction) {
        guard var state = commandLine else { return }
        let effect = CommandLineRoom.reduce(&state, action)
        commandLine = state
        run(effect)
    }

    /// A key while the command line is open: its own editing and choosing keys; any other
    /// character is text.
    func commandLineKey(_ key: Key) -> Bool {
        switch key.name {
        case .enter: sendCommandLine(.run)
        case .escape: sendCommandLine(.close)
        case .tab: sendCommandLine(key.shift ? .previous : .complete)
        case .backspace: sendCommandLine(.deleteBackward)
        case .up: sendCommandLine(.previous)
        case .down: sendCommandLine(.next)
        case .space: sendCommandLine(.type(" "))
        case .character(let ch) where !key.control && !key.alt: sendCommandLine(.type(String(ch)))
        case .character("c") where key.control, .character("g") where key.control: sendCommandLine(.close)
        default: break
        }
        return true
    }
}
