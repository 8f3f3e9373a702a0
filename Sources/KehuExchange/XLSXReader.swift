import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KehuCore
import ZIPFoundation

/// An Excel workbook (.xlsx) read as rows of text, the way the sheet shows them: shared
/// and inline strings, numbers without a trailing `.0` (a phone number stored as a number
/// stays its digits), cells formatted as dates as `yyyy-mm-dd` (with the time when it
/// has one), booleans, and a merged range's value in each of its cells. Rows keep the
/// number the sheet gives them, for messages a spreadsheet user can follow.
public enum XLSXReader {
    public enum Problem: Error, Equatable, Sendable {
        /// Not a zip, or a zip without a workbook in it.
        case notAWorkbook
        /// `--sheet` names no sheet of the workbook; the sheets it has.
        case noSuchSheet(name: String, sheets: [String])
        case damaged(part: String)
    }

    /// The sheet's names, in the workbook's order.
    public static func sheetNames(_ data: Data) throws -> [String] {
        try Workbook(data).sheets.map(\.name)
    }

    /// The rows of `sheet` (the first sheet when nil); empty rows left out.
    public static func rows(_ data: Data, sheet: String? = nil) throws -> [CSVReader.Row] {
        let book = try Workbook(data)
        guard let chosen = sheet.map({ name in book.sheets.first { $0.name == name } }) ?? book.sheets.first else {
            throw Problem.noSuchSheet(name: sheet ?? "", sheets: book.sheets.map(\.name))
        }
        let strings = try book.part("xl/sharedStrings.xml").map { try SharedStrings.read($0) } ?? []
        let dates = try book.part("xl/styles.xml").map { try DateStyles.read($0) } ?? []
        guard let xml = try book.part(chosen.path) else { throw Problem.damaged(part: chosen.path) }
        return try SheetCells.read(xml, strings: strings, dateStyles: dates)
    }

    /// A workbook's parts as the zip holds them, and its sheets' names and parts.
    struct Workbook {
        let archive: Archive
        var sheets: [(name: String, path: String)] = []

        init(_ data: Data) throws {
            guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]),
                  let archive = try? Archive(data: data, accessMode: .read) else { throw Problem.notAWorkbook }
            self.archive = archive
            guard let workbook = try part("xl/workbook.xml") else { throw Problem.notAWorkbook }
            let relations = try part("xl/_rels/workbook.xml.rels").map { try Elements.read($0, named: ["Relationship"]) } ?? []
            var targets: [String: String] = [:]
            for relation in relations {
                guard let id = relation["Id"], let target = relation["Target"] else { continue }
                // Targets are relative to xl/, or absolute within the package.
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
            for sheet in try Elements.read(workbook, named: ["sheet"]) {
                guard let name = sheet["name"], let id = sheet["r:id"] ?? sheet.first(where: { $0.key.hasSuffix(":id") })?.value,
                      let path = targets[id] else { continue }
                sheets.append((name, path))
            }
            if sheets.isEmpty { throw Problem.notAWorkbook }
        }

        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0) } }
            catch { throw Problem.damaged(part: path) }
            return data
        }
    }

    /// The workbook's shared strings: each `<si>`'s text, its rich-text runs joined.
    enum SharedStrings {
        static func read(_ xml: Data) throws -> [String] {
            let reader = Reader()
            try reader.parse(xml)
            return reader.strings
        }

        final class Reader: NSObject, XMLParserDelegate {
            var strings: [String] = []
            private var current = "", inText = false, inPhonetic = false

            func parse(_ xml: Data) throws {
                let parser = XLSXReader.parser(xml)
                parser.delegate = self
                guard parser.parse() else { throw Problem.damaged(part: "xl/sharedStrings.xml") }
            }

            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                switch name {
                case "si": current = ""
                case "t": inText = !inPhonetic
                case "rPh": inPhonetic = true   // phonetic guides (furigana) are not the text
                default: break
                }
            }

            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                switch name {
                case "si": strings.append(current)
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if inText { current += string }
            }
        }
    }

    /// Which cell styles show a number as a date (or a date and time): Excel's built-in
    /// date formats, and custom formats made of date and time codes.
    enum DateStyles {
        enum Kind: Equatable { case number, date, dateTime }

        static func read(_ xml: Data) throws -> [Kind] {
            let elements = try Elements.read(xml, named: ["numFmt", "cellXfs", "xf", "/cellXfs"])
            var custom: [Int: String] = [:]
            var styles: [Kind] = []
            var inCellFormats = false
            for element in elements {
                switch element["<name>"] {
                case "numFmt":
                    if let id = element["numFmtId"].flatMap(Int.init), let code = element["formatCode"] { custom[id] = code }
                case "cellXfs": inCellFormats = true
                case "/cellXfs": inCellFormats = false
                case "xf" where inCellFormats:
                    let id = element["numFmtId"].flatMap(Int.init) ?? 0
                    styles.append(kind(id, custom[id]))
                default: break
                }
            }
            return styles
        }

        static func kind(_ id: Int, _ code: String?) -> Kind {
            switch id {
            case 14...17, 27...31, 34...36, 50...58: return .date
            case 18...22, 45...47: return .dateTime
            default:
                guard let code else { return .number }
                // Codes outside quotes and brackets ([Red], [$-804]) decide.
                var plain = "", quoted = false, bracketed = false
                for ch in code.lowercased() {
                    if ch == "\"" { quoted.toggle(); continue }
                    if !quoted, ch == "[" { bracketed = true; continue }
                    if !quoted, ch == "]" { bracketed = false; continue }
                    if !quoted, !bracketed { plain.append(ch) }
                }
                let hasDate = plain.contains("y") || plain.contains("d") || (plain.contains("m") && !plain.contains("h"))
                let hasTime = plain.contains("h") || plain.contains("s")
                if hasDate { return hasTime ? .dateTime : .date }
                return .number
            }
        }
    }

    /// A sheet's cells into rows of text.
    enum SheetCells {
        static func read(_ xml: Data, strings: [String], dateStyles: [DateStyles.Kind]) throws -> [CSVReader.Row] {
            let reader = Reader(strings: strings, dateStyles: dateStyles)
            let parser = XLSXReader.parser(xml)
            parser.delegate = reader
            guard parser.parse() else { throw Problem.damaged(part: "worksheet") }
            var cells = reader.cells
            // A merged range shows its first cell's value across it: each row gets it.
            for range in reader.merged {
                guard let value = cells[range.top]?[range.left] else { continue }
                for row in range.top...range.bottom {
                    for column in range.left...range.right where cells[row]?[column] == nil { cells[row, default: [:]][column] = value }
                }
            }
            return cells.keys.sorted().compactMap { number in
                guard let row = cells[number], let last = row.keys.max() else { return nil }
                let fields = (0...last).map { row[$0] ?? "" }
                return fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) ? nil : CSVReader.Row(line: number, fields: fields)
            }
        }

        final class Reader: NSObject, XMLParserDelegate {
            let strings: [String]
            let dateStyles: [DateStyles.Kind]
            var cells: [Int: [Int: String]] = [:]
            var merged: [(top: Int, left: Int, bottom: Int, right: Int)] = []
            private var row = 0, column = -1
            private var type = "", style = 0, value = "", inValue = false, inInline = false

            init(strings: [String], dateStyles: [DateStyles.Kind]) {
                self.strings = strings
                self.dateStyles = dateStyles
            }

            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                switch name {
                case "row":
                    row = attributes["r"].flatMap(Int.init) ?? row + 1
                    column = -1
                case "c":
                    let reference = attributes["r"].flatMap(XLSXReader.cell)
                    if let reference { row = reference.row; column = reference.column } else { column += 1 }
                    type = attributes["t"] ?? "n"
                    style = attributes["s"].flatMap(Int.init) ?? 0
                    value = ""
                case "v": inValue = true
                case "is": inInline = true
                case "t" where inInline: inValue = true
                case "mergeCell":
                    let corners = (attributes["ref"] ?? "").split(separator: ":").compactMap { XLSXReader.cell(String($0)) }
                    if corners.count == 2 {
                        merged.append((corners[0].row, corners[0].column, corners[1].row, corners[1].column))
                    }
                default: break
                }
            }

            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                switch name {
                case "v", "t": inValue = false
                case "is": inInline = false
                case "c":
                    if let text = shown(), !text.isEmpty { cells[row, default: [:]][column] = text }
                default: break
                }
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if inValue { value += string }
            }

            /// The cell's text as the sheet shows it.
            private func shown() -> String? {
                switch type {
                case "s": return Int(value).flatMap { $0 < strings.count ? strings[$0] : nil }
                case "inlineStr", "str": return value
                case "b": return value == "1" ? "TRUE" : "FALSE"
                case "e": return value
                default:
                    guard !value.isEmpty else { return nil }
                    let kind = style < dateStyles.count ? dateStyles[style] : .number
                    if kind != .number, let serial = Double(value) { return XLSXReader.dateText(serial, withTime: kind == .dateTime) }
                    return XLSXReader.numberText(value)
                }
            }
        }
    }

    /// A parser fed in pieces: given a whole part at once, libxml2 refuses one larger than
    /// 10 MB ("huge input"), and a 100,000-row sheet is several times that.
    static func parser(_ xml: Data) -> XMLParser {
        XMLParser(stream: InputStream(data: xml))
    }

    /// "B12" → row 12, column 1.
    static func cell(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0, digits = ""
        for ch in reference.uppercased() {
            if let ascii = ch.asciiValue, ch.isLetter, digits.isEmpty { column = column * 26 + Int(ascii - 64) }
            else if ch.isNumber { digits.append(ch) }
            else { return nil }
        }
        guard column > 0, let row = Int(digits) else { return nil }
        return (row, column - 1)
    }

    /// A stored number as the sheet shows it in General format: integers without `.0`
    /// or an exponent (an 11-digit phone number stays its digits).
    static func numberText(_ raw: String) -> String {
        guard let number = Double(raw) else { return raw }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        if let decimal = Decimal(string: raw) { return "\(decimal)" }
        return raw
    }

    /// An Excel serial day (from 1899-12-30) as `yyyy-mm-dd`, with ` HH:MM` when asked.
    static func dateText(_ serial: Double, withTime: Bool) -> String {
        let days = Int(serial.rounded(.down))
        guard let day = LocalDate(year: 1899, month: 12, day: 30)?.adding(days: days) else { return String(serial) }
        guard withTime else { return day.description }
        let minutes = Int(((serial - Double(days)) * 1440).rounded())
        return day.description + String(format: " %02d:%02d", minutes / 60, minutes % 60)
    }
}

/// Attributes of the named elements of an XML part, in document order (`<name>` holds the
/// element's name; a name starting with `/` asks for the element's end).
enum Elements {
    static func read(_ xml: Data, named names: Set<String>) throws -> [[String: String]] {
        final class Reader: NSObject, XMLParserDelegate {
            let names: Set<String>
            var found: [[String: String]] = []
            init(_ names: Set<String>) { self.names = names }
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if names.contains(name) { found.append(attributes.merging(["<name>": name]) { $1 }) }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if names.contains("/" + name) { found.append(["<name>": "/" + name]) }
            }
        }
        let reader = Reader(names)
        let parser = XLSXReader.parser(xml)
        parser.delegate = reader
        guard parser.parse() else { throw XLSXReader.Problem.damaged(part: "xml") }
        return reader.found
    }
}
