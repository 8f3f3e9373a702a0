import GRDB
import GRDBSQLite

/// A statement run many times in one transaction with values bound straight through
/// SQLite's own calls: GRDB's arguments cost more than the insert itself when a bulk import
/// writes a hundred thousand rows of forty columns. GRDB still runs the statement (its
/// transaction and change tracking see it as any other).
struct BulkStatement {
    private let statement: Statement
    private let count: Int

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        count = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
        // Bound once through GRDB so that it takes the values bound below as its own.
        statement.setUncheckedArguments(StatementArguments(Array(repeating: DatabaseValue.null, count: count)))
    }

    /// `bind` sets the value of the parameter at an offset from 0; all are set each time.
    func execute(_ values: (_ bind: (Int, DatabaseValue) throws -> Void) throws -> Void) throws {
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
        try statement.execute()
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
