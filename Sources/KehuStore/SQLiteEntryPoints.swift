import GRDB

// The store functions SQLite's landed migrations (and the demo writer) call, taking
// GRDB's `Database` as they always did: the migrations are frozen, so they keep their
// lines, and these hand the same connection to the two-engine functions.

extension SearchKeys {
    package static func backfill(_ db: Database) throws { try backfill(StoreConnection(sqlite: db)) }
}

extension CodeSerials {
    package static func backfill(_ db: Database) throws { try backfill(StoreConnection(sqlite: db)) }
}

extension SearchText {
    package static func backfill(_ db: Database) throws { try backfill(StoreConnection(sqlite: db)) }
    package static func refresh(_ db: Database, customerID: Int64) throws { try refresh(StoreConnection(sqlite: db), customerID: customerID) }
    static func rewriteLatinLines(_ db: Database) throws { try rewriteLatinLines(StoreConnection(sqlite: db)) }
    static func rewriteHanLinesWithProducts(_ db: Database) throws { try rewriteHanLinesWithProducts(StoreConnection(sqlite: db)) }
}

extension LastContacts {
    static func migrate(_ db: Database) throws { try migrate(StoreConnection(sqlite: db)) }
}
