/// CSV as Excel writes it: fields separated by commas, quoted with double quotes when
/// they hold commas, quotes or line breaks (a quote inside doubled), lines ending in CRLF
/// or LF. A leading byte-order mark is dropped. Rows keep the number a spreadsheet shows
/// for them (a record with a line break in a quoted cell is still one row), for messages
/// that say where.
public enum CSVReader {
    public struct Row: Hashable, Sendable {
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public enum Problem: Error, Hashable, Sendable {
        /// A quoted field never closed: everything after `line` would be one field.
        case unclosedQuote(line: Int)
    }

    public static func rows(_ text: String) throws -> [Row] {
        var rows: [Row] = []
        var parser = Parser()
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBufferPointer { try parser.feed(UnsafeBufferPointer($0)) { rows.append($0) } }
        try parser.finish { rows.append($0) }
        return rows
    }

    /// Reads UTF-8 bytes given in pieces of any size (a piece may end inside a character,
    /// a field or a record), handing on each row as soon as it is complete: a sheet of a
    /// million rows is read in the memory of one row.
    public struct Parser {
        private var field: [UInt8] = []
        private var fields: [String] = []
        private var inQuotes = false
        /// A quote just ended a quoted part: a second one right after is a quote in the text.
        private var quoteSeen = false
        /// A carriage return ended a record: a line feed right after belongs to it.
        private var returnSeen = false
        private var record = 1
        /// The first bytes, until there are enough to tell a byte-order mark (which Excel
        /// writes first in "CSV UTF-8") from text; nil once told.
        private var head: [UInt8]? = []

        public init() { field.reserveCapacity(256) }

        public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ each: (Row) throws -> Void) throws {
            guard var start = head else { return try parse(bytes, each) }
            let taken = min(3 - start.count, bytes.count)
            start += bytes[..<taken]
            guard start.count == 3 else { head = start; return }
            head = nil
            if start != [0xEF, 0xBB, 0xBF] { try start.withUnsafeBufferPointer { try parse($0, each) } }
            try parse(UnsafeBufferPointer(rebasing: bytes[taken...]), each)
        }

        private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ each: (Row) throws -> Void) throws {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if returnSeen {
                    returnSeen = false
                    if byte == 0x0A { continue }
                }
                if quoteSeen {
                    quoteSeen = false
                    if byte == 0x22 { field.append(0x22); inQuotes = true; continue }
                }
                if inQuotes {
                    if byte == 0x22 { inQuotes = false; quoteSeen = true } else { field.append(byte) }
                    continue
                }
                switch byte {
                case 0x22 where field.isEmpty: inQuotes = true
                case 0x2C: endField()
                case 0x0D: returnSeen = true; try endRow(each)
                case 0x0A: try endRow(each)
                default: field.append(byte)
                }
            }
        }

        /// The last record, when the text does not end with a line break.
        public mutating func finish(_ each: (Row) throws -> Void) throws {
            if let start = head {
                head = nil
                try start.withUnsafeBufferPointer { try parse($0, each) }
            }
            if inQuotes { throw Problem.unclosedQuote(line: record) }
            if !field.isEmpty || !fields.isEmpty { try endRow(each) }
        }

        private mutating func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }

        private mutating func endRow(_ each: (Row) throws -> Void) throws {
            endField()
            let row = Row(line: record, fields: fields)
            fields.removeAll(keepingCapacity: true)
            record += 1
            // A blank line is a row of the sheet (it counts), but holds nothing.
            if !(row.fields.count == 1 && row.fields[0].isEmpty) { try each(row) }
        }
    }
}
