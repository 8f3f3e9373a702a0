import Foundation
import Synchronization

/// The mechanical differences between the SQL kehu writes for SQLite and what PostgreSQL
/// reads, translated once per statement text: `?` marks become `$1, $2…`; `IS ?` becomes
/// `IS NOT DISTINCT FROM $n` (SQLite's `IS` compares NULLs, PostgreSQL's only takes
/// NULL/TRUE/FALSE); SQLite's index hints (`INDEXED BY name`) go. Quoted text and
/// comments are left as they are. Anything that differs in meaning is written per engine
/// where it is used, not here.
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
            case UInt8(ascii: "?"):
                marks += 1
                if endsWithWord(output, "IS NOT") {
                    replaceTail(&output, words: 2, with: "IS DISTINCT FROM ")
                } else if endsWithWord(output, "IS") {
                    replaceTail(&output, words: 1, with: "IS NOT DISTINCT FROM ")
                }
                output.append(contentsOf: Array("$\(marks)".utf8))
                index += 1
            case UInt8(ascii: "I"), UInt8(ascii: "i"):
                if startsWord(input, at: index, "INDEXED BY") {
                    // Skip the hint and the index's name.
                    var end = index + "INDEXED BY".utf8.count
                    while end < input.count, input[end] == UInt8(ascii: " ") || input[end] == UInt8(ascii: "\n") { end += 1 }
                    while end < input.count, isNameByte(input[end]) { end += 1 }
                    index = end
                } else {
                    output.append(byte)
                    index += 1
                }
            default:
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
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
