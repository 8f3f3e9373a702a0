import GRDB

/// Rows for one table gathered on PostgreSQL and written together, a few hundred to one
/// multi-row INSERT, by an import. One round trip to the server per row was nearly all of
/// a PostgreSQL import's time (16 s for 10,000 customers: six statements a row).
///
/// A row's id is known before it is written: the batch takes ids from the table's own
/// sequence in blocks, so a customer's contact and search lines can name it while all
/// three still wait. The writer (`CustomerImporter`) says when to write (`flush`), in the
/// order the foreign keys need, and before it reads anything a waiting row could answer.
final class PostgresRowBatch: RowBatch {
    let table: String
    /// The columns given, `id` first when the batch numbers its rows.
    let columns: [String]
    private let link: PostgresLink
    /// What follows the VALUES (an `ON CONFLICT` clause).
    private let suffix: String
    private let numbersRows: Bool
    /// Rows per statement: PostgreSQL takes at most 65,535 values in one.
    let rowsPerStatement: Int
    private var values: [DatabaseValue] = []
    private(set) var waiting = 0
    /// Ids taken from the sequence and not given out yet, the next one last.
    private var ids: [Int64] = []
    /// The full batch's statement, by its columns' types.
    private var fullStatements: [[PostgresLink.MarkType]: String] = [:]

    /// How many ids one trip to the sequence takes (those left over at the end are skipped,
    /// as a rolled-back insert's are: a sequence never gives one twice).
    static let idsPerTrip = 1_000

    init(_ link: PostgresLink, table: String, columns: [String], numbersRows: Bool, suffix: String = "") {
        self.link = link
        self.table = table
        self.columns = numbersRows ? ["id"] + columns : columns
        self.numbersRows = numbersRows
        self.suffix = suffix
        rowsPerStatement = max(1, min(500, 65_535 / self.columns.count))
    }

    /// Adds one row (its values in `columns` order, without the id); returns its id when the
    /// batch numbers its rows, else 0. Written by the next `flush`.
    @discardableResult
    func add(_ row: [DatabaseValue]) throws -> Int64 {
        var id: Int64 = 0
        if numbersRows {
            if ids.isEmpty {
                ids = try link.rows("SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)",
                                    [table.databaseValue, Int64(Self.idsPerTrip).databaseValue])
                    .compactMap { Int64.fromDatabaseValue($0[0]) }.reversed()
            }
            id = ids.removeLast()
            values.append(id.databaseValue)
        }
        precondition(row.count + (numbersRows ? 1 : 0) == columns.count, "the same columns for every row of \(table)")
        values.append(contentsOf: row)
        waiting += 1
        return id
    }

    func add(_ row: ColumnValues, replacing changes: [(place: Int, value: DatabaseValue)]) throws -> Int64 {
        var values = row.map(\.value)
        for change in changes { values[change.place] = change.value }
        return try add(values)
    }

    /// Writes every waiting row. A full batch's statement is prepared once on the
    /// connection and sent again with each batch's values, without waiting for the answer
    /// (`sendPrepared`: the next statement on the connection waits for it); the last,
    /// shorter one (or one whose column holds two types of value) goes as it is.
    func flush() throws {
        var start = 0
        while waiting > 0 {
            let count = min(waiting, rowsPerStatement)
            let width = columns.count
            let batch = Array(values[start..<(start + count * width)])
            if count == rowsPerStatement, let types = columnTypes(batch) {
                let sql = fullStatements[types] ?? statement(rows: count, types: types)
                fullStatements[types] = sql
                try link.sendPrepared(sql, batch)
            } else {
                try link.execute(statement(rows: count, types: nil), batch)
            }
            start += count * width
            waiting -= count
        }
        values.removeAll(keepingCapacity: true)
    }

    /// Each column's type as its values give it (NULL in every row: left to the server),
    /// written into a prepared statement's marks, so that a batch's values are read as the
    /// unnamed statement reads them (typed as sent); a column NULL in one batch and not in
    /// the next makes one more statement, not a wrong one. Nil when a column holds values
    /// of two types: then the batch goes unprepared, each value typed by itself.
    private func columnTypes(_ batch: [DatabaseValue]) -> [PostgresLink.MarkType]? {
        let width = columns.count
        var types = [PostgresLink.MarkType](repeating: .null, count: width)
        for (index, value) in batch.enumerated() {
            let type = PostgresLink.MarkType(value)
            guard type != .null else { continue }
            let column = index % width
            if types[column] == .null { types[column] = type } else if types[column] != type { return nil }
        }
        return types
    }

    private func statement(rows: Int, types: [PostgresLink.MarkType]?) -> String {
        var sql = "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES "
        var mark = 0
        for row in 0..<rows {
            sql += row == 0 ? "(" : ", ("
            for column in 0..<columns.count {
                mark += 1
                sql += (column == 0 ? "$" : ", $") + String(mark)
                if let types { sql += types[column].cast }
            }
            sql += ")"
        }
        return suffix.isEmpty ? sql : sql + " " + suffix
    }
}
