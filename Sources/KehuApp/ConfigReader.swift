/// A value in a keymap or theme file.
public enum ConfigValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([ConfigValue])

    public var string: String? { if case .string(let s) = self { return s }; return nil }
}

/// One `key = value` line, with the table it sits in and where it was written.
public struct ConfigEntry: Hashable, Sendable {
    public let table: String
    public let key: String
    public let value: ConfigValue
    public let line: Int
}

/// Reads the part of TOML that kehu's keymap and theme files use — comments, `[table]`
/// headers, quoted or bare keys, strings, integers, booleans and one-line arrays — and
/// keeps each entry's line number, so a problem is reported exactly where it is.
public enum ConfigReader {
    public static func read(_ text: String, file: String) -> (entries: [ConfigEntry], problems: [ConfigProblem]) {
        var entries: [ConfigEntry] = []
        var problems: [ConfigProblem] = []
        var table = ""
        var seen: [String: Int] = [:]   // "table\u{0}key" → first line
        var seenTables: [String: Int] = [:]
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Lines end at the newline byte: split by Characters, "\r\n" is one Character and
        // a file saved with Windows line ends read as a single line (and walking
        // Characters cost a millisecond of every start on the shipped keymap).
        for (index, rawLine) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var scanner = Scanner(Substring(rawLine.last == 0x0D ? rawLine.dropLast() : rawLine))
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            func problem(_ kind: ConfigProblem.Kind) { problems.append(ConfigProblem(file: file, line: lineNumber, kind: kind)) }
            if scanner.peek == "[" {
                scanner.advance()
                guard let name = scanner.readKeyPath(), scanner.consume("]") else { problem(.malformedLine); continue }
                scanner.skipSpaces()
                guard scanner.atEndOrComment else { problem(.malformedLine); continue }
                if let first = seenTables[name] { problem(.duplicateTable(name: name, firstLine: first)) }
                seenTables[name] = seenTables[name] ?? lineNumber
                table = name
                continue
            }
            guard let key = scanner.readKey() else { problem(.malformedLine); continue }
            scanner.skipSpaces()
            guard scanner.consume("=") else { problem(.malformedLine); continue }
            scanner.skipSpaces()
            let value: ConfigValue
            switch scanner.readValue() {
            case .success(let v): value = v
            case .failure(let kind): problem(kind); continue
            }
            scanner.skipSpaces()
            guard scanner.atEndOrComment else { problem(.malformedLine); continue }
            let id = table + "\u{0}" + key
            if let first = seen[id] { problem(.duplicateKey(key: key, firstLine: first)); continue }
            seen[id] = lineNumber
            entries.append(ConfigEntry(table: table, key: key, value: value, line: lineNumber))
        }
        return (entries, problems)
    }

    /// Reads a line scalar by scalar: a Character walk (grapheme breaking) made reading
    /// the shipped keymap and theme a millisecond of every start.
    private struct Scanner {
        var rest: Substring.UnicodeScalarView
        init(_ text: Substring) { rest = text.unicodeScalars }

        var peek: Unicode.Scalar? { rest.first }
        var atEndOrComment: Bool { rest.isEmpty || rest.first == "#" }
        mutating func advance() { rest.removeFirst() }
        mutating func skipSpaces() { while let c = rest.first, c == " " || c == "\t" { rest.removeFirst() } }
        mutating func consume(_ c: Unicode.Scalar) -> Bool {
            guard rest.first == c else { return false }
            rest.removeFirst()
            return true
        }

        mutating func readBare() -> String? {
            var out = String.UnicodeScalarView()
            while let c = rest.first, ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-" {
                out.append(c); rest.removeFirst()
            }
            return out.isEmpty ? nil : String(out)
        }

        mutating func readKey() -> String? {
            if rest.first == "\"" || rest.first == "'" {
                guard case .success(.string(let s)) = readString() else { return nil }
                return s
            }
            return readBare()
        }

        /// `a.b.c` or `"list.selected"` parts joined with dots.
        mutating func readKeyPath() -> String? {
            var parts: [String] = []
            repeat {
                skipSpaces()
                guard let part = readKey() else { return nil }
                parts.append(part)
                skipSpaces()
            } while consume(".")
            return parts.joined(separator: ".")
        }

        mutating func readString() -> Result<ConfigValue, ConfigProblem.Kind> {
            let quote = rest.removeFirst()
            var out = String.UnicodeScalarView()
            while let c = rest.first {
                rest.removeFirst()
                if c == quote { return .success(.string(String(out))) }
                if c == "\\" && quote == "\"" {
                    guard let e = rest.first else { break }
                    rest.removeFirst()
                    switch e {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "\\": out.append("\\")
                    case "\"": out.append("\"")
                    case "u", "U":
                        let count = e == "u" ? 4 : 8
                        let hex = String(String.UnicodeScalarView(rest.prefix(count)))
                        guard hex.unicodeScalars.count == count, let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else {
                            return .failure(.badEscape)
                        }
                        rest.removeFirst(count)
                        out.append(s)
                    default: return .failure(.badEscape)
                    }
                } else {
                    out.append(c)
                }
            }
            return .failure(.unterminatedString)
        }

        mutating func readValue() -> Result<ConfigValue, ConfigProblem.Kind> {
            guard let c = rest.first else { return .failure(.missingValue) }
            if c == "\"" || c == "'" { return readString() }
            if c == "[" {
                rest.removeFirst()
                var items: [ConfigValue] = []
                while true {
                    skipSpaces()
                    if consume("]") { return .success(.array(items)) }
                    switch readValue() {
                    case .success(let v): items.append(v)
                    case .failure(let k): return .failure(k)
                    }
                    skipSpaces()
                    if consume(",") { continue }
                    if consume("]") { return .success(.array(items)) }
                    return .failure(.malformedLine)
                }
            }
            guard let word = readBare() else { return .failure(.missingValue) }
            if word == "true" { return .success(.boolean(true)) }
            if word == "false" { return .success(.boolean(false)) }
            if let n = Int(String(word.filter { $0 != "_" })) { return .success(.integer(n)) }
            return .failure(.unquotedString(word))
        }
    }
}
