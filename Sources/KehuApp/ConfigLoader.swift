import Foundation

/// Loads the keymap and theme a user asked for. Whatever is wrong in a file is reported
/// with file and line, and kehu still starts: on the default keymap, or the default theme.
public enum ConfigLoader {
    public static func keymap(named name: String, locator: ConfigLocator) -> (keymap: Keymap, problems: [ConfigProblem]) {
        var problems: [ConfigProblem] = []
        var chosen: Keymap?
        if let (map, mapProblems) = shippedKeymap(name, locator: locator, problems: &problems) {
            problems += mapProblems
            chosen = map
        } else {
            problems.append(ConfigProblem(file: "keymaps/\(name).toml", line: 0, kind: .notFound(name)))
        }
        var lastFile = "keymaps/\(name).toml"
        if var map = chosen, let (text, path) = read(locator.userKeymapFile, problems: &problems) {
            let (overridden, userProblems) = map.applying(text, file: path)
            problems += userProblems
            map = overridden
            chosen = map
            lastFile = path
        }
        // kehu reads keys raw (C-c is a key, not a signal): a map without a quit key would
        // leave no way out.
        if let map = chosen, map.keys(for: .quit, in: .global).isEmpty {
            problems.append(ConfigProblem(file: lastFile, line: 0, kind: .noQuitKey))
        }
        if let chosen, problems.isEmpty { return (chosen, []) }
        return (defaultKeymap(locator: locator), problems)
    }

    /// The default keymap's text as built into the binary (the manual page lists it).
    public static var builtinDefaultKeymap: String { BuiltinConfig.defaultKeymap }

    /// The shipped default map; the copy built into the binary when the file is missing
    /// or damaged, so the keyboard always works.
    static func defaultKeymap(locator: ConfigLocator) -> Keymap {
        var ignored: [ConfigProblem] = []
        if let (map, problems) = shippedKeymap("default", locator: locator, problems: &ignored), problems.isEmpty {
            return map
        }
        return Keymap().applying(BuiltinConfig.defaultKeymap, file: "<built-in default keymap>").keymap
    }

    private static func shippedKeymap(_ name: String, locator: ConfigLocator,
                                      problems: inout [ConfigProblem]) -> (Keymap, [ConfigProblem])? {
        guard let path = locator.file(kind: "keymaps", name: name) else {
            return name == "default" ? Keymap().applying(BuiltinConfig.defaultKeymap, file: "<built-in default keymap>") : nil
        }
        guard let (text, file) = read(path, problems: &problems) else { return nil }
        return Keymap().applying(text, file: file)
    }

    /// - Parameter monochrome: NO_COLOR, or a terminal without colours: the mono theme
    ///   whatever was asked for.
    public static func theme(named name: String, monochrome: Bool, locator: ConfigLocator) -> (theme: Theme, problems: [ConfigProblem]) {
        let wanted = monochrome ? "mono" : name
        var problems: [ConfigProblem] = []
        if let path = locator.file(kind: "themes", name: wanted) {
            if let (text, file) = read(path, problems: &problems) {
                let (theme, themeProblems) = Theme.parse(text, file: file, fallbackName: wanted)
                // A file's roles lie over a shipped theme: the one it names (`base`), the
                // shipped theme of its own name, else dark (mono without colours).
                let shipped = { (name: String) -> String? in
                    locator.shippedFile(kind: "themes", name: name).flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
                        ?? BuiltinConfig.themes[name]
                }
                let baseName = theme.base ?? (shipped(wanted) != nil ? wanted : monochrome ? "mono" : "dark")
                if let baseText = shipped(baseName) {
                    let base = Theme.parse(baseText, file: "<shipped \(baseName) theme>", fallbackName: baseName).theme
                    if themeProblems.isEmpty { return (theme.overlaid(on: base), []) }
                } else {
                    problems.append(ConfigProblem(file: file, line: 0, kind: .notFound(baseName)))
                }
                if themeProblems.isEmpty, problems.isEmpty { return (theme, []) }
                problems += themeProblems
            }
        } else if let builtin = BuiltinConfig.themes[wanted] {
            return (Theme.parse(builtin, file: "<built-in \(wanted) theme>", fallbackName: wanted).theme, [])
        } else {
            problems.append(ConfigProblem(file: "themes/\(wanted).toml", line: 0, kind: .notFound(wanted)))
        }
        let fallback = monochrome ? "mono" : "dark"
        return (Theme.parse(BuiltinConfig.themes[fallback]!, file: "<built-in \(fallback) theme>", fallbackName: fallback).theme, problems)
    }

    private static func read(_ path: String, problems: inout [ConfigProblem]) -> (String, String)? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return (try String(contentsOfFile: path, encoding: .utf8), path)
        } catch {
            problems.append(ConfigProblem(file: path, line: 0, kind: .fileUnreadable("not UTF-8 text or not readable")))
            return nil
        }
    }
}
