import KehuCore
import TerminalBasics

/// SPEC's `:` command line: type a command's name (its keymap name, `log-follow-up`, or
/// its word, 记跟进 / `follow up`), Tab completes, ↑↓ choose among the matches, Enter runs
/// it, Esc leaves. The commands are the keymap's actions the screen answers now.
public struct CommandLineState: Equatable, Sendable {
    public struct Command: Equatable, Sendable {
        public let action: Action
        public let name: String
        public let word: String
        /// The keys that do the same, for learning them (`l`).
        public let keys: String
    }

    public internal(set) var input = TextInput()
    public internal(set) var commands: [Command]
    public internal(set) var selected = 0

    public init(commands: [Command]) { self.commands = commands }

    /// The commands the text so far names: those starting with it first, then those
    /// containing it, by name or by word, without regard to case.
    public var matches: [Command] {
        let text = input.text.trimmingWhitespace().lowercased()
        guard !text.isEmpty else { return commands }
        let starting = commands.filter { $0.name.hasPrefix(text) || $0.word.lowercased().hasPrefix(text) }
        let containing = commands.filter { command in
            !starting.contains(command) && (command.name.contains(text) || command.word.lowercased().contains(text))
        }
        return starting + containing
    }

    public var chosen: Command? {
        let found = matches
        return found.isEmpty ? nil : found[min(selected, found.count - 1)]
    }
}

public enum CommandLineAction: Equatable, Sendable {
    case type(String)
    case deleteBackward
    case complete
    case next
    case previous
    case run
    case close
}

enum CommandLineRoom {
    static func reduce(_ state: inout CommandLineState, _ action: CommandLineAction) -> Effect {
        switch action {
        case .type(let text):
            state.input.insert(text)
            state.selected = 0
        case .deleteBackward:
            state.input.deleteBackward()
            state.selected = 0
        case .complete:
            // The chosen command's name, so Enter runs it and more typing narrows nothing.
            if let chosen = state.chosen {
                state.input = TextInput(chosen.name)
                state.selected = 0
            }
        case .next:
            let count = state.matches.count
            if count > 0 { state.selected = (state.selected + 1) % count }
        case .previous:
            let count = state.matches.count
            if count > 0 { state.selected = (state.selected + count - 1) % count }
        case .run:
            return .closeCommandLine(running: state.chosen?.action)
        case .close:
            return .closeCommandLine(running: nil)
        }
        return .none
    }
}
