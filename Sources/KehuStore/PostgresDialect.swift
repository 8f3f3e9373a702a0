import Foundation
import Synchronization

/// The mechanical differences between the SQL kehu writes for SQLite and what PostgreSQL
/// reads, translated once per statement text: `?` marks become `$1, $2…`; `IS ?` becomes
/// `IS NOT DISTINCT FROM $n` (SQLite's `IS` compares NULLs, PostgreSQL's only takes
/// NULL/TRUE/FALSE), and `? IS NULL` gets a type; SQLite's index hints (`INDEXED BY name`) go; functions that mean
/// the same under another name are renamed (and SQLite's `CROSS JOIN t x ON`, an inner
/// join whose order is kept, is PostgreSQL's `JOIN t x ON`) (`instr` → `strpos`, `char` → `chr`,
/// `ifnull` → `coalesce`, and `max`/`min` of two or more values → `greatest`/`least`;
/// of one value they stay aggregates). Quoted text and comments are left as they are.
/// Anything that differs in meaning is written per engine where it is used, not here.
enum PostgresDialect {
    static func translate(_ sql: String) -> String {
        if let known = cache.withLock({ $0[sql] }) { return known }
        let translated = rewrite(sql)
        cache.withLock { known in
            if known.count > 2_000 { known.removeAll() }   // dynamic texts (IN lists) must not grow it for good
            known[sql] = translated
        }
        return translated
    }

    private static let cache = Mutex<[String: String]>([:])

    static func rewrite(_ sql: String) -> String {
        let input = Array(sql.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count + 16)
        var index = 0, marks = 0
        while index < input.count {
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                // Quoted text or a quoted name, up to its closing quote (a doubled quote stays inside).
                var end = index + 1
                while end < input.count {
                    if input[end] == byte {
                        if end + 1 < input.count, input[end + 1] == byte { end += 2; continue }
                        break
                    }
                    end += 1
                }
                output.append(contentsOf: input[index...min(end, input.count - 1)])
                index = end + 1
            case UInt8(ascii: "-") where index + 1 < input.count && input[index + 1] == UInt8(ascii: "-"):
                // A comment, to the end of its line.
                var end = index
                while end < input.count, input[end] != UInt8(ascii: "\n") { end += 1 }
                output.append(contentsOf: input[index..<end])
                index = end
            case UInt8(ascii: "?") where index + 1 < input.count && (0x30...0x39).contains(input[index + 1]):
                // A numbered mark (?1, ?2): the same number, as often as it is used.
                var end = index + 1
                while end < input.count, (0x30...0x39).contains(input[end]) { end += 1 }
                let number = String(decoding: input[(index + 1)..<end], as: UTF8.self)
                prefixComparison(&output)
                output.append(contentsOf: Array(("$" + number).utf8))
                index = end
                typeIfOnlyTestedForNull(input, after: index, &output)
            case UInt8(ascii: "?"):
                marks += 1
                prefixComparison(&output)
                output.append(contentsOf: Array("$\(marks)".utf8))
                index += 1
                typeIfOnlyTestedForNull(input, after: index, &output)
            case _ where isNameByte(byte) && (index == 0 || !isNameByte(input[index - 1])):
                if let (renamed, length) = renamedFunction(input, at: index) {
                    output.append(contentsOf: Array(renamed.utf8))
                    index += length
                } else if startsWord(input, at: index, "CROSS JOIN"), joinsOn(input, after: index + "CROSS JOIN".utf8.count) {
                    // SQLite's CROSS JOIN … ON is an inner join that keeps the written order.
                    output.append(contentsOf: Array("JOIN".utf8))
                    index += "CROSS JOIN".utf8.count
                } else if startsWord(input, at: index, "INDEXED BY") {
                    // Skip the hint and the index's name.
                    var end = index + "INDEXED BY".utf8.count
                    while end < input.count, input[end] == UInt8(ascii: " ") || input[end] == UInt8(ascii: "\n") { end += 1 }
                    while end < input.count, isNameByte(input[end]) { end += 1 }
                    // One space between the words on either side is enough.
                    while end < input.count, input[end] == UInt8(ascii: " "), output.last == UInt8(ascii: " ") { end += 1 }
                    index = end
                } else {
                    // The whole word, so a rename never starts inside one.
                    var end = index
                    while end < input.count, isNameByte(input[end]) { end += 1 }
                    output.append(contentsOf: input[index..<end])
                    index = end
                }
            default:
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether a table and its alias, then ON, follow `index`.
    private static func joinsOn(_ bytes: [UInt8], after index: Int) -> Bool {
        var at = index
        func spaces() { while at < bytes.count, bytes[at] == UInt8(ascii: " ") || bytes[at] == UInt8(ascii: "\n") { at += 1 } }
        func name() -> Bool {
            let start = at
            while at < bytes.count, isNameByte(bytes[at]) { at += 1 }
            return at > start
        }
        spaces()
        guard name() else { return false }
        spaces()
        if startsWord(bytes, at: at, "ON") { return true }
        guard name() else { return false }
        spaces()
        return startsWord(bytes, at: at, "ON")
    }

    private static let renames: [String: String] = ["instr": "strpos", "char": "chr", "ifnull": "coalesce"]

    /// A function called at `index` that PostgreSQL knows by another name, and the length
    /// of its name.
    private static func renamedFunction(_ bytes: [UInt8], at index: Int) -> (String, Int)? {
        var end = index
        while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "(") else { return nil }
        let name = String(decoding: bytes[index..<end], as: UTF8.self).lowercased()
        if let renamed = renames[name] { return (renamed, end - index) }
        if name == "max" || name == "min", hasTopLevelComma(bytes, from: end) {
            return (name == "max" ? "greatest" : "least", end - index)
        }
        return nil
    }

    /// Whether the parenthesis at `open` holds more than one argument.
    private static func hasTopLevelComma(_ bytes: [UInt8], from open: Int) -> Bool {
        var depth = 0, index = open
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return false }
            } else if byte == UInt8(ascii: ","), depth == 1 {
                return true
            }
            index += 1
        }
        return false
    }

    /// A mark tested for NULL (`? IS NULL`: "no filter given") is given a type, which
    /// PostgreSQL cannot work out from that test when the value bound is NULL.
    private static func typeIfOnlyTestedForNull(_ input: [UInt8], after index: Int, _ output: inout [UInt8]) {
        var at = index
        while at < input.count, input[at] == UInt8(ascii: " ") || input[at] == UInt8(ascii: "\n") { at += 1 }
        if startsWord(input, at: at, "IS NULL") || startsWord(input, at: at, "IS NOT NULL") {
            output.append(contentsOf: Array("::text".utf8))
        }
    }

    /// `IS` and `IS NOT` before a mark compare NULLs as SQLite's do.
    private static func prefixComparison(_ output: inout [UInt8]) {
        if endsWithWord(output, "IS NOT") {
            replaceTail(&output, words: 2, with: "IS DISTINCT FROM ")
        } else if endsWithWord(output, "IS") {
            replaceTail(&output, words: 1, with: "IS NOT DISTINCT FROM ")
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
    }

    /// Whether `bytes` ends with `words` (any case), then spaces, after a word boundary.
    private static func endsWithWord(_ bytes: [UInt8], _ words: String) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        guard end < bytes.count else { return false }   // `IS?` is not a form kehu writes
        let word = Array(words.utf8)
        guard end >= word.count else { return false }
        let start = end - word.count
        for offset in 0..<word.count where fold(bytes[start + offset]) != fold(word[offset]) { return false }
        return start == 0 || !isNameByte(bytes[start - 1])
    }

    private static func replaceTail(_ bytes: inout [UInt8], words: Int, with replacement: String) {
        var end = bytes.count
        for _ in 0..<words {
            while end > 0, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            while end > 0, isNameByte(bytes[end - 1]) { end -= 1 }
        }
        bytes.removeSubrange(end...)
        bytes.append(contentsOf: Array(replacement.utf8))
    }

    private static func startsWord(_ bytes: [UInt8], at index: Int, _ words: String) -> Bool {
        let word = Array(words.utf8)
        guard index + word.count <= bytes.count, index == 0 || !isNameByte(bytes[index - 1]) else { return false }
        for offset in 0..<word.count where fold(bytes[index + offset]) != fold(word[offset]) { return false }
        return index + word.count == bytes.count || !isNameByte(bytes[index + word.count])
    }

    private static func fold(_ byte: UInt8) -> UInt8 { (0x61...0x7A).contains(byte) ? byte - 0x20 : byte }
}
