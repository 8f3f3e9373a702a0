import KehuStore

/// A question kehu waits on before doing anything else.
public enum Prompt: Sendable {
    case discard
    case duplicates([DuplicateMatch])
    case draft(Draft)
}
