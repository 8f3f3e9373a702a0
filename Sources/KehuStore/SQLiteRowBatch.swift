import Foundation
import GRDB
import GRDBSQLite

/// Rows for one table gathered on SQLite and written together, 64 to one multi-row
/// INSERT, by an import. Each statement costs SQLite its start and its end whatever it
/// holds: with five a customer (the row, its contact, three search lines) a bulk import's
/// writer spent 58,000 instructions in SQLite on each customer, 64 to a statement (and
/// without checking foreign keys, see `importCustomers`) 33,000 (callgrind, 20,000 customers).
///
/// A row's id is known before it is written: the batch numbers its rows on from the
/// table's highest id, as SQLite itself would (the import holds the write lock, so no one
/// else inserts meanwhile). The writer (`CustomerImporter`) says when to write (`flush`),
/// in the order the foreign keys need, and before it reads anything a waiting row could
/// answer.
final class SQLiteRowBatch: RowBatch {
    let table: String
    /// The columns given, `id` first when the batch numbers its rows.
    let columns: [String]
    private let database: Database
    /// What follows the VALUES (an `ON CONFLICT` clause).
    private let suffix: String
    let rowsPerStatement: Int
    /// The rows waiting, each as it was handed over (its values are not copied one by one:
    /// a value holding text costs a retain and a release to copy, and a customer has forty).
    private var rows: [Waiting] = []
    var waiting: Int { rows.count }
    /// The id the next row is given, when the batch numbers its rows.
    private var nextID: Int64?
    /// The statements for a full batch and for one row.
    private var statements: [Int: Statement] = [:]
    /// The text of one statement's values, laid end to end, each bound where it lies
    /// (SQLite copying each of thousands of texts — a malloc, a copy and a free — stood out
    /// in a bulk import's profile). Only ever grown, freed with the batch.
    private var bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 16)

    private struct Waiting {
        let id: Int64?
        let values: ColumnValues
        let plain: [DatabaseValue]
        /// Values of `values` replaced, by place, in the order of their places.
        let changes: [(place: Int, value: DatabaseValue)]
    }

    static let rows = 64

    deinit { bytes.deallocate() }

    /// `firstID`: the id of the first row, when the batch numbers its rows (one above the
    /// table's highest).
    init(_ db: Database, table: String, columns: [String], firstID: Int64? = nil, suffix: String = "") {
        database = db
        self.table = table
        self.columns = firstID == nil ? columns : ["id"] + columns
        self.suffix = suffix
        rowsPerStatement = max(1, min(Self.rows, 32_766 / self.columns.count))
        nextID = firstID
    }

    @discardableResult
    func add(_ row: [DatabaseValue]) throws -> Int64 {
        add(Waiting(id: number(), values: [], plain: row, changes: []), count: row.count)
    }

    func add(_ row: ColumnValues, replacing changes: [(place: Int, value: DatabaseValue)]) throws -> Int64 {
        assert(changes.indices.dropFirst().allSatisfy { changes[$0 - 1].place < changes[$0].place }, "changes in the order of their places")
        return add(Waiting(id: number(), values: row, plain: [], changes: changes), count: row.count)
    }

    private func number() -> Int64? {
        guard let id = nextID else { return nil }
        nextID = id + 1
        return id
    }

    private func add(_ row: Waiting, count: Int) -> Int64 {
        precondition(count + (row.id == nil ? 0 : 1) == columns.count, "the same columns for every row of \(table)")
        rows.append(row)
        return row.id ?? 0
    }

    /// Writes every waiting row.
    func flush() throws {
        var start = 0
        while start < rows.count {
            // A batch written early (before a lookup) goes a row at a time: a statement
            // for every number of rows would hold megabytes.
            let count = rows.count - start >= rowsPerStatement ? rowsPerStatement : 1
            try write(rows[start..<(start + count)], try statement(rows: count).sqliteStatement)
            start += count
        }
        rows.removeAll(keepingCapacity: true)
    }

    private func write(_ rows: ArraySlice<Waiting>, _ handle: OpaquePointer) throws {
        // The statement's texts are copied end to end into memory the batch owns, sized
        // first so that it does not move while they are bound; each value is bound as it
        // is met.
        var needed = 0
        for row in rows {
            for value in row.plain { needed += Self.textCount(value) }
            for pair in row.values { needed += Self.textCount(pair.value) }
            for change in row.changes { needed += Self.textCount(change.value) }
        }
        if needed > bytes.count {
            bytes.deallocate()
            bytes = .allocate(capacity: max(needed, 2 * bytes.count))
        }
        let arena = bytes
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var position: Int32 = 1, offset = 0
        for row in rows {
            if let id = row.id { try check(sqlite3_bind_int64(handle, position, id), &position) }
            for value in row.plain { try check(Self.bind(value, handle, position, arena, &offset), &position) }
            var next = 0
            for index in row.values.indices {
                if next < row.changes.count, row.changes[next].place == index {
                    try check(Self.bind(row.changes[next].value, handle, position, arena, &offset), &position)
                    next += 1
                } else {
                    try check(Self.bind(row.values[index].value, handle, position, arena, &offset), &position)
                }
            }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)))
        }
    }

    private func check(_ code: Int32, _ position: inout Int32) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "binding parameter \(position) of \(table)")
        }
        position += 1
    }

    private static func textCount(_ value: DatabaseValue) -> Int {
        if case .string(let text) = value.storage { return text.utf8.count }
        return 0
    }

    /// Binds `value`, a text as the bytes laid at `offset` in `arena` (and moves the offset on).
    private static func bind(_ value: DatabaseValue, _ handle: OpaquePointer, _ position: Int32,
                             _ arena: UnsafeMutableBufferPointer<UInt8>, _ offset: inout Int) -> Int32 {
        switch value.storage {
        case .null: return sqlite3_bind_null(handle, position)
        case .int64(let number): return sqlite3_bind_int64(handle, position, number)
        case .double(let number): return sqlite3_bind_double(handle, position, number)
        case .string(let text):
            let start = offset
            // A native string's bytes lie together: copied at once.
            if text.utf8.withContiguousStorageIfAvailable({ arena.baseAddress!.advanced(by: start).update(from: $0.baseAddress!, count: $0.count) }) == nil {
                var at = start
                for byte in text.utf8 { arena[at] = byte; at += 1 }
            }
            let count = text.utf8.count
            offset = start + count
            // An empty text is not NULL: SQLite must be given a pointer.
            let bytes = count == 0 ? BulkStatement.empty : UnsafeRawPointer(arena.baseAddress! + start).assumingMemoryBound(to: CChar.self)
            return sqlite3_bind_text(handle, position, bytes, Int32(count), nil)
        case .blob(let data):
            return data.withUnsafeBytes { sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), BulkStatement.transient) }
        }
    }

    private func statement(rows: Int) throws -> Statement {
        if let made = statements[rows] { return made }
        let marks = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var sql = "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES "
        sql += Array(repeating: marks, count: rows).joined(separator: ", ")
        if !suffix.isEmpty { sql += " " + suffix }
        let made = try database.makeStatement(sql: sql)
        statements[rows] = made
        return made
    }
}

/// Rows gathered for one table and written many to a statement (`SQLiteRowBatch`,
/// `PostgresRowBatch`).
protocol RowBatch: AnyObject {
    var table: String { get }
    /// Rows added and not yet written.
    var waiting: Int { get }
    var rowsPerStatement: Int { get }
    /// Adds one row (its values in the columns' order, without the id); returns its id when
    /// the batch numbers its rows, else 0. Written by the next `flush`.
    @discardableResult
    func add(_ row: [DatabaseValue]) throws -> Int64
    /// `add` for a row prepared elsewhere with some of its values (by place, in order)
    /// replaced.
    func add(_ row: ColumnValues, replacing changes: [(place: Int, value: DatabaseValue)]) throws -> Int64
    func flush() throws
}
