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
    /// in a bulk import's profile), and what is bound to each parameter.
    private var bytes: [UInt8] = []
    private var slots: [Slot] = []

    private struct Waiting {
        let id: Int64?
        let values: ColumnValues
        let plain: [DatabaseValue]
        /// Values of `values` replaced, by place, in the order of their places.
        let changes: [(place: Int, value: DatabaseValue)]
    }

    /// Plain data, so that a statement's thousands cost nothing to keep and to clear (a
    /// blob, which never comes from an import, is kept apart).
    private enum Slot {
        case null, integer(Int64), real(Double), text(start: Int, count: Int), blob(Int)
    }

    static let rows = 64

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
        // Moved out of the object while in use: each access to one of its properties is
        // checked for overlapping access, and a statement binds thousands of values.
        var bytes = self.bytes, slots = self.slots, blobs: [Data] = []
        self.bytes = []
        self.slots = []
        defer {
            self.bytes = bytes
            self.slots = slots
        }
        bytes.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        for row in rows {
            if let id = row.id { slots.append(.integer(id)) }
            for value in row.plain { Self.place(value, in: &slots, &bytes, &blobs) }
            var next = 0
            for index in row.values.indices {
                if next < row.changes.count, row.changes[next].place == index {
                    Self.place(row.changes[next].value, in: &slots, &bytes, &blobs)
                    next += 1
                } else {
                    Self.place(row.values[index].value, in: &slots, &bytes, &blobs)
                }
            }
        }
        try bytes.withUnsafeBufferPointer { buffer in
            defer {
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
            }
            for (index, slot) in slots.enumerated() {
                let position = Int32(index + 1)
                let code: Int32
                switch slot {
                case .null: code = sqlite3_bind_null(handle, position)
                case .integer(let number): code = sqlite3_bind_int64(handle, position, number)
                case .real(let number): code = sqlite3_bind_double(handle, position, number)
                case .text(let start, let count):
                    // An empty text is not NULL: SQLite must be given a pointer.
                    let text = count == 0 ? BulkStatement.empty
                        : UnsafeRawPointer(buffer.baseAddress! + start).assumingMemoryBound(to: CChar.self)
                    code = sqlite3_bind_text(handle, position, text, Int32(count), nil)
                case .blob(let index):
                    code = blobs[index].withUnsafeBytes { sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), BulkStatement.transient) }
                }
                guard code == SQLITE_OK else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "binding parameter \(position) of \(table)")
                }
            }
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)))
            }
        }
    }

    /// Says what `value` is bound as, its text laid after the others.
    private static func place(_ value: DatabaseValue, in slots: inout [Slot], _ bytes: inout [UInt8], _ blobs: inout [Data]) {
        switch value.storage {
        case .null: slots.append(.null)
        case .int64(let number): slots.append(.integer(number))
        case .double(let number): slots.append(.real(number))
        case .string(let text):
            let start = bytes.count
            // A native string's bytes lie together: copied at once.
            if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
                bytes.append(contentsOf: text.utf8)
            }
            slots.append(.text(start: start, count: bytes.count - start))
        case .blob(let data):
            slots.append(.blob(blobs.count))
            blobs.append(data)
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
