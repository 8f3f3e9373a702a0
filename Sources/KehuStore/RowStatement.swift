import GRDB

/// A statement a bulk writer runs once per row (an import's lookups and search lines): on
/// SQLite straight through its C interface (`BulkStatement`), on PostgreSQL as the same
/// text prepared once.
enum RowStatement {
    case sqlite(BulkStatement)
    case postgres(StoreStatement)

    init(_ db: StoreConnection, sql: String) throws {
        self = db.isPostgres ? .postgres(try db.cachedStatement(sql: sql)) : .sqlite(try BulkStatement(db.sqlite, sql: sql))
    }

    func execute(_ values: [DatabaseValue]) throws {
        switch self {
        case .sqlite(let statement): try statement.execute(values)
        case .postgres(let statement): try statement.execute(arguments: SQLArguments(values))
        }
    }

    /// The first `limit` rows the query finds, each column as text ("" for NULL).
    func texts(limit: Int = .max, _ values: [DatabaseValue]) throws -> [[String]] {
        switch self {
        case .sqlite(let statement):
            return try statement.texts(limit: limit) { bind in
                for (offset, value) in values.enumerated() { try bind(offset, value) }
            }
        case .postgres(let statement):
            return try statement.rows(arguments: SQLArguments(values)).prefix(limit).map { row in
                row.values.map { String.fromDatabaseValue($0) ?? "" }
            }
        }
    }
}
