import Foundation
import KehuCore
import KehuStore

/// `kehu import`: a sheet's bytes in, the store's outcome per row out. Decodes the text
/// (UTF-8 or GBK), reads the CSV, maps the headers (the built-in names plus a mapping
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
    }

    public struct Request: Sendable {
        public var kind: Kind
        public var sheet: Data
        public var mapping: String?
        public var ownerID: Int64?
        public var teamID: Int64?
        public var dryRun = false
        public var skipBad = false

        public init(kind: Kind, sheet: Data, mapping: String? = nil, ownerID: Int64? = nil, teamID: Int64? = nil,
                    dryRun: Bool = false, skipBad: Bool = false) {
            self.kind = kind; self.sheet = sheet; self.mapping = mapping; self.ownerID = ownerID; self.teamID = teamID
            self.dryRun = dryRun; self.skipBad = skipBad
        }
    }

    /// What happened to each row, with the sheet as read, for messages and a rejects file.
    public struct Report: Sendable {
        public let encoding: TextDecoding.Encoding
        public let header: [String]
        public let rows: [CSVReader.Row]
        public let outcomes: [ImportOutcome]

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
            case .created: self = .created
            case .updated(_, let fields): self = fields.isEmpty ? .unchanged : .updated
            case .duplicate: self = .duplicate
            case .rejected: self = .rejected
            }
        }
    }

    public static func run(_ request: Request, into store: KehuDatabase, by actor: Actor,
                           progress: ((Int, Int) -> Void)? = nil) throws -> Report {
        guard let (text, encoding) = TextDecoding.decode(request.sheet) else { throw Problem.notText }
        var columns = ImportMapping.standard
        if let mapping = request.mapping {
            do { columns = try columns.adding(mappingFile: mapping) }
            catch ImportMapping.Problem.badLine(let line, let content) { throw Problem.mappingLine(line: line, content: content) }
        }
        let table: [CSVReader.Row]
        do { table = try CSVReader.rows(text) }
        catch CSVReader.Problem.unclosedQuote(let line) { throw Problem.unclosedQuote(line: line) }
        guard let header = table.first else { throw Problem.empty }
        let rows = Array(table.dropFirst())
        let outcomes: [ImportOutcome]
        switch request.kind {
        case .customers:
            guard header.fields.contains(where: { columns.field(for: $0) == .name }) else { throw Problem.noNameColumn }
            let parsed = rows.map { CustomerImportRow(line: $0.line, fields: $0.fields, headers: header.fields, mapping: columns, now: actor.clock.now) }
            outcomes = try store.importCustomers(parsed, ownerID: request.ownerID, teamID: request.teamID, dryRun: request.dryRun,
                                                 skipBad: request.skipBad, by: actor) { progress?($0, rows.count) }
        case .contacts, .activities:
            let kind: HistoryImportRow.Kind = request.kind == .contacts ? .contacts : .activities
            let parsed = rows.map { HistoryImportRow(kind: kind, line: $0.line, fields: $0.fields, headers: header.fields) }
            outcomes = try store.importHistory(parsed, kind: kind, dryRun: request.dryRun, skipBad: request.skipBad, by: actor)
        }
        return Report(encoding: encoding, header: header.fields, rows: rows, outcomes: outcomes)
    }
}
