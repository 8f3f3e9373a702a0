import TerminalBasics

/// Which key does what, per context. Bindings keep the order they were written in, so
/// help and the hint line show the keys the map's author put first.
public struct Keymap: Hashable, Sendable {
    public struct Binding: Hashable, Sendable {
        public let key: Key
        public let action: Action
    }

    public private(set) var bindings: [KeyContext: [Binding]] = [:]

    public init() {}

    /// The action for `key` in `context`, falling back to the global table.
    public func action(for key: Key, in context: KeyContext) -> Action? {
        if let hit = bindings[context]?.first(where: { $0.key == key }) { return hit.action }
        if context != .global, context.fallsBackToGlobal, let hit = bindings[.global]?.first(where: { $0.key == key }) { return hit.action }
        return nil
    }

    /// Keys bound to `action` in `context` itself (not the global table), in file order.
    public func keys(for action: Action, in context: KeyContext) -> [Key] {
        (bindings[context] ?? []).filter { $0.action == action }.map(\.key)
    }

    mutating func bind(_ key: Key, to action: Action?, in context: KeyContext) {
        var list = bindings[context] ?? []
        if let index = list.firstIndex(where: { $0.key == key }) {
            if let action { list[index] = Binding(key: key, action: action) } else { list.remove(at: index) }
        } else if let action {
            list.append(Binding(key: key, action: action))
        }
        bindings[context] = list
    }

    /// Reads a keymap file: one table per context, `key = "action"` lines; `"none"`
    /// removes a key (useful in a user's override file). Bad lines are reported and skipped.
    public func applying(_ text: String, file: String) -> (keymap: Keymap, problems: [ConfigProblem]) {
        var result = self
        let (entries, readProblems) = ConfigReader.read(text, file: file)
        var problems = readProblems
        var firstLines: [KeyContext: [Key: Int]] = [:]
        for entry in entries {
            func problem(_ kind: ConfigProblem.Kind) { problems.append(ConfigProblem(file: file, line: entry.line, kind: kind)) }
            guard let context = KeyContext(rawValue: entry.table) else {
                problem(.unknownContext(entry.table.isEmpty ? entry.key : entry.table)); continue
            }
            guard let key = Key(notation: entry.key) else { problem(.malformedKey(entry.key)); continue }
            guard let name = entry.value.string else { problem(.expectedString); continue }
            let action: Action?
            if name == "none" { action = nil }
            else if let known = Action(rawValue: name) { action = known }
            else { problem(.unknownAction(name)); continue }
            if let first = firstLines[context]?[key] {
                problem(.duplicateBinding(key: key.notation, firstLine: first)); continue
            }
            firstLines[context, default: [:]][key] = entry.line
            result.bind(key, to: action, in: context)
        }
        return (result, problems)
    }
}
