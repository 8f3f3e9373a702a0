import Foundation
import KehuCore
import SystemZlib
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
        var rows: [CSVReader.Row] = []
        try Sheet(data, name: sheet).rows { rows.append($0) }
        return rows
    }

    /// One sheet of a workbook, read row by row as its part is unzipped: the memory of the
    /// shared strings and one row, whatever the number of rows.
    public struct Sheet {
        private let book: Workbook
        private let path: String
        private let strings: [String]
        private let dates: [DateStyles.Kind]
        /// The merged ranges and how many rows the sheet has, from a first look over it.
        private var merged: [SheetCells.Range] = []
        public private(set) var rowCount = 0

        public init(_ data: Data, name: String?) throws {
            try self.init(book: try Workbook(data), name: name)
        }

        /// The sheet of the workbook at `path`, read from the file as it is unzipped: the
        /// zip is never in memory whole.
        public init(file path: String, name: String?) throws {
            try self.init(book: try Workbook(file: path), name: name)
        }

        private init(book: Workbook, name: String?) throws {
            guard let chosen = name.map({ name in book.sheets.first { $0.name == name } }) ?? book.sheets.first else {
                throw Problem.noSuchSheet(name: name ?? "", sheets: book.sheets.map(\.name))
            }
            var shared = SharedStrings()
            _ = try book.stream("xl/sharedStrings.xml") { try shared.feed($0) }
            var look = SheetCells.FirstLook()
            guard try book.stream(chosen.path, verified: false, { try look.feed($0) }) else { throw Problem.damaged(part: chosen.path) }
            self.book = book
            path = chosen.path
            strings = shared.strings
            dates = try book.part("xl/styles.xml").map { try DateStyles.read($0) } ?? []
            merged = look.merged
            rowCount = look.rows
        }

        public func rows(_ each: (CSVReader.Row) throws -> Void) throws {
            var cells = SheetCells(strings: strings, dateStyles: dates, merged: merged)
            _ = try book.stream(path) { try cells.feed($0, each) }
            try cells.finish(each)
        }
    }

    /// A workbook's parts as the zip holds them, and its sheets' names and parts.
    struct Workbook {
        let archive: Archive
        var sheets: [(name: String, path: String)] = []

        init(_ data: Data) throws {
            guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]),
                  let archive = try? Archive(data: data, accessMode: .read) else { throw Problem.notAWorkbook }
            try self.init(archive)
        }

        init(file path: String) throws {
            guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read) else { throw Problem.notAWorkbook }
            try self.init(archive)
        }

        private init(_ archive: Archive) throws {
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
            var data = Data()
            guard try stream(path, { data.append(contentsOf: $0) }) else { return nil }
            return data
        }

        /// The part unzipped a piece at a time; false when the workbook has no such part.
        /// Its checksum is verified (with zlib's CRC-32, several times faster than the byte
        /// loop ZIPFoundation uses on Linux) unless `verified` is false: a first look over
        /// a part that is read again, and checked then, need not pay for it twice.
        func stream(_ path: String, verified: Bool = true, _ each: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Bool {
            guard let entry = archive[path] else { return false }
            var failure: Error?
            var checksum: UInt = 0
            do {
                _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: true) { chunk in
                    guard failure == nil else { return }
                    do {
                        try chunk.withUnsafeBytes { raw in
                            let bytes = raw.bindMemory(to: UInt8.self)
                            if verified, let start = bytes.baseAddress { checksum = crc32(checksum, start, UInt32(bytes.count)) }
                            try each(bytes)
                        }
                    } catch { failure = error }
                }
            } catch {
                throw Problem.damaged(part: path)
            }
            if let failure { throw failure }
            if verified, checksum != UInt(entry.checksum) { throw Problem.damaged(part: path) }
            return true
        }
    }

    /// The workbook's shared strings: each `<si>`'s text, its rich-text runs joined, its
    /// phonetic guides (furigana, `<rPh>`) left out.
    struct SharedStrings {
        var strings: [String] = []
        private var scanner = XMLScanner()
        private var current: [UInt8] = []
        private var inText = false, inPhonetic = false

        mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            var strings = self.strings, current = self.current, inText = self.inText, inPhonetic = self.inPhonetic
            self.strings = []
            try scanner.feed(bytes) { event in
                switch event {
                case .start(let name, _, let selfClosing):
                    switch name {
                    case "si": current.removeAll(keepingCapacity: true); if selfClosing { strings.append("") }
                    case "t": inText = !inPhonetic && !selfClosing
                    case "rPh": inPhonetic = !selfClosing
                    default: break
                    }
                case .end(let name):
                    switch name {
                    case "si": strings.append(String(decoding: current, as: UTF8.self))
                    case "t": inText = false
                    case "rPh": inPhonetic = false
                    default: break
                    }
                case .text(let text):
                    if inText { current += text }
                }
            }
            self.strings = strings; self.current = current; self.inText = inText; self.inPhonetic = inPhonetic
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

    /// A sheet's cells into rows of text, a row at a time.
    struct SheetCells {
        struct Range { let top: Int, left: Int, bottom: Int, right: Int }

        /// A first look over the sheet: its merged ranges (listed after the rows) and its
        /// rows. Only tags matter here, and in XML every `<` starts one (text escapes it), so
        /// the look goes from `<` to `<` and reads just the two tags it wants.
        struct FirstLook {
            var merged: [Range] = []
            var rows = 0
            /// The start of a tag cut off at the end of the last piece.
            private var carried: [UInt8] = []

            mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws {
                if !carried.isEmpty {
                    let joined = carried + bytes
                    carried = []
                    try joined.withUnsafeBufferPointer { try look($0) }
                } else {
                    try look(bytes)
                }
            }

            private mutating func look(_ bytes: UnsafeBufferPointer<UInt8>) throws {
                var index = 0
                while let open = bytes[index...].firstIndex(of: 0x3C) {
                    // Enough of the tag to tell its name (with a prefix such as `x:`) and a ref.
                    guard let close = bytes[open...].prefix(200).firstIndex(of: 0x3E) else {
                        if bytes.count - open < 200 { carried = Array(bytes[open...]); return }
                        index = open + 1
                        continue
                    }
                    var nameStart = open + 1
                    var nameEnd = nameStart
                    while nameEnd < close, bytes[nameEnd] != 0x20, bytes[nameEnd] != 0x2F, bytes[nameEnd] != 0x3E {
                        if bytes[nameEnd] == 0x3A { nameStart = nameEnd + 1 }
                        nameEnd += 1
                    }
                    let name = bytes[nameStart..<nameEnd]
                    if name.elementsEqual("row".utf8) {
                        rows += 1
                    } else if name.elementsEqual("mergeCell".utf8) {
                        let tag = XMLScanner.Tag(bytes: Array(bytes[(open + 1)..<close]))
                        let corners = (tag.attribute("ref") ?? "").split(separator: ":").compactMap { XLSXReader.cell(String($0)) }
                        if corners.count == 2 { merged.append(Range(top: corners[0].row, left: corners[0].column, bottom: corners[1].row, right: corners[1].column)) }
                    }
                    index = close + 1
                }
            }
        }

        let strings: [String]
        let dateStyles: [DateStyles.Kind]
        let merged: [Range]
        /// A merged range's value (its first cell's), once its first row has been read.
        private var mergedValues: [Int: String] = [:]
        private var scanner = XMLScanner()
        private var row = 0, lastRow = 0, column = -1
        /// The row's cells by column (nil: empty).
        private var cells: [String?] = []
        private var type = "", style = 0, value: [UInt8] = [], inValue = false, inInline = false

        init(strings: [String], dateStyles: [DateStyles.Kind], merged: [Range]) {
            self.strings = strings
            self.dateStyles = dateStyles
            self.merged = merged
        }

        mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ each: (CSVReader.Row) throws -> Void) throws {
            var scanner = self.scanner
            defer { self.scanner = scanner }
            try scanner.feed(bytes) { event in try handle(event, each) }
        }

        /// Rows below the last that lie in a merged range: they show its value.
        mutating func finish(_ each: (CSVReader.Row) throws -> Void) throws {
            if let bottom = merged.map(\.bottom).max(), bottom > lastRow { try emitMergedRows(through: bottom, each) }
        }

        private mutating func handle(_ event: XMLScanner.Event, _ each: (CSVReader.Row) throws -> Void) throws {
            switch event {
            case .start(let name, let tag, let selfClosing):
                switch name {
                case "row":
                    let number = tag.attribute("r").flatMap(Int.init) ?? lastRow + 1
                    if number > lastRow + 1 { try emitMergedRows(through: number - 1, each) }
                    row = number
                    column = -1
                    cells.removeAll(keepingCapacity: true)
                    if selfClosing { try endRow(each) }
                case "c":
                    if let reference = tag.value(of: "r").flatMap(XLSXReader.cell) { column = reference.column } else { column += 1 }
                    type = tag.attribute("t") ?? "n"
                    style = tag.attribute("s").flatMap(Int.init) ?? 0
                    value.removeAll(keepingCapacity: true)
                case "v": inValue = !selfClosing
                case "is": inInline = !selfClosing
                case "t" where inInline: inValue = !selfClosing
                default: break
                }
            case .end(let name):
                switch name {
                case "v", "t": inValue = false
                case "is": inInline = false
                case "c":
                    if let text = shown(), !text.isEmpty, column >= 0, column < 16_384 {
                        if cells.count <= column { cells += Array(repeating: nil, count: column + 1 - cells.count) }
                        cells[column] = text
                    }
                case "row": try endRow(each)
                default: break
                }
            case .text(let text):
                if inValue { value += text }
            }
        }

        private mutating func endRow(_ each: (CSVReader.Row) throws -> Void) throws {
            try emit(row, cells, each)
            lastRow = max(lastRow, row)
            cells.removeAll(keepingCapacity: true)
        }

        /// Rows the sheet leaves out that a merged range covers, with its value.
        private mutating func emitMergedRows(through last: Int, _ each: (CSVReader.Row) throws -> Void) throws {
            guard !merged.isEmpty, lastRow + 1 <= last else { return }
            for number in (lastRow + 1)...last where merged.contains(where: { $0.top < number && number <= $0.bottom }) {
                try emit(number, [], each)
            }
            lastRow = max(lastRow, last)
        }

        private mutating func emit(_ number: Int, _ found: [String?], _ each: (CSVReader.Row) throws -> Void) throws {
            var cells = found
            // A merged range shows its first cell's value across it: each row gets it.
            for (index, range) in merged.enumerated() where range.top <= number && number <= range.bottom {
                if number == range.top, range.left < cells.count, let first = cells[range.left] { mergedValues[index] = first }
                guard let shown = mergedValues[index] else { continue }
                if cells.count <= range.right { cells += Array(repeating: nil, count: range.right + 1 - cells.count) }
                for column in range.left...range.right where cells[column] == nil { cells[column] = shown }
            }
            guard let last = cells.lastIndex(where: { $0 != nil }) else { return }
            let fields = cells[...last].map { $0 ?? "" }
            if fields.allSatisfy(\.isBlank) { return }
            try each(CSVReader.Row(line: number, fields: fields))
        }

        /// The cell's text as the sheet shows it.
        private func shown() -> String? {
            let value = String(decoding: self.value, as: UTF8.self)
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

    /// "B12" → row 12, column 1.
    static func cell(_ reference: String) -> (row: Int, column: Int)? { cell(reference.utf8) }

    static func cell(_ reference: some Sequence<UInt8>) -> (row: Int, column: Int)? {
        var column = 0, row = 0, digits = 0
        for byte in reference {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0: column = column * 26 + Int(byte) - 64
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0: column = column * 26 + Int(byte) - 96
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 9 else { return nil }
                row = row * 10 + Int(byte) - 48
                digits += 1
            default: return nil
            }
        }
        guard column > 0, digits > 0 else { return nil }
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
/// element's name; a name starting with `/` asks for the element's end). Read with the
/// sheet's own scanner: the workbook's small parts need no general XML parser, and
/// without one kehu does not load libxml2 and ICU at every start, for a workbook it
/// reads once in a while.
enum Elements {
    static func read(_ xml: Data, named names: Set<String>) throws -> [[String: String]] {
        var found: [[String: String]] = []
        var scanner = XMLScanner()
        try xml.withUnsafeBytes { raw in
            try scanner.feed(raw.bindMemory(to: UInt8.self)) { event in
                switch event {
                case .start(let name, let tag, _) where names.contains(name):
                    found.append(tag.attributes().merging(["<name>": name]) { $1 })
                case .end(let name) where names.contains("/" + name):
                    found.append(["<name>": "/" + name])
                default: break
                }
            }
        }
        return found
    }
}
