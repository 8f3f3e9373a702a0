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
/// without regard to ASCII case. A row is read by name once per field, and PostgreSQL's
/// names never match as written (`customerid` for `customerID`): comparing the name with
/// each column in turn, folding it first, was a tenth of the evening queue's time on
/// PostgreSQL (2,930 follow-ups, each with its card). One hashed lookup instead.
final class ColumnNames: Sendable {
    let names: [String]
    /// Each name's first column: two columns that differ only in case are one name.
    private let places: [CaselessName: Int]

    init(_ names: [String]) {
        self.names = names
        var places: [CaselessName: Int] = [:]
        places.reserveCapacity(names.count)
        for (index, name) in names.enumerated() where places[CaselessName(name)] == nil {
            places[CaselessName(name)] = index
        }
        self.places = places
    }

    func index(of name: String) -> Int? { places[CaselessName(name)] }
}

/// A column's name compared and hashed with ASCII letters folded to lower case, without
/// making the folded text.
private struct CaselessName: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    private static func folded(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    static func == (lhs: CaselessName, rhs: CaselessName) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count
            && lhs.text.utf8.elementsEqual(rhs.text.utf8) { folded($0) == folded($1) }
    }

    func hash(into hasher: inout Hasher) {
        // FNV-1a over the folded bytes, given to the hasher once.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(Self.folded(byte))) &* 0x100_0000_01b3 }
        hasher.combine(hash)
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
