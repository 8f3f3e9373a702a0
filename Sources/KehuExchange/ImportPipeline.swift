import Foundation
import KehuCore
import KehuStore

/// `kehu import`: a sheet's bytes in, the store's outcome per row out. Reads an Excel
/// workbook (.xlsx) or decodes CSV text (UTF-8 or GBK), finds the header row (below a
/// title row, if any), skips empty rows, maps the headers (the built-in names plus a mapping
/// file's), turns rows into customers, contacts or visits and hands them to the store's
/// door, which applies the importer's scope and writes all or nothing. What to print and
/// where the rejects go is the caller's.
public enum ImportPipeline {
    public enum Kind: String, CaseIterable, Sendable { case customers, contacts, activities }

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
        public var sheet: Data
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
            self.kind = kind; self.sheet = sheet; self.mapping = mapping; self.ownerID = ownerID; self.teamID = teamID
            self.dryRun = dryRun; self.skipBad = skipBad
        }
    }

    /// What happened to each row, with the sheet as read, for messages and a rejects file.
    public struct Report: Sendable {
        /// What was read: the text's encoding, or `XLSX`.
        public let encoding: String
        public let header: [String]
        public let rows: [CSVReader.Row]
        public let outcomes: [ImportOutcome]
        /// Headers kehu does not know (nor the mapping file): their columns were left out,
        /// or kept in the notes when asked.
        public var unknownColumns: [String] = []

        public func count(_ kind: OutcomeKind) -> Int { outcomes.filter { OutcomeKind($0) == kind }.count }

        /// The rejected rows as they were, with the reason in a last column.
        public func rejects(reasonHeader: String, reason: (ImportOutcome) -> String) -> Data {
            let rejected = zip(rows, outcomes).filter { OutcomeKind($0.1) == .rejected }
            return CSVWriter.data([header + [reasonHeader]] + rejected.map { $0.0.fields + [reason($0.1)] })
        }
    }

    public enum OutcomeKind: Sendable {
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

    public static func run(_ request: Request, into store: KehuDatabase, by actor: Actor,
                           progress: ((Int, Int) -> Void)? = nil) throws -> Report {
        var columns = ImportMapping.standard
        if let mapping = request.mapping {
            do { columns = try columns.adding(mappingFile: mapping) }
            catch ImportMapping.Problem.badLine(let line, let content) { throw Problem.mappingLine(line: line, content: content) }
        }
        let (table, encoding) = try sheetRows(request)
        // Rows with nothing in them (Excel leaves them at the end of a sheet) are no data.
        let filled = table.filter { !$0.fields.allSatisfy { $0.trimmingWhitespace().isEmpty } }
        guard !filled.isEmpty else { throw Problem.empty }
        let header: CSVReader.Row
        if let wanted = request.headerRow {
            guard let row = filled.first(where: { $0.line == wanted }) else { throw Problem.noSuchHeaderRow(wanted) }
            header = row
        } else {
            // A title row (公司客户名单 2026) may sit above the headers.
            let mapping = columns
            func known(_ header: String) -> Bool {
                request.kind == .customers ? mapping.field(for: header) == .name : HistoryImportRow.namesCustomer(header)
            }
            header = filled.prefix(10).first { $0.fields.contains(where: known) } ?? filled[0]
        }
        let sheet = SheetColumns(kind: request.kind, mapping: columns, header: header.fields)
        let unknown = sheet.unknown
        var rows = filled.filter { $0.line > header.line }
        if request.unknownToNotes { rows = rows.map(sheet.keepingUnknownInNotes) }
        let readHeader = sheet.headerWithNotes(keepingUnknown: request.unknownToNotes)
        let outcomes: [ImportOutcome]
        switch request.kind {
        case .customers:
            guard header.fields.contains(where: { columns.field(for: $0) == .name }) else { throw Problem.noNameColumn }
            // The header is read once, and the clock asked once, for the whole sheet.
            let header = CustomerImportRow.Header(readHeader, mapping: columns)
            let now = actor.clock.now
            let parsed = rows.map { CustomerImportRow(line: $0.line, fields: $0.fields, header: header, now: now) }
            outcomes = try store.importCustomers(parsed, ownerID: request.ownerID, teamID: request.teamID, dryRun: request.dryRun,
                                                 skipBad: request.skipBad, mergeSimilar: request.mergeSimilar, by: actor) { progress?($0, rows.count) }
        case .contacts, .activities:
            let kind: HistoryImportRow.Kind = request.kind == .contacts ? .contacts : .activities
            let parsed = rows.map { HistoryImportRow(kind: kind, line: $0.line, fields: $0.fields, headers: readHeader) }
            outcomes = try store.importHistory(parsed, kind: kind, dryRun: request.dryRun, skipBad: request.skipBad, by: actor)
        }
        var report = Report(encoding: encoding, header: readHeader, rows: rows, outcomes: outcomes)
        report.unknownColumns = unknown.map(\.header)
        return report
    }

    /// The sheet's rows, each with the number a spreadsheet shows for it, and what it was.
    private static func sheetRows(_ request: Request) throws -> ([CSVReader.Row], String) {
        let bytes = request.sheet
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do { return (try XLSXReader.rows(bytes, sheet: request.sheetName), "XLSX") }
            catch let problem as XLSXReader.Problem { throw Problem.workbook(problem) }
        }
        // The compound-file header of .xls (and .doc, .et from WPS): not text.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw Problem.legacyExcel }
        guard let (text, encoding) = TextDecoding.decode(bytes) else { throw Problem.notText }
        do { return (try CSVReader.rows(text), encoding.rawValue) }
        catch CSVReader.Problem.unclosedQuote(let line) { throw Problem.unclosedQuote(line: line) }
    }
}
