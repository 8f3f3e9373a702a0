import TerminalBasics

/// The named places a theme colours. Screens ask for a role, never for a colour.
public enum ThemeRole: String, CaseIterable, Sendable {
    case statusBar = "status.bar"
    case statusAccent = "status.accent"
    case statusMessage = "status.message"
    case statusError = "status.error"
    case hintBar = "hint.bar"
    case hintKey = "hint.key"
    case paneBorder = "pane.border"
    case paneBorderFocused = "pane.border.focused"
    case paneTitle = "pane.title"
    case paneNote = "pane.note"
    case listRow = "list.row"
    case listCode = "list.code"
    case listSelected = "list.selected"
    case listSelectedUnfocused = "list.selected.unfocused"
    case listEmpty = "list.empty"
    case cardLabel = "card.label"
    case cardValue = "card.value"
    case cardHeading = "card.heading"
    case cardEmphasis = "card.emphasis"
    case timelineDate = "timeline.date"
    case timelineMethod = "timeline.method"
    case timelineLevel = "timeline.level"
    case timelineMeta = "timeline.meta"
    case timelineComment = "timeline.comment"
    case gradeVIP = "grade.vip"
    case dueToday = "due.today"
    case overdue
    case helpBorder = "help.border"
    case helpTitle = "help.title"
    case helpKey = "help.key"
    case helpText = "help.text"
    case tooSmall = "toosmall"
}

/// A set of styles by role. Roles a file leaves out are plain, so an older theme file
/// keeps working when new roles appear.
public struct Theme: Hashable, Sendable {
    public let name: String
    public private(set) var styles: [ThemeRole: Style]
    /// The shipped theme a file builds on (`base = "light"`), when it names one.
    public private(set) var base: String?

    public init(name: String, styles: [ThemeRole: Style] = [:]) {
        self.name = name
        self.styles = styles
    }

    public subscript(role: ThemeRole) -> Style { styles[role] ?? .plain }

    /// This theme's roles laid over `base`'s: a user's theme that sets one role keeps
    /// every other role of the theme it builds on.
    public func overlaid(on base: Theme) -> Theme {
        var merged = Theme(name: name, styles: base.styles.merging(styles) { _, mine in mine })
        merged.base = self.base
        return merged
    }

    /// Reads a theme file: `name = "…"` and a `[roles]` table of `"role" = "spec"` lines.
    public static func parse(_ text: String, file: String, fallbackName: String) -> (theme: Theme, problems: [ConfigProblem]) {
        let (entries, readProblems) = ConfigReader.read(text, file: file)
        var problems = readProblems
        var name = fallbackName
        var styles: [ThemeRole: Style] = [:]
        var base: String?
        for entry in entries {
            func problem(_ kind: ConfigProblem.Kind) { problems.append(ConfigProblem(file: file, line: entry.line, kind: kind)) }
            if entry.table.isEmpty, entry.key == "name" {
                if let s = entry.value.string { name = s } else { problem(.expectedString) }
                continue
            }
            if entry.table.isEmpty, entry.key == "base" {
                if let s = entry.value.string { base = s } else { problem(.expectedString) }
                continue
            }
            guard entry.table == "roles" else { problem(.unknownContext(entry.table.isEmpty ? entry.key : entry.table)); continue }
            guard let role = ThemeRole(rawValue: entry.key) else { problem(.unknownRole(entry.key)); continue }
            guard let spec = entry.value.string else { problem(.expectedString); continue }
            guard let style = parseStyle(spec) else { problem(.badStyle(spec)); continue }
            styles[role] = style
        }
        var theme = Theme(name: name, styles: styles)
        theme.base = base
        return (theme, problems)
    }

    /// `"black on cyan bold"`, `"221"`, `"reverse"`: foreground, optional `on` background,
    /// then attributes.
    public static func parseStyle(_ spec: String) -> Style? {
        var style = Style()
        var words = spec.split(separator: " ").map { $0.lowercased() }[...]
        var sawForeground = false
        while let word = words.first {
            words.removeFirst()
            switch word {
            case "bold": style.attributes.insert(.bold)
            case "underline": style.attributes.insert(.underline)
            case "reverse": style.attributes.insert(.reverse)
            case "dim": style.attributes.insert(.dim)
            case "on":
                guard let next = words.first, let color = parseColor(next) else { return nil }
                words.removeFirst()
                style.background = color
            default:
                guard !sawForeground, let color = parseColor(word) else { return nil }
                style.foreground = color
                sawForeground = true
            }
        }
        return style
    }

    static func parseColor(_ word: String) -> Color? {
        if word == "default" { return .terminalDefault }
        if let n = Int(word) { return (0...255).contains(n) ? .indexed(UInt8(n)) : nil }
        if let i = Color.basicNames.firstIndex(of: word) { return .indexed(UInt8(i)) }
        if word.hasPrefix("bright-"), let i = Color.basicNames.firstIndex(of: String(word.dropFirst(7))) {
            return .indexed(UInt8(8 + i))
        }
        return nil
    }

    /// The same theme with colours removed: what a terminal without colours can show.
    public var monochrome: Theme {
        var copy = self
        for (role, style) in styles { copy.styles[role] = Style(attributes: style.attributes) }
        return copy
    }
}
