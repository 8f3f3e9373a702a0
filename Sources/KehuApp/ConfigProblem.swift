/// Something wrong in a keymap or theme file: which file, which line, and what. The
/// interface turns `kind` into words in the user's language.
public struct ConfigProblem: Error, Hashable, Sendable {
    public enum Kind: Error, Hashable, Sendable {
        case malformedLine
        case missingValue
        case unterminatedString
        case badEscape
        case unquotedString(String)
        case duplicateKey(key: String, firstLine: Int)
        case duplicateTable(name: String, firstLine: Int)
        case unknownContext(String)
        case unknownAction(String)
        case malformedKey(String)
        case duplicateBinding(key: String, firstLine: Int)
        case expectedString
        case unknownRole(String)
        case badStyle(String)
        case fileUnreadable(String)
        case notFound(String)
        /// The keymap leaves no key for quitting in [global]: no way out but a signal.
        case noQuitKey
        /// A line in terminal.toml kehu has no setting for.
        case unknownSetting(String)
        case expectedBoolean
    }

    public let file: String
    public let line: Int
    public let kind: Kind

    public init(file: String, line: Int, kind: Kind) {
        self.file = file; self.line = line; self.kind = kind
    }
}
