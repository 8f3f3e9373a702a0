import Foundation
import GRDB

/// Rows PostgreSQL folds into one JSON array (`json_agg`) inside another statement's row:
/// there every statement is a round trip to the server, so a card's contacts, intent
/// cards, orders and verdict come with the customer's row instead of one statement each.
/// kehu's PostgreSQL columns are all `bigint` or `text`, so each JSON value reads back
/// exactly as the column would have: an integer as an integer, a string as text, null as
/// NULL. Names are PostgreSQL's (lower case), found as any row's are, in the columns'
/// order.
///
/// Read by a scanner of its own: Foundation's `JSONDecoder`, trying each cell as an
/// integer before a string (a thrown error each time), was a third of a card's read on
/// PostgreSQL, and so of every list move.
enum RowsInJSON {
    /// What the text held that a `json_agg` of rows never does.
    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        var description: String { "not an array of flat JSON rows (at byte \(offset))" }
    }

    /// The rows of a `json_agg` value (NULL, when there were none: no rows).
    static func rows(_ value: DatabaseValue) throws -> [StoreRow] {
        guard var text = String.fromDatabaseValue(value) else { return [] }
        return try text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return try scanner.rows()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func rows() throws -> [StoreRow] {
            var rows: [StoreRow] = []
            // The objects of one array have the same keys (one table's rows): their names
            // are looked up once, shared as a statement's rows share them.
            var columns = ColumnNames([])
            try expect(UInt8(ascii: "["))
            if try peek() == UInt8(ascii: "]") {
                at += 1
                return try end(rows)
            }
            while true {
                var names: [String] = [], values: [DatabaseValue] = []
                names.reserveCapacity(columns.names.count)
                values.reserveCapacity(columns.names.count)
                try expect(UInt8(ascii: "{"))
                if try peek() == UInt8(ascii: "}") {
                    at += 1
                } else {
                    while true {
                        names.append(try string())
                        try expect(UInt8(ascii: ":"))
                        values.append(try value())
                        let next = try take()
                        if next == UInt8(ascii: "}") { break }
                        guard next == UInt8(ascii: ",") else { throw Malformed(offset: at - 1) }
                    }
                }
                if names != columns.names { columns = ColumnNames(names) }
                rows.append(StoreRow(columns: columns, values: values))
                let next = try take()
                if next == UInt8(ascii: "]") { return try end(rows) }
                guard next == UInt8(ascii: ",") else { throw Malformed(offset: at - 1) }
            }
        }

        private mutating func end(_ rows: [StoreRow]) throws -> [StoreRow] {
            skipSpace()
            guard at == bytes.count else { throw Malformed(offset: at) }
            return rows
        }

        private mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x0A, 0x0D, 0x09: at += 1
                default: return
                }
            }
        }

        /// The next byte that is not white space, left in place.
        private mutating func peek() throws -> UInt8 {
            skipSpace()
            guard at < bytes.count else { throw Malformed(offset: at) }
            return bytes[at]
        }

        private mutating func take() throws -> UInt8 {
            let byte = try peek()
            at += 1
            return byte
        }

        private mutating func expect(_ byte: UInt8) throws {
            guard try take() == byte else { throw Malformed(offset: at - 1) }
        }

        private mutating func value() throws -> DatabaseValue {
            switch try peek() {
            case UInt8(ascii: "\""): return try string().databaseValue
            case UInt8(ascii: "n"): try word("null"); return .null
            case UInt8(ascii: "t"): try word("true"); return (1 as Int64).databaseValue
            case UInt8(ascii: "f"): try word("false"); return (0 as Int64).databaseValue
            default: return try number()
            }
        }

        private mutating func word(_ text: StaticString) throws {
            let count = text.utf8CodeUnitCount
            guard at + count <= bytes.count, memcmp(bytes.baseAddress! + at, text.utf8Start, count) == 0 else {
                throw Malformed(offset: at)
            }
            at += count
        }

        private mutating func number() throws -> DatabaseValue {
            let start = at
            var whole = true
            while at < bytes.count {
                let byte = bytes[at]
                if byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) {
                    at += 1
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") {
                    whole = false
                    at += 1
                } else {
                    break
                }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            if whole, let number = Int64(text) { return number.databaseValue }
            guard let number = Double(text) else { throw Malformed(offset: start) }
            return number.databaseValue
        }

        /// A JSON string, its escapes undone. Most have none: then it is the bytes as they are.
        private mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            let start = at
            while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") { at += 1 }
            guard at < bytes.count else { throw Malformed(offset: start) }
            if bytes[at] == UInt8(ascii: "\"") {
                defer { at += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            }
            var text = Array(bytes[start..<at])
            while at < bytes.count {
                let byte = bytes[at]
                at += 1
                if byte == UInt8(ascii: "\"") { return String(decoding: text, as: UTF8.self) }
                guard byte == UInt8(ascii: "\\") else {
                    text.append(byte)
                    continue
                }
                guard at < bytes.count else { break }
                let escaped = bytes[at]
                at += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    // A character beyond the first plane comes as two escapes (a surrogate pair).
                    if (0xD800..<0xDC00).contains(scalar), at + 1 < bytes.count,
                       bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") {
                        at += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Malformed(offset: at - 6) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let character = Unicode.Scalar(scalar) else { throw Malformed(offset: at - 6) }
                    text.append(contentsOf: String(character).utf8)
                default:
                    throw Malformed(offset: at - 2)
                }
            }
            throw Malformed(offset: start)
        }

        private mutating func hex4() throws -> UInt32 {
            guard at + 4 <= bytes.count else { throw Malformed(offset: at) }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[at]
                at += 1
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw Malformed(offset: at - 1)
                }
                value = value << 4 | digit
            }
            return value
        }
    }
}
