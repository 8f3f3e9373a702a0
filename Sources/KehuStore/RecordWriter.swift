import GRDB
import KehuCore

/// Inserts and updates rows with their audit history. Updates merge field by field: what
/// this user changed is written, what others changed meanwhile is kept, and a field both
/// changed to different values is refused as a conflict instead of being overwritten.
enum RecordWriter {
    static func insert(_ db: StoreConnection, table: String, values: ColumnValues,
                       actor: String, at: LocalDateTime) throws -> Int64 {
        let columns = values.map(\.column).joined(separator: ", ")
        let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
        let insert = "INSERT INTO \(table)(\(columns)) VALUES (\(marks))"
        guard db.isPostgres else {
            // Cached (by `insert`): a bulk import writes the same statement a hundred thousand times.
            let id = try db.insert(sql: insert, arguments: SQLArguments(values.map(\.value)))
            try AuditLog.record(db, at: at, actor: actor, table: table, rowID: id, field: "*", old: nil, new: "created")
            return id
        }
        // The row and its record in one statement, prepared once: one round trip (two,
        // the INSERT planned at each, took most of a follow-up's save).
        guard let id = try Int64.fetchOne(try db.cachedStatement(sql: """
            WITH created AS (\(insert) RETURNING id)
            INSERT INTO auditLog(at, actor, tableName, rowID, field, oldValue, newValue)
            SELECT ?, ?, ?, id, '*', NULL, 'created' FROM created RETURNING rowID
            """), arguments: SQLArguments(values.map(\.value)) + [at.description, actor, table]) else {
            preconditionFailure("an insert returned no id: \(insert)")
        }
        return id
    }

    /// The columns' values as the arguments of a prepared statement.
    static func arguments(_ values: ColumnValues) -> SQLArguments {
        var list: [DatabaseValue] = []
        list.reserveCapacity(values.count)
        for pair in values { list.append(pair.value) }
        return SQLArguments(list)
    }

    /// - Returns: the columns actually written (empty when nothing changed).
    @discardableResult
    /// `current`: the row as stored, when this transaction has read it already (it is
    /// read otherwise).
    static func update(_ db: StoreConnection, table: String, id: Int64, original: ColumnValues, edited: ColumnValues,
                       current read: StoreRow? = nil, actor: String, at: LocalDateTime, ignoring: Set<String> = []) throws -> [String] {
        // Cached (a few tables' texts): a follow-up saved on a card updates the card.
        guard let current = try read ?? StoreRow.fetchOne(try db.cachedStatement(sql: "SELECT * FROM \(table) WHERE id = ?"), arguments: [id]) else {
            throw StoreError.notFound(table: table, rowID: id)
        }
        var changes: [(column: String, old: DatabaseValue, new: DatabaseValue)] = []
        var conflicts: [FieldConflict] = []
        for (index, pair) in edited.enumerated() where !ignoring.contains(pair.column) {
            let before = original[index].value
            guard pair.value != before else { continue }      // this user did not touch it
            let stored: DatabaseValue = current[pair.column]
            if stored == pair.value { continue }               // someone already made the same change
            if stored != before {
                conflicts.append(FieldConflict(column: pair.column, mine: pair.value.auditText ?? "",
                                               theirs: stored.auditText ?? ""))
                continue
            }
            changes.append((pair.column, stored, pair.value))
        }
        guard conflicts.isEmpty else { throw StoreError.conflict(table: table, rowID: id, fields: conflicts) }
        guard !changes.isEmpty else { return [] }
        let assignments = changes.map { "\($0.column) = ?" }.joined(separator: ", ")
        let update = "UPDATE \(table) SET \(assignments), revision = revision + 1 WHERE id = ?"
        let fields = changes.map { ($0.column, $0.old.auditText, $0.new.auditText) }
        if db.isPostgres {
            // The change and its records in one statement, prepared once (a row's changed
            // columns make few different texts): one round trip instead of two.
            try db.cachedStatement(sql: "WITH changed AS (\(update)) \(AuditLog.insert(rows: fields.count))")
                .execute(arguments: SQLArguments(changes.map(\.new) + [id.databaseValue])
                         + AuditLog.arguments(at: at, actor: actor, table: table, rowID: id, fields: fields))
        } else {
            try db.execute(sql: update, arguments: SQLArguments(changes.map(\.new) + [id.databaseValue]))
            try AuditLog.record(db, at: at, actor: actor, table: table, rowID: id, fields: fields)
        }
        return changes.map(\.column)
    }
}

/// One INSERT prepared for many rows with the same columns (a bulk import). The rows wait
/// in a batch and are written many to a statement by `flush` (`SQLiteRowBatch`,
/// `PostgresRowBatch`). Their audit records are written all at once by `recordCreated`
/// before the commit: one statement for a hundred thousand rows instead of one each.
struct PreparedInsert {
    let table: String
    let columns: [String]
    private let db: StoreConnection
    private let batch: RowBatch
    /// The highest row id before the first insert: every row above it is one of these.
    private let before: Int64

    init(_ db: StoreConnection, table: String, columns: [String]) throws {
        self.db = db
        self.table = table
        self.columns = columns
        before = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM \(table)") ?? 0
        switch db.engine {
        case .sqlite(let database): batch = SQLiteRowBatch(database, table: table, columns: columns, firstID: before + 1)
        case .postgres(let link): batch = PostgresRowBatch(link, table: table, columns: columns, numbersRows: true)
        }
    }

    /// Inserts `values` with some of them (by place) replaced: a row prepared elsewhere,
    /// completed by the writer without copying it. Returns the row's id (the row itself
    /// waits for `flush`).
    func insert(_ values: ColumnValues, replacing changes: [(place: Int, value: DatabaseValue)]) throws -> Int64 {
        precondition(values.count == columns.count, "the same columns for every row of \(table)")
        return try batch.add(values, replacing: changes)
    }

    /// The rows waiting to be written.
    var waiting: Int { batch.waiting }

    /// Writes the waiting rows.
    func flush() throws { try batch.flush() }

    /// The audit records of every row inserted, as `RecordWriter.insert` writes one each
    /// (a new row's id is above every id before it, so these are the rows above `before`).
    func recordCreated(actor: String, at: LocalDateTime) throws {
        try flush()
        try db.execute(sql: """
            INSERT INTO auditLog(at, actor, tableName, rowID, field, oldValue, newValue)
            SELECT ?, ?, ?, id, '*', NULL, 'created' FROM \(table) WHERE id > ? ORDER BY id
            """, arguments: [at.description, actor, table, before])
    }
}
