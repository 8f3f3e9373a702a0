import Foundation
import KehuCore
import KehuStore

/// `kehu import`: a sheet's bytes in, the store's outcome per row out. Reads an Excel
/// workbook (.xlsx) or decodes CSV text (UTF-8 or GBK), finds the header row (below a
/// title row, if any), skips empty rows, maps the headers (the built-in names plus a mapping
/// file's), turns rows into customers, contacts or visits and hands them to the store's
/// door, which applies the importer's scope and writes all or nothing. Customers stream:
/// each row goes to the store as soon as it is read and only rejected rows are kept (for
/// the rejects file), so a sheet of any size is imported in the same memory. What to print
/// and where the rejects go is the caller's.
public enum ImportPipeline {
    public enum Kind: String, CaseIterable, Sendable { case customers, contacts, activities, cards }

    /// Why a sheet could not be read at all; nothing was written.
    public enum Problem: Error, Equatable, Sendable {
        case notText
        case mappingLine(line: Int, content: String)
        case unclosedQuote(line: Int)
        case empty
        case noNameColumn
        /// An Excel 97–2003 workbook (.xls), or another binary office file.
        case legacyExcel
        case workbook(XLSXReader.Problem)
        /// `--header-row` names a row the sheet does not have.
        case noSuchHeaderRow(Int)
    }

    public struct Request: Sendable {
        public var kind: Kind
        public var sheet: SheetBytes
        public var mapping: String?
        public var ownerID: Int64?
        public var teamID: Int64?
        public var dryRun = false
        public var skipBad = false
        /// Which sheet of a workbook (the first when nil), and which row holds the headers
        /// (found by itself when nil: the first of the first ten naming a known column).
        public var sheetName: String?
        public var headerRow: Int?
        /// Take a customer whose name is near an archived one (only the company form or
        /// spacing differs) as that customer, instead of creating it and saying so.
        public var mergeSimilar = false
        /// Keep what unknown columns hold in the notes (`座机：020-…`) instead of leaving it out.
        public var unknownToNotes = false

        public init(kind: Kind, sheet: Data, mapping: String? = nil, ownerID: Int64? = nil, teamID: Int64? = nil,
                    dryRun: Bool = false, skipBad: Bool = false) {
            self.init(kind: kind, sheet: .whole(sheet), mapping: mapping, ownerID: ownerID, teamID: teamID, dryRun: dryRun, skipBad: skipBad)
        }

        public init(kind: Kind, sheet: SheetBytes, mapping: String? = nil, ownerID: Int64? = nil, teamID: Int64? = nil,
                    dryRun: Bool = false, skipBad: Bool = false) {
            self.kind = kind; self.sheet = sheet; self.mapping = mapping; self.ownerID = ownerID; self.teamID = teamID
            self.dryRun = dryRun; self.skipBad = skipBad
        }
    }

    /// What happened to the rows: how many of each outcome, and the rejected rows as they
    /// were read, for the rejects file.
    public struct Report: Sendable {
        /// What was read: the text's encoding, or `XLSX`.
        public let encoding: String
        public internal(set) var header: [String] = []
        /// Data rows read (below the header, empty rows left out).
        public internal(set) var rowCount = 0
        public internal(set) var rejected: [(row: CSVReader.Row, outcome: ImportOutcome)] = []
        /// Headers kehu does not know (nor the mapping file): their columns were left out,
        /// or kept in the notes when asked.
        public internal(set) var unknownColumns: [String] = []
        private var counts: [OutcomeKind: Int] = [:]

        init(encoding: String) { self.encoding = encoding }

        public func count(_ kind: OutcomeKind) -> Int { counts[kind] ?? 0 }

        mutating func add(_ row: CSVReader.Row, _ outcome: ImportOutcome) {
            let kind = OutcomeKind(outcome)
            counts[kind, default: 0] += 1
            if kind == .rejected { rejected.append((row, outcome)) }
        }

        /// The rejected rows as they were, with the reason in a last column.
        public func rejects(reasonHeader: String, reason: (ImportOutcome) -> String) -> Data {
            CSVWriter.data([header + [reasonHeader]] + rejected.map { $0.row.fields + [reason($0.outcome)] })
        }
    }

    public enum OutcomeKind: Hashable, Sendable {
        case created, updated, unchanged, duplicate, rejected
        public init(_ outcome: ImportOutcome) {
            switch outcome {
            case .created, .createdNearDuplicate: self = .created
            case .updated(_, let fields): self = fields.isEmpty ? .unchanged : .updated
            case .duplicate: self = .duplicate
            case .rejected: self = .rejected
            }
        }
    }

    /// Reads the sheet and imports it. `progress` hears rows done of about how many;
    /// `each` hears every row's outcome as soon as it is known (a dry run's lines are
    /// printed as they come, not kept).
    public static func run(_ request: Request, into store: KehuDatabase, by actor: Actor,
                           progress: ((Int, Int) -> Void)? = nil,
                           each: ((CSVReader.Row, ImportOutcome) -> Void)? = nil) throws -> Report {
        var columns = ImportMapping.standard
        if let mapping = request.mapping {
            do { columns = try columns.adding(mappingFile: mapping) }
            catch ImportMapping.Problem.badLine(let line, let content) { throw Problem.mappingLine(line: line, content: content) }
        }
        let sheet = try SheetReader(request.sheet, sheetName: request.sheetName)
        var report = Report(encoding: sheet.encoding)
        let total = max(sheet.expectedRows - 1, 1)
        var done = 0
        func record(_ row: CSVReader.Row, _ outcome: ImportOutcome) {
            report.add(row, outcome)
            each?(row, outcome)
            done += 1
            if done % 500 == 0 { progress?(done, total) }
        }
        var headers = HeaderFinder(kind: request.kind, mapping: columns, wanted: request.headerRow, unknownToNotes: request.unknownToNotes)
        switch request.kind {
        case .customers:
            let now = actor.clock.now
            var header: CustomerImportRow.Header?
            let plan = KehuDatabase.ImportPlan(expectedRows: total, ownerID: request.ownerID, teamID: request.teamID,
                                               dryRun: request.dryRun, skipBad: request.skipBad, mergeSimilar: request.mergeSimilar)
            func requireName(_ columns: SheetColumns) throws {
                guard columns.header.contains(where: { columns.mapping.field(for: $0) == .name }) else { throw Problem.noNameColumn }
            }
            // The header is read once, and the clock asked once, for the whole sheet.
            func headerRead(for columns: SheetColumns) throws -> CustomerImportRow.Header {
                if let header { return header }
                try requireName(columns)
                let read = CustomerImportRow.Header(columns.headerWithNotes(keepingUnknown: request.unknownToNotes), mapping: columns.mapping)
                header = read
                return read
            }
            _ = try store.importCustomers(plan, by: actor, rows: { push in
                // Read on a thread of the store's, with the header found on the way; each
                // row goes on with the header to be read into a customer on another thread.
                try sheet.rows { row in try headers.take(row) { try push(($0, try headerRead(for: $1))) } }
                try headers.finish { try push(($0, try headerRead(for: $1))) }
                // A sheet of headers only still needs the name column.
                if header == nil, let columns = headers.columns { try requireName(columns) }
            }, reading: { (row: CSVReader.Row, header: CustomerImportRow.Header) in
                CustomerImportRow(line: row.line, fields: row.fields, header: header, now: now)
            }, outcome: { parsed, outcome in
                record(CSVReader.Row(line: parsed.line, fields: parsed.fields), outcome)
            })
        case .contacts, .activities, .cards:
            // Contacts, visit history and cards come in sheets of thousands, read whole.
            var rows: [CSVReader.Row] = []
            try sheet.rows { row in try headers.take(row) { row, _ in rows.append(row) } }
            try headers.finish { row, _ in rows.append(row) }
            let kind: HistoryImportRow.Kind = request.kind == .contacts ? .contacts : request.kind == .cards ? .cards : .activities
            let parsed = rows.map { HistoryImportRow(kind: kind, line: $0.line, fields: $0.fields, headers: headers.readHeader) }
            let outcomes = try store.importHistory(parsed, kind: kind, dryRun: request.dryRun, skipBad: request.skipBad, by: actor)
            for (row, outcome) in zip(rows, outcomes) { record(row, outcome) }
        }
        progress?(done, done)
        report.header = headers.readHeader
        report.rowCount = done
        report.unknownColumns = headers.unknown
        return report
    }
}

/// A sheet read row by row: an Excel workbook, or CSV text in UTF-8 or GBK.
struct SheetReader {
    let encoding: String
    /// About how many rows the sheet has (the header included), for the progress line and
    /// for how the store writes.
    let expectedRows: Int
    private let read: ((CSVReader.Row) throws -> Void) throws -> Void

    init(_ bytes: SheetBytes, sheetName: String?) throws {
        let head = try bytes.prefix(8)
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let sheet: XLSXReader.Sheet
            // From the file where it can be opened again (a million rows' zip held whole was
            // 50 MB); else, as where /proc is not mounted, from the bytes in memory.
            do {
                if let path = bytes.seekablePath, FileManager.default.isReadableFile(atPath: path) {
                    sheet = try XLSXReader.Sheet(file: path, name: sheetName)
                } else {
                    sheet = try XLSXReader.Sheet(try bytes.data(), name: sheetName)
                }
            }
            catch let problem as XLSXReader.Problem { throw ImportPipeline.Problem.workbook(problem) }
            encoding = "XLSX"
            expectedRows = sheet.rowCount
            read = { each in
                do { try sheet.rows(each) }
                catch let problem as XLSXReader.Problem { throw ImportPipeline.Problem.workbook(problem) }
            }
            return
        }
        // The compound-file header of .xls (and .doc, .et from WPS): not text.
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw ImportPipeline.Problem.legacyExcel }
        guard let (found, records) = try TextDecoding.scan(bytes) else { throw ImportPipeline.Problem.notText }
        encoding = found.rawValue
        expectedRows = records
        read = { each in
            var parser = CSVReader.Parser()
            do {
                try TextDecoding.utf8Pieces(bytes, encoding: found) { piece in try parser.feed(piece, each) }
                try parser.finish(each)
            } catch CSVReader.Problem.unclosedQuote(let line) {
                throw ImportPipeline.Problem.unclosedQuote(line: line)
            }
        }
    }

    func rows(_ each: (CSVReader.Row) throws -> Void) throws { try read(each) }
}

/// Finds the header row as rows stream past: the row `--header-row` names, or the first of
/// the first ten that names a known column (a title row such as 公司客户名单 2026 may sit
/// above it), else the first. Rows with nothing in them (Excel leaves them at the end of a
/// sheet) are no data. The rows below the header are handed on with the sheet's columns.
struct HeaderFinder {
    let kind: ImportPipeline.Kind
    let mapping: ImportMapping
    let wanted: Int?
    let unknownToNotes: Bool
    private var waiting: [CSVReader.Row] = []
    private(set) var columns: SheetColumns?
    private var seenAny = false

    init(kind: ImportPipeline.Kind, mapping: ImportMapping, wanted: Int?, unknownToNotes: Bool) {
        self.kind = kind; self.mapping = mapping; self.wanted = wanted; self.unknownToNotes = unknownToNotes
    }

    var readHeader: [String] { columns?.headerWithNotes(keepingUnknown: unknownToNotes) ?? [] }
    var unknown: [String] { columns?.unknown.map(\.header) ?? [] }

    mutating func take(_ row: CSVReader.Row, _ each: (CSVReader.Row, SheetColumns) throws -> Void) throws {
        guard !row.fields.allSatisfy(\.isBlank) else { return }
        seenAny = true
        if let columns {
            try each(unknownToNotes ? columns.keepingUnknownInNotes(row) : row, columns)
            return
        }
        if let wanted {
            if row.line == wanted { columns = SheetColumns(kind: kind, mapping: mapping, header: row.fields) }
            return
        }
        waiting.append(row)
        if waiting.count == 10 || known(row) { try decide(each) }
    }

    /// At the end of the sheet: a short sheet's header decided now.
    mutating func finish(_ each: (CSVReader.Row, SheetColumns) throws -> Void) throws {
        guard seenAny else { throw ImportPipeline.Problem.empty }
        if let wanted, columns == nil { throw ImportPipeline.Problem.noSuchHeaderRow(wanted) }
        if columns == nil { try decide(each) }
    }

    private func known(_ row: CSVReader.Row) -> Bool {
        row.fields.contains { header in
            kind == .customers ? mapping.field(for: header) == .name : HistoryImportRow.namesCustomer(header)
        }
    }

    private mutating func decide(_ each: (CSVReader.Row, SheetColumns) throws -> Void) throws {
        let header = waiting.first(where: known) ?? waiting[0]
        let sheet = SheetColumns(kind: kind, mapping: mapping, header: header.fields)
        columns = sheet
        let below = waiting.filter { $0.line > header.line }
        waiting = []
        for row in below { try each(unknownToNotes ? sheet.keepingUnknownInNotes(row) : row, sheet) }
    }
}
