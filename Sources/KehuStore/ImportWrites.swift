import GRDB
import KehuCore

/// What importing one row did, or would do in a dry run.
public enum ImportOutcome: Hashable, Sendable {
    case created(code: String)
    /// Created, though an archived customer's name differs only in spacing, dots or the
    /// company form (X有限公司 / X股份有限公司): for the importer to check.
    case createdNearDuplicate(code: String, similar: String)
    /// An existing customer with the row's code: the fields the row changed.
    case updated(code: String, fields: [String])
    /// Already in the archive (or earlier in the file): same normalised phone or full name
    /// (or a near name, when the importer asked to merge those).
    case duplicate(of: String, byPhone: Bool)
    case rejected([CustomerImportRow.Problem])
}

extension KehuDatabase {
    /// Imports customers (and a contact each, when the row names one) in ONE transaction:
    /// a dry run, or any rejected row without `skipBad`, rolls all of it back, so nothing
    /// is half-imported. Rows are owned by `ownerID` (nil: the team's pool). Running the
    /// same file again finds every row a duplicate or an update with nothing changed.
    /// - Returns: one outcome per row, in order; `progress` hears how far it got.
    /// A row whose name is near an archived one (only the company form or spacing differs)
    /// is created and reported, or with `mergeSimilar` taken as that customer (skipped).
    public func importCustomers(_ rows: [CustomerImportRow], ownerID: Int64?, teamID: Int64?, dryRun: Bool, skipBad: Bool,
                                mergeSimilar: Bool = false, by actor: Actor, progress: ((Int) -> Void)? = nil) throws -> [ImportOutcome] {
        var outcomes: [ImportOutcome] = []
        let plan = ImportPlan(expectedRows: rows.count, ownerID: ownerID, teamID: teamID, dryRun: dryRun, skipBad: skipBad,
                              mergeSimilar: mergeSimilar)
        _ = try importCustomers(plan, by: actor, rows: { push in
            for row in rows { try push(row) }
        }, reading: { $0 }, outcome: { _, outcome in
            outcomes.append(outcome)
            if outcomes.count % 500 == 0 { progress?(outcomes.count) }
        })
        progress?(rows.count)
        return outcomes
    }

    /// How an import goes: about how many rows are coming (for how to write them), whose
    /// the new customers are, and what ends it without a commit.
    public struct ImportPlan: Sendable {
        public var expectedRows: Int
        public var ownerID: Int64?
        public var teamID: Int64?
        public var dryRun: Bool
        public var skipBad: Bool
        public var mergeSimilar: Bool

        public init(expectedRows: Int, ownerID: Int64?, teamID: Int64?, dryRun: Bool, skipBad: Bool, mergeSimilar: Bool = false) {
            self.expectedRows = expectedRows; self.ownerID = ownerID; self.teamID = teamID
            self.dryRun = dryRun; self.skipBad = skipBad; self.mergeSimilar = mergeSimilar
        }
    }

    /// The same import with rows pushed one at a time while the sheet is read (`rows` calls
    /// its argument for each raw row, on a thread of its own), each raw row read into a
    /// customer by `reading` (on several threads at once, so it must keep to its argument),
    /// and each outcome handed to `outcome` as soon as it is known: a sheet of any size is
    /// imported in the memory of a few rows, on every core.
    /// - Returns: whether it was committed.
    public func importCustomers<Raw>(_ plan: ImportPlan, by actor: Actor,
                                     rows produce: (_ push: (Raw) throws -> Void) throws -> Void,
                                     reading: (Raw) -> CustomerImportRow,
                                     outcome report: (CustomerImportRow, ImportOutcome) throws -> Void) throws -> Bool {
        try require(Self.importRoles)
        if let ownerID = plan.ownerID, try !read({ db in try isVisibleUser(db, ownerID) }) {
            throw StoreError.notFound(table: "users", rowID: ownerID)
        }
        var committed = false
        var callersError: Error?
        // Both closures are only called during this call; Swift cannot see that through GRDB's.
        try withoutActuallyEscaping(report) { report in
            try writeAlone { db in
                // A larger page cache for the one big transaction (SQLite's 2 MB default spends
                // most of a 100,000-row import re-reading index pages), yet small enough for
                // the import to stay near 65 MB; back to normal after (and for the index
                // rebuild at the end: `CustomerImporter.finish`).
                if !db.isPostgres { try db.execute(sql: "PRAGMA cache_size = -16384") }
                defer { if !db.isPostgres { try? db.execute(sql: "PRAGMA cache_size = -2000") } }
                // The indexes made again at the end sort every row: in runs written to
                // temporary files where that is safe (`SortSpill`), else all in memory.
                // (Set outside the transaction: SQLite refuses the change inside one.)
                let spill = !db.isPostgres && SortSpill.allowed(forDatabaseAt: path)
                if spill { try db.execute(sql: "PRAGMA temp_store = FILE") }
                defer { if spill { try? db.execute(sql: "PRAGMA temp_store = MEMORY") } }
                // SQLite's check of each row's foreign keys (a lookup of the customer for each
                // contact and search line, of the owner and team for each customer) was a
                // tenth of the writer's work on the rows (counted with callgrind). The import
                // writes only ids it has just read or given: the customer it inserted, an
                // owner and team it found among the users and teams; a test checks the keys
                // after. (Set outside the transaction: SQLite ignores it inside one.)
                let unchecked = !db.isPostgres
                if unchecked { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if unchecked { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                try db.inTransaction {
                    var importer = try CustomerImporter(db, store: self, plan: plan, actor: actor)
                    var rejected = false
                    do {
                        // The sheet is read on a thread of its own, and its rows are
                        // prepared on others, while this one writes.
                        try handOff(read: { hand in
                            try withoutActuallyEscaping(hand) { hand in
                                do { try produce(hand) }
                                catch let error as HandoffStopped { throw error }
                                catch { throw CallersOwn(error: error) }
                            }
                        }, prepare: { raws in
                            let rows = raws.map(reading)
                            Pinyin.learn(rows.lazy.flatMap { [$0.customer.name, $0.contact?.name ?? ""] })
                            return rows.map(CustomerImporter.Prepared.init)
                        }, write: { prepared in
                            let outcome = try importer.importRow(prepared)
                            if case .rejected = outcome { rejected = true }
                            do { try report(prepared.row, outcome) } catch { throw CallersOwn(error: error) }
                        })
                    } catch let own as CallersOwn {
                        callersError = own.error
                        return .rollback
                    }
                    committed = !(plan.dryRun || (rejected && !plan.skipBad))
                    if committed { try importer.finish() }
                    return committed ? .commit : .rollback
                }
                // A large import goes through the log: a million rows left a 1.6 GB
                // `-wal` file beside a 1.6 GB database, which SQLite reuses but never
                // shrinks. Its pages were copied into the database at the commit; the
                // file is emptied now. A colleague's read in progress is waited for as a
                // write would wait (up to the busy timeout); should one still hold the log
                // then, the file keeps its size, to be reused by later writes: nothing is
                // lost either way.
                if committed, !db.isPostgres, plan.expectedRows >= CustomerImporter.bulkRows {
                    _ = try? db.sqlite.checkpoint(.truncate)
                }
            }
        }
        if let callersError { throw callersError }
        return committed
    }

    /// What the caller's closures threw (a sheet that cannot be read, say), carried through
    /// the database's so that it reaches the caller as it was, not as a database error.
    private struct CallersOwn: Error { let error: Error }

    /// Who may import: those who look after more than their own customers.
    public static let importRoles: Set<Role> = [.admin, .supervisor, .salesManager]

    /// Whether the viewer may know of user `id` (an owner named in an import).
    func isVisibleUser(_ db: StoreConnection, _ id: Int64) throws -> Bool {
        let (sql, arguments) = visibleUsers()
        return try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM users u WHERE u.id = ? AND \(sql))", arguments: [id] + arguments) ?? false
    }

    /// The owner's name and team, as the duplicate check tells it; nil for the pool.
    func ownerName(_ db: StoreConnection, customerID: Int64) throws -> String? {
        try StoreRow.fetchOne(db, sql: """
            SELECT u.displayName, t.name AS team FROM customers c JOIN users u ON u.id = c.ownerID
            LEFT JOIN teams t ON t.id = u.teamID WHERE c.id = ?
            """, arguments: [customerID]).map { row in
            let name: String = row["displayName"]
            let team: String? = row["team"]
            return team.map { "\(name) · \($0)" } ?? name
        }
    }

}
