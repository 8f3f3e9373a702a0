import GRDB
import GRDBSQLite

/// A statement run many times inside one transaction the caller holds, with values bound
/// and steps taken straight through SQLite's own calls: GRDB's arguments and bookkeeping
/// cost more than the insert itself when a bulk import writes a hundred thousand rows of
/// forty columns. Only for plain inserts and lookups (GRDB prepared it, and finalizes it).
struct BulkStatement {
    private let statement: Statement
    private let database: Database
    private let count: Int

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        database = db
        count = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
    }

    /// `bind` sets the value of the parameter at an offset from 0; all are set each time.
    func execute(_ values: (_ bind: (Int, DatabaseValue) throws -> Void) throws -> Void) throws {
        let handle = try bound(values)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// The row id of the connection's last insert (asked of SQLite directly: GRDB's own
    /// accessor checks which queue it runs on, each time).
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(database.sqliteConnection) }

    /// The first column of the rows the query finds, as text (the first `limit` rows).
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
            let code: Int32
            switch value.storage {
            case .null: code = sqlite3_bind_null(handle, position)
            case .int64(let number): code = sqlite3_bind_int64(handle, position, number)
            case .double(let number): code = sqlite3_bind_double(handle, position, number)
            case .string(var text):
                code = text.withUTF8 { bytes in
                    sqlite3_bind_text(handle, position, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self) ?? Self.empty,
                                      Int32(bytes.count), Self.transient)
                }
            case .blob(let data):
                code = data.withUnsafeBytes { sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), Self.transient) }
            }
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "binding parameter \(position)") }
        }
        return handle
    }

    /// An empty text, not NULL: a pointer to a zero byte (SQLite reads none of it).
    private nonisolated(unsafe) static let empty: UnsafePointer<CChar> = {
        let byte = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        byte.initialize(to: 0)
        return UnsafePointer(byte)
    }()

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
