import Foundation
import GRDB

/// Rows PostgreSQL folds into one JSON array (`json_agg`) inside another statement's row:
/// there every statement is a round trip to the server, so a card's contacts, intent
/// cards, orders and verdict come with the customer's row instead of one statement each.
/// kehu's PostgreSQL columns are all `bigint` or `text`, so each JSON value reads back
/// exactly as the column would have: an integer as an integer, a string as text, null as
/// NULL. Names are PostgreSQL's (lower case), found as any row's are.
enum RowsInJSON {
    /// The rows of a `json_agg` value (NULL, when there were none: no rows).
    static func rows(_ value: DatabaseValue) throws -> [StoreRow] {
        guard let text = String.fromDatabaseValue(value) else { return [] }
        let objects = try JSONDecoder().decode([[String: Cell]].self, from: Data(text.utf8))
        return objects.map { object in
            let names = object.keys.sorted()
            return StoreRow(columns: ColumnNames(names), values: names.map { object[$0]!.value })
        }
    }

    /// One JSON value as the store's value.
    private struct Cell: Decodable {
        let value: DatabaseValue

        init(from decoder: Decoder) throws {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { value = .null }
            else if let number = try? single.decode(Int64.self) { value = number.databaseValue }
            else if let number = try? single.decode(Double.self) { value = number.databaseValue }
            else if let flag = try? single.decode(Bool.self) { value = (flag ? 1 : 0 as Int64).databaseValue }
            else { value = try single.decode(String.self).databaseValue }
        }
    }
}
