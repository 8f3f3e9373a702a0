import GRDB

/// One row a statement returned, on either engine: its values in column order and its
/// columns' names. Read like GRDB's rows (`row["name"]`, `row[0]`, optional or not), so
/// the store's mappings are written once for SQLite and PostgreSQL.
///
/// Names are found without regard to ASCII case: PostgreSQL folds unquoted names to lower
/// case (`customerID` comes back as `customerid`), SQLite keeps them as written.
public struct StoreRow: Sendable {
    let columns: ColumnNames
    let values: [DatabaseValue]

    init(columns: ColumnNames, values: [DatabaseValue]) {
        self.columns = columns
        self.values = values
    }

    /// A copy of the row a SQLite statement stands on (a cursor's next row replaces it),
    /// read straight from the statement's columns: GRDB's `Row` subscript took each value
    /// through its generic decoding, a twentieth of a list move's work.
    init(current statement: SQLiteStatement, columns: ColumnNames) {
        let count = columns.names.count
        var values: [DatabaseValue] = []
        values.reserveCapacity(count)
        for index in 0..<count { values.append(DatabaseValue(sqliteStatement: statement, index: CInt(index))) }
        self.init(columns: columns, values: values)
    }

    public var count: Int { values.count }

    /// The value of the column at `index` (ask for an optional when it may be NULL: GRDB
    /// makes `Optional` convertible, NULL becoming nil).
    public subscript<Value: DatabaseValueConvertible>(_ index: Int) -> Value {
        guard let value = Value.fromDatabaseValue(values[index]) else {
            preconditionFailure("column \(index) (\(columns.names[index])) holds \(values[index]), not a \(Value.self)")
        }
        return value
    }

    /// The value of the column `name`; an optional is nil when it is NULL or missing.
    public subscript<Value: DatabaseValueConvertible>(_ name: String) -> Value {
        guard let index = columns.index(of: name) else {
            if let missing = Value.fromDatabaseValue(.null) { return missing }
            preconditionFailure("no column \(name) in \(columns.names)")
        }
        guard let value = Value.fromDatabaseValue(values[index]) else {
            preconditionFailure("column \(name) holds \(values[index]), not a \(Value.self)")
        }
        return value
    }

    /// The stored value of column `name` as it is (NULL when there is no such column).
    public subscript(_ name: String) -> DatabaseValue {
        columns.index(of: name).map { values[$0] } ?? .null
    }

    /// The stored value at `index` as it is.
    public subscript(_ index: Int) -> DatabaseValue { values[index] }

}

/// The column names of one statement's rows, shared by all of them, found by name
/// without regard to ASCII case.
final class ColumnNames: Sendable {
    let names: [String]
    private let folded: [[UInt8]]

    init(_ names: [String]) {
        self.names = names
        folded = names.map { Self.fold($0) }
    }

    func index(of name: String) -> Int? {
        // Most lookups give the name exactly as the statement did: no folding needed.
        if let exact = names.firstIndex(of: name) { return exact }
        let key = Self.fold(name)
        return folded.firstIndex(of: key)
    }

    private static func fold(_ name: String) -> [UInt8] {
        name.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
    }
}

extension StoreRow: Equatable {
    public static func == (lhs: StoreRow, rhs: StoreRow) -> Bool {
        lhs.columns.names == rhs.columns.names && lhs.values == rhs.values
    }
}

extension StoreRow: CustomStringConvertible {
    public var description: String {
        "[" + zip(columns.names, values).map { "\($0):\($1)" }.joined(separator: " ") + "]"
    }
}
