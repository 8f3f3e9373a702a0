/// CSV as Excel writes it: fields separated by commas, quoted with double quotes when
/// they hold commas, quotes or line breaks (a quote inside doubled), lines ending in CRLF
/// or LF. A leading byte-order mark is dropped. Rows keep the number a spreadsheet shows
/// for them (a record with a line break in a quoted cell is still one row), for messages
/// that say where.
public enum CSVReader {
    public struct Row: Hashable, Sendable {
        public let line: Int
        public let fields: [String]
    }

    public enum Problem: Error, Hashable, Sendable {
        /// A quoted field never closed: everything after `line` would be one field.
        case unclosedQuote(line: Int)
    }

    public static func rows(_ text: String) throws -> [Row] {
        var rows: [Row] = []
        var field = "", fields: [String] = []
        var inQuotes = false, line = 1, rowLine = 1, record = 1
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        var first = true
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return characters.next()
        }
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            field = ""; fields = []
            record += 1
            rowLine = record
        }
        while let scalar = next() {
            if first { first = false; if scalar == "\u{FEFF}" { continue } }
            if inQuotes {
                if scalar == "\"" {
                    if let after = next() {
                        if after == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = after }
                    } else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: inQuotes = true
            case ",": fields.append(field); field = ""
            case "\r":
                if let after = next(), after != "\n" { pending = after }
                endRow(); line += 1
            case "\n": endRow(); line += 1
            default: field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw Problem.unclosedQuote(line: rowLine) }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
