import Foundation

/// How kehu uses the user's terminal, from `$XDG_CONFIG_HOME/kehu/terminal.toml`:
///
/// ```toml
/// mouse = false     # leave the mouse to the terminal's own selection (default true)
/// ```
///
/// A problem is reported with file and line; the lines that are right still count.
public struct TerminalPreferences: Hashable, Sendable {
    /// Clicks select and focus, the wheel scrolls. Off, the terminal selects text as usual.
    public var mouse = true

    public init(mouse: Bool = true) { self.mouse = mouse }

    public static func file(locator: ConfigLocator) -> String { locator.userDirectory + "/terminal.toml" }

    public static func load(locator: ConfigLocator) -> (TerminalPreferences, [ConfigProblem]) {
        let path = file(locator: locator)
        guard FileManager.default.fileExists(atPath: path) else { return (TerminalPreferences(), []) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return (TerminalPreferences(), [ConfigProblem(file: path, line: 0, kind: .fileUnreadable("not UTF-8 text or not readable"))])
        }
        return parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) -> (TerminalPreferences, [ConfigProblem]) {
        let (entries, found) = ConfigReader.read(text, file: file)
        var problems = found
        var preferences = TerminalPreferences()
        for entry in entries {
            switch (entry.table, entry.key) {
            case ("", "mouse"):
                guard case .boolean(let on) = entry.value else {
                    problems.append(ConfigProblem(file: file, line: entry.line, kind: .expectedBoolean))
                    continue
                }
                preferences.mouse = on
            default:
                let name = entry.table.isEmpty ? entry.key : entry.table + "." + entry.key
                problems.append(ConfigProblem(file: file, line: entry.line, kind: .unknownSetting(name)))
            }
        }
        return (preferences, problems)
    }
}
