import ArgumentParser
import Foundation
import KehuApp
import TerminalBasics

/// kehu(1), written from the commands' own help: every command's summary, description,
/// arguments and options as ArgumentParser knows them (its `--experimental-dump-help`
/// description, read in this process), the keys of the default keymap with their words,
/// and the sections no command's help holds (ManualSections). The page cannot drift from
/// `--help`; `scripts/install` writes it, in English and in Chinese, from the built binary.
enum ManualPage {
    /// The part of ArgumentParser's tool description the page uses.
    struct Command: Decodable {
        let commandName: String
        let aliases: [String]?
        let abstract: String?
        let discussion: String?
        let shouldDisplay: Bool?
        let arguments: [Argument]?
        let subcommands: [Command]?
    }

    struct Argument: Decodable {
        struct Name: Decodable { let kind: String; let name: String }
        let kind: String
        let shouldDisplay: Bool
        let isOptional: Bool
        let isRepeating: Bool
        let names: [Name]?
        let valueName: String?
        let defaultValue: String?
        let abstract: String?
        let discussion: String?
    }

    struct Dump: Decodable { let command: Command }

    /// The whole command tree, as `kehu --experimental-dump-help` prints it.
    static func commandTree() throws -> Command {
        do {
            _ = try Kehu.parseAsRoot(["--experimental-dump-help"])
        } catch {
            let json = Kehu.fullMessage(for: error, columns: 100_000)
            return try JSONDecoder().decode(Dump.self, from: Data(json.utf8)).command
        }
        throw ValidationError("ArgumentParser gave no tool description")
    }

    static func render(_ root: Command, usage: String, keymap: Keymap, language: Language) -> String {
        let words = ManualSections(language: language)
        var page: [String] = []
        page.append(".TH KEHU 1 \"\(KehuVersion.releaseDate)\" \"kehu \(KehuVersion.release)\" \"\(words.manualTitle)\"")
        // Chinese has no spaces to stretch: a justified line would gape at its few ones.
        if language == .zh { page.append(".ad l") }
        page.append(".SH \(words.name)")
        let summary = (root.abstract ?? "").replacingOccurrences(of: "kehu 客户 — ", with: "")
        page.append("kehu \\- " + escape(summary.hasSuffix(".") ? String(summary.dropLast()) : summary))
        page.append(".SH \(words.synopsis)")
        for line in usage.split(separator: "\n") {
            page.append(".B " + escape(line.trimmingCharacters(in: .whitespaces)))
            page.append(".br")
        }
        page.removeLast()
        page.append(".SH \(words.description)")
        page += paragraphs(root.discussion)
        page += words.sharedServer
        page.append(".SH \(words.commands)")
        for command in root.subcommands ?? [] where command.shouldDisplay != false && command.commandName != "help" {
            page += commandSection(command, path: ["kehu"], words: words)
        }
        page.append(".SH \(words.keys)")
        page.append(".PD 0")
        page += keySection(keymap, strings: Strings(language))
        page.append(".PD")
        page += words.rest
        return page.map(breakable).joined(separator: "\n") + "\n"
    }

    /// Lets groff break a line between two Chinese characters (`\:`, a break point that
    /// prints nothing): it breaks only at spaces, and Chinese has none.
    static func breakable(_ line: String) -> String {
        guard !line.hasPrefix(".TH") else { return line }
        var result = ""
        var previous: Character?
        for ch in line {
            // groff breaks at spaces itself; elsewhere the help's rule says where.
            if let previous, previous != " ", ch != " ", HelpLayout.canBreak(between: previous, and: ch) {
                result += "\\:"
            }
            result.append(ch)
            previous = ch
        }
        return result
    }

    /// A command: its synopsis and summary, its description, then each argument.
    static func commandSection(_ command: Command, path: [String], words: ManualSections) -> [String] {
        let path = path + [command.commandName]
        let arguments = (command.arguments ?? []).filter { $0.shouldDisplay && $0.names?.contains { $0.name == "help" || $0.name == "version" } != true }
        var lines = [".SS \"\(escape(path.joined(separator: " ")))\""]
        lines.append(".B " + escape(path.joined(separator: " ")) + (arguments.isEmpty ? "" : " " + escape(synopsis(arguments))))
        if let aliases = command.aliases, !aliases.isEmpty { lines.append(".br\n(" + escape(aliases.joined(separator: ", ")) + ")") }
        lines.append(".PP")
        lines.append(escape(command.abstract ?? ""))
        lines += paragraphs(command.discussion)
        for argument in arguments {
            lines.append(".TP")
            lines.append(".B " + escape(label(argument)))
            var text = argument.abstract ?? ""
            if let value = argument.defaultValue, !value.isEmpty { text += " " + words.defaultValue(value) }
            lines.append(escape(text))
            lines += paragraphs(argument.discussion)
        }
        for sub in command.subcommands ?? [] where sub.shouldDisplay != false && sub.commandName != "help" {
            lines += commandSection(sub, path: path, words: words)
        }
        return lines
    }

    /// `--db <db>`, `-h, --help`, `<kind>`.
    static func label(_ argument: Argument) -> String {
        let value = argument.valueName.map { "<\($0)>" } ?? ""
        guard argument.kind != "positional" else { return value + (argument.isRepeating ? " …" : "") }
        let names = (argument.names ?? []).map { ($0.kind == "short" ? "-" : "--") + $0.name }.joined(separator: ", ")
        return argument.kind == "option" ? "\(names) \(value)" : names
    }

    /// One line of a command's arguments: optional ones in brackets, positionals last.
    static func synopsis(_ arguments: [Argument]) -> String {
        let ordered = arguments.filter { $0.kind != "positional" } + arguments.filter { $0.kind == "positional" }
        return ordered.map { argument -> String in
            let main: String
            if argument.kind == "positional" {
                main = "<\(argument.valueName ?? "value")>"
            } else {
                let name = (argument.names ?? []).first { $0.kind != "short" } ?? argument.names?.first
                let flag = name.map { ($0.kind == "short" ? "-" : "--") + $0.name } ?? ""
                main = argument.kind == "option" ? "\(flag) <\(argument.valueName ?? "value")>" : flag
            }
            let repeated = argument.isRepeating ? " …" : ""
            return argument.isOptional ? "[\(main)\(repeated)]" : main + repeated
        }.joined(separator: " ")
    }

    /// The keys of each context of the keymap, with what they do.
    static func keySection(_ keymap: Keymap, strings: Strings) -> [String] {
        var lines: [String] = []
        for context in KeyContext.allCases {
            let bindings = keymap.bindings[context] ?? []
            guard !bindings.isEmpty else { continue }
            lines.append(".SS \"\(escape(context == .global ? strings[.helpGlobal] : strings.label(context)))\"")
            var seen: [Action] = []
            for binding in bindings where !seen.contains(binding.action) {
                seen.append(binding.action)
                lines.append(".TP 18")
                lines.append(".B " + escape(keymap.keys(for: binding.action, in: context).map(\.label).joined(separator: ", ")))
                lines.append(escape(strings.describe(binding.action)))
            }
        }
        return lines
    }

    /// Paragraphs of a help text: its own lines are paragraphs in the page.
    static func paragraphs(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: "\n").flatMap { [".PP", escape(String($0))] }
    }

    /// Text as roff reads it: backslashes and hyphens escaped, and a line that would
    /// start with a control character (`.` or `'`) guarded.
    static func escape(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
        return result
    }
}
