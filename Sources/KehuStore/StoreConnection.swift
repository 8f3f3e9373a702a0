import GRDB

/// The connection a store function works on inside one read or write, on either engine:
/// SQLite through GRDB, or PostgreSQL through a `PostgresLink`. Store code speaks to it
/// in SQL with `?` marks; where the engines' SQL differs, it asks `isPostgres` and says
/// each engine's own (mechanical differences — marks, index hints, `IS ?` — are
/// translated, see `PostgresDialect`).
package final class StoreConnection {
    enum Engine {
        case sqlite(Database)
        case postgres(PostgresLink)
    }

    let engine: Engine

    package init(sqlite database: Database) { engine = .sqlite(database) }
    init(postgres link: PostgresLink) { engine = .postgres(link) }

    package var isPostgres: Bool {
        if case .postgres = engine { return true }
        return false
    }

    /// The SQLite connection, for work only SQLite does (bulk statements, backups, its
    /// own migrations); reaching it on PostgreSQL is a programming error.
    package var sqlite: Database {
        guard case .sqlite(let database) = engine else { preconditionFailure("a SQLite-only path reached on PostgreSQL") }
        return database
    }

    /// `sqlite` or `postgres`, as this connection's engine speaks it.
    package func sql(sqlite: String, postgres: String) -> String { isPostgres ? postgres : sqlite }

    package func execute(sql: String, arguments: SQLArguments = []) throws {
        switch engine {
        case .sqlite(let database): try database.execute(sql: sql, arguments: arguments.sqlite)
        case .postgres(let link): try link.execute(PostgresDialect.translate(sql), arguments.values)
        }
    }

    /// Runs an INSERT of one row into a table with an `id` key; returns the new row's id.
    package func insert(sql: String, arguments: SQLArguments) throws -> Int64 {
        switch engine {
        case .sqlite(let database):
            try database.cachedStatement(sql: sql).execute(arguments: arguments.sqlite)
            return database.lastInsertedRowID
        case .postgres(let link):
            guard case .int64(let id)? = try link.value(PostgresDialect.translate(sql + " RETURNING id"), arguments.values)?.storage else {
                preconditionFailure("an insert returned no id: \(sql)")
            }
            return id
        }
    }

    /// A statement prepared once per connection and kept: the hot paths (a list page, a
    /// search keystroke, a bulk import) run the same text many times.
    package func cachedStatement(sql: String) throws -> StoreStatement {
        switch engine {
        case .sqlite(let database): return StoreStatement(connection: self, sql: sql, sqlite: try database.cachedStatement(sql: sql))
        case .postgres: return StoreStatement(connection: self, sql: PostgresDialect.translate(sql), sqlite: nil, prepared: true)
        }
    }

    /// A statement prepared for a run of uses, not kept afterwards.
    package func makeStatement(sql: String) throws -> StoreStatement {
        switch engine {
        case .sqlite(let database): return StoreStatement(connection: self, sql: sql, sqlite: try database.makeStatement(sql: sql))
        case .postgres: return StoreStatement(connection: self, sql: PostgresDialect.translate(sql), sqlite: nil)
        }
    }

    /// How a transaction `body` ran in ends.
    package enum TransactionEnd { case commit, rollback }

    /// `body` in a transaction of its own, for work that decides itself whether it keeps
    /// what it wrote (a dry run, an import with rejected rows), on a connection taken
    /// without one. `immediate` takes SQLite's write lock at once; PostgreSQL's is
    /// serializable, as every write of kehu's there.
    package func inTransaction(immediate: Bool = false, _ body: () throws -> TransactionEnd) throws {
        switch engine {
        case .sqlite(let database):
            // (Without `immediate`, the connection's own kind: a pool's writer begins
            // IMMEDIATE, so a transaction that reads first never meets a newer snapshot.)
            try database.inTransaction(immediate ? .immediate : nil) {
                try body() == .commit ? .commit : .rollback
            }
        case .postgres(let link):
            // Run again from the start when PostgreSQL gives it up for a colleague's
            // concurrent write (SQLite's writers would have waited their turn instead).
            var attempt = 1
            while true {
                do {
                    try link.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
                    let end: TransactionEnd
                    // (A batch still on its way fails the transaction in `settle`.)
                    do { end = try body(); try link.settle() } catch {
                        _ = try? link.rollback()
                        throw error
                    }
                    if end == .commit { try PostgresConnections.tellListeners(link) }
                    if end == .commit { try link.execute("COMMIT") } else { try link.rollback() }
                    return
                } catch let failure as PostgresLink.Failure where failure.isSerializationFailure && attempt < PostgresConnections.attempts {
                    attempt += 1
                    PostgresConnections.pause(attempt)
                }
            }
        }
    }

    /// The rows of `sql` (a prepared SQLite statement when given).
    package func rows(sql: String, arguments: SQLArguments, statement: Statement? = nil) throws -> [StoreRow] {
        switch engine {
        case .sqlite(let database):
            let statement = try statement ?? database.makeStatement(sql: sql)
            let columns = ColumnNames(statement.columnNames)
            var rows: [StoreRow] = []
            let cursor = try Row.fetchCursor(statement, arguments: arguments.sqlite)
            while try cursor.next() != nil { rows.append(StoreRow(current: statement.sqliteStatement, columns: columns)) }
            return rows
        case .postgres(let link):
            let result = try link.result(PostgresDialect.translate(sql), arguments.values)
            let columns = ColumnNames(result.columns)
            return result.rows.map { StoreRow(columns: columns, values: $0) }
        }
    }

    /// The rows of `sql` one at a time: SQLite steps through them as they are read (a
    /// report over a whole archive stays small); PostgreSQL's come in one answer.
    package func cursor(sql: String, arguments: SQLArguments, statement: Statement? = nil) throws -> StoreCursor {
        switch engine {
        case .sqlite(let database):
            let statement = try statement ?? database.makeStatement(sql: sql)
            return StoreCursor(sqlite: try Row.fetchCursor(statement, arguments: arguments.sqlite), statement: statement.sqliteStatement,
                               columns: ColumnNames(statement.columnNames))
        case .postgres:
            return StoreCursor(rows: try rows(sql: sql, arguments: arguments))
        }
    }
}

/// A prepared statement of a `StoreConnection`.
package struct StoreStatement {
    package let connection: StoreConnection
    package let sql: String
    package let sqlite: Statement?
    /// On PostgreSQL, a cached statement's reads run prepared on the connection
    /// (`PostgresLink.preparedResult`): planned once, not at every key.
    var prepared = false

    package func execute(arguments: SQLArguments = []) throws {
        switch connection.engine {
        case .sqlite: try sqlite!.execute(arguments: arguments.sqlite)
        case .postgres(let link): try link.execute(sql, arguments.values)
        }
    }

    package func rows(arguments: SQLArguments) throws -> [StoreRow] {
        if prepared, case .postgres(let link) = connection.engine {
            let result = try link.preparedResult(sql, arguments.values)
            let columns = ColumnNames(result.columns)
            return result.rows.map { StoreRow(columns: columns, values: $0) }
        }
        return try connection.rows(sql: sql, arguments: arguments, statement: sqlite)
    }
}

/// Rows read one at a time.
package final class StoreCursor {
    private let sqlite: RowCursor?
    private let statement: SQLiteStatement?
    private let columns: ColumnNames?
    private var rows: IndexingIterator<[StoreRow]>

    init(sqlite: RowCursor, statement: SQLiteStatement, columns: ColumnNames) {
        self.sqlite = sqlite
        self.statement = statement
        self.columns = columns
        rows = [].makeIterator()
    }

    package init(rows: [StoreRow]) {
        sqlite = nil
        statement = nil
        columns = nil
        self.rows = rows.makeIterator()
    }

    package func next() throws -> StoreRow? {
        if let sqlite, let statement, let columns {
            return try sqlite.next() == nil ? nil : StoreRow(current: statement, columns: columns)
        }
        return rows.next()
    }
}

// Reading rows and values the way GRDB's own fetch functions read them, on either engine.

extension StoreRow {
    package static func fetchAll(_ db: StoreConnection, sql: String, arguments: SQLArguments = []) throws -> [StoreRow] {
        try db.rows(sql: sql, arguments: arguments)
    }

    package static func fetchOne(_ db: StoreConnection, sql: String, arguments: SQLArguments = []) throws -> StoreRow? {
        try db.rows(sql: sql, arguments: arguments).first
    }

    package static func fetchCursor(_ db: StoreConnection, sql: String, arguments: SQLArguments = []) throws -> StoreCursor {
        try db.cursor(sql: sql, arguments: arguments)
    }

    package static func fetchAll(_ statement: StoreStatement, arguments: SQLArguments = []) throws -> [StoreRow] {
        try statement.rows(arguments: arguments)
    }

    package static func fetchOne(_ statement: StoreStatement, arguments: SQLArguments = []) throws -> StoreRow? {
        try statement.rows(arguments: arguments).first
    }

    package static func fetchCursor(_ statement: StoreStatement, arguments: SQLArguments = []) throws -> StoreCursor {
        try statement.connection.cursor(sql: statement.sql, arguments: arguments, statement: statement.sqlite)
    }
}

extension DatabaseValueConvertible {
    package static func fetchOne(_ db: StoreConnection, sql: String, arguments: SQLArguments = []) throws -> Self? {
        try db.rows(sql: sql, arguments: arguments).first.flatMap { Self.fromDatabaseValue($0.values[0]) }
    }

    package static func fetchAll(_ db: StoreConnection, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        try db.rows(sql: sql, arguments: arguments).compactMap { Self.fromDatabaseValue($0.values[0]) }
    }

    package static func fetchOne(_ statement: StoreStatement, arguments: SQLArguments = []) throws -> Self? {
        try statement.rows(arguments: arguments).first.flatMap { Self.fromDatabaseValue($0.values[0]) }
    }

    package static func fetchAll(_ statement: StoreStatement, arguments: SQLArguments = []) throws -> [Self] {
        try statement.rows(arguments: arguments).compactMap { Self.fromDatabaseValue($0.values[0]) }
    }
}
