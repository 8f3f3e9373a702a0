import GRDB

/// The values bound to a statement's `?` marks, in order, on either engine.
package struct SQLArguments: ExpressibleByArrayLiteral, Sendable {
    package private(set) var values: [DatabaseValue]

    package init() { values = [] }

    package init(_ values: some Sequence<(any DatabaseValueConvertible)?>) {
        self.values = values.map { $0?.databaseValue ?? .null }
    }

    package init(_ values: some Sequence<some DatabaseValueConvertible>) {
        self.values = values.map(\.databaseValue)
    }

    package init(arrayLiteral elements: (any DatabaseValueConvertible)?...) {
        self.init(elements)
    }

    package var isEmpty: Bool { values.isEmpty }

    /// The same values as GRDB binds them to a SQLite statement.
    package var sqlite: StatementArguments { StatementArguments(values) }

    package static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments {
        var joined = lhs
        joined += rhs
        return joined
    }

    package static func += (lhs: inout SQLArguments, rhs: SQLArguments) {
        lhs.values += rhs.values
    }
}
