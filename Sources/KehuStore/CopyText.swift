import GRDB

/// Values in COPY's text format: `\N` for NULL, and a backslash, tab, newline or carriage
/// return escaped so that none ends a field or a row.
enum CopyText {
    static func append(_ value: DatabaseValue, to text: inout String) {
        switch value.storage {
        case .null: text += "\\N"
        case .int64(let number): text += String(number)
        case .double(let number): text += "\(number)"
        case .string(let string):
            if !string.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                text += string
                return
            }
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\\": text += "\\\\"
                case "\t": text += "\\t"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                default: text.unicodeScalars.append(scalar)
                }
            }
        case .blob(let data):
            text += "\\\\x"
            for byte in data { text += (byte < 16 ? "0" : "") + String(byte, radix: 16) }
        }
    }
}
