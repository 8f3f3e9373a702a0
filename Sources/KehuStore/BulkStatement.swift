import GRDB
import GRDBSQLite

/// A statement run many times inside one transaction the caller holds, with values bound
/// and steps taken straight through SQLite's own calls: GRDB's arguments and bookkeeping
/// cost more than the insert itself when a bulk import writes a hundred thousand rows of
/// forty columns (or a demo writes millions). Only for plain inserts and lookups (GRDB
/// prepared it, and finalizes it).
package struct BulkStatement {
    private let statement: Statement
    private let database: Database
    private let count: Int

    package init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        database = db
        count = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
    }

    /// Runs the statement once with `values` bound to its parameters in order. Text is
    /// bound where it lies, not copied (SQLite's own copy — a malloc, a memcpy and a free
    /// for each of forty columns — stood out in a bulk import's profile): each text's
    /// bytes are only valid inside its `withUTF8`, so the values are bound one inside the
    /// other and the step is taken in the innermost, and the bindings are cleared before
    /// any of those bytes go away, whatever happens.
    package func execute(_ values: [DatabaseValue]) throws {
        precondition(values.count == count, "a value for each parameter")
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        do {
            try bindInPlace(values, from: 0, handle)
        } catch {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            throw error
        }
    }

    private func bindInPlace(_ values: [DatabaseValue], from index: Int, _ handle: OpaquePointer) throws {
        guard index < values.count else {
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            guard code == SQLITE_DONE else { throw failure(code) }
            return
        }
        let position = Int32(index + 1)
        if case .string(var text) = values[index].storage, !text.isEmpty {
            try text.withUTF8 { bytes in
                try check(sqlite3_bind_text(handle, position, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                            Int32(bytes.count), nil), position)
                try bindInPlace(values, from: index + 1, handle)
            }
        } else {
            try check(bind(values[index], at: position, handle), position)
            try bindInPlace(values, from: index + 1, handle)
        }
    }

    private func check(_ code: Int32, _ position: Int32) throws {
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "binding parameter \(position)") }
    }

    /// The row id of the connection's last insert (asked of SQLite directly: GRDB's own
    /// accessor checks which queue it runs on, each time).
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(database.sqliteConnection) }

    /// The first column of the rows the query finds, as text (the first `limit` rows);
    /// `bind` sets the value of the parameter at an offset from 0, all of them each time.
    func texts(limit: Int = .max, _ values: (_ bind: (Int, DatabaseValue) throws -> Void) throws -> Void) throws -> [[String]] {
        let handle = try bound(values)
        defer { sqlite3_reset(handle) }
        var rows: [[String]] = []
        let columns = sqlite3_column_count(handle)
        while rows.count < limit {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw failure(code) }
            rows.append((0..<columns).map { column in
                sqlite3_column_text(handle, column).map { String(cString: $0) } ?? ""
            })
        }
        return rows
    }

    /// Each row the query finds, its text columns read in place: `column(n)` gives the
    /// bytes of column `n` (nil for NULL), valid only during that row's `body`.
    func forEachRow(_ body: (_ column: (Int32) -> UnsafeBufferPointer<UInt8>?) throws -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code) }
            try body { column in
                guard let text = sqlite3_column_text(handle, column) else { return nil }
                return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
            }
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)),
                      sql: statement.sql)
    }

    private func bound(_ values: (_ bind: (Int, DatabaseValue) throws -> Void) throws -> Void) throws -> OpaquePointer {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        try values { index, value in
            precondition(index < count)
            let position = Int32(index + 1)
            try check(bind(value, at: position, handle), position)
        }
        return handle
    }

    /// One value bound as SQLite's own copy.
    private func bind(_ value: DatabaseValue, at position: Int32, _ handle: OpaquePointer) -> Int32 {
        switch value.storage {
        case .null: return sqlite3_bind_null(handle, position)
        case .int64(let number): return sqlite3_bind_int64(handle, position, number)
        case .double(let number): return sqlite3_bind_double(handle, position, number)
        case .string(var text):
            return text.withUTF8 { bytes in
                sqlite3_bind_text(handle, position, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self) ?? Self.empty,
                                  Int32(bytes.count), Self.transient)
            }
        case .blob(let data):
            return data.withUnsafeBytes { sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), Self.transient) }
        }
    }

    /// An empty text, not NULL: a pointer to a zero byte (SQLite reads none of it).
    nonisolated(unsafe) static let empty: UnsafePointer<CChar> = {
        let byte = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        byte.initialize(to: 0)
        return UnsafePointer(byte)
    }()

    /// SQLite copies the bytes before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
