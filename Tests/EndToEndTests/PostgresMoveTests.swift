import Foundation
import GRDB
@testable import KehuStore
import Testing

/// `kehu migrate --to postgresql://…` with the real binary on a throw-away cluster, and
/// what PostgreSQL then shows each kehu role through `psql`, compared with what kehu's own
/// door shows the same person on the SQLite file.
@Suite(.serialized)
struct PostgresMoveTests {
    /// A 10,000-customer demo whose people have logins of this run's own (so that real
    /// Unix users can be made for them), with a sales manager over one region and an
    /// inactive salesperson; and the database it is moved to.
    final class Move {
        let folder = NSTemporaryDirectory() + "kehu-pgmove-" + UUID().uuidString.prefix(8)
        let tag = "p" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        var sqlite: String { folder + "/team.db" }
        let database: String
        var unixUsers: [String] = []

        init(customers: Int, characterType: String = "C.UTF-8") throws {
            database = try TestPostgres.newDatabase(characterType: characterType)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let made = try run(kehuBinary, ["demo", "--db", sqlite, "--customers", "\(customers)", "--seed", "7", "--today", "2026-11-22"],
                               environment: ["KEHU_LANG": "zh", "HOME": folder])
            guard made.status == 0 else { throw SpawnError(message: "kehu demo: \(made.stderr)") }
            let me = try currentLoginName()
            let queue = try DatabaseQueue(path: sqlite)
            try queue.write { db in
                try db.execute(sql: "UPDATE users SET login = ? || id WHERE login <> ?", arguments: [tag, me])
                try db.execute(sql: "UPDATE users SET region = '华南' WHERE role = 'salesManager'")
                // One salesperson has left: PostgreSQL must show them nothing, as kehu does.
                try db.execute(sql: "UPDATE users SET active = 0 WHERE id = (SELECT MAX(id) FROM users WHERE role = 'salesperson')")
            }
            try queue.close()
        }

        func migrate(language: String = "zh") throws -> ProcessResult {
            try run(kehuBinary, ["migrate", "--db", sqlite, "--to", try TestPostgres.address(database)],
                    environment: ["KEHU_LANG": language, "HOME": folder])
        }

        func makeUnixUser(_ login: String) throws {
            let made = try run("/usr/sbin/useradd", ["--no-create-home", "--home-dir", "/nonexistent", "--shell", "/bin/sh", login])
            guard made.status == 0 else { throw SpawnError(message: "useradd \(login): \(made.stderr)") }
            unixUsers.append(login)
        }

        /// The documented set-up: the database belongs to the kehu admin's own role, which
        /// may make roles but is no superuser, and the admin runs the move as themselves.
        func migrateAsAdmin(creatingRoles: Bool = true) throws -> ProcessResult {
            let admin = tag + "adm"
            try makeUnixUser(admin)
            let me = try currentLoginName()
            let queue = try DatabaseQueue(path: sqlite)
            try queue.write { db in try db.execute(sql: "UPDATE users SET login = ? WHERE login = ?", arguments: [admin, me]) }
            try queue.close()
            for path in [folder, sqlite] { _ = try run("/usr/bin/chown", [admin, path]) }
            // (Without `creatingRoles`, the caller has made the role as it wants it.)
            let role = try TestPostgres.psql(database: "postgres", (creatingRoles ? "CREATE ROLE \(admin) LOGIN CREATEROLE; " : "")
                                             + "ALTER DATABASE \(database) OWNER TO \(admin)")
            guard role.status == 0 else { throw SpawnError(message: role.stderr) }
            return try run("/usr/sbin/runuser", ["-u", admin, "--", kehuBinary, "migrate", "--db", sqlite, "--to", try TestPostgres.address(database)],
                           environment: ["KEHU_LANG": "zh", "HOME": folder])
        }

        /// A demo of `customers` moved by its admin, as the documented set-up does; nil
        /// (said so) without a cluster.
        static func movedByAdmin(customers: Int) throws -> Move? {
            guard case .success = TestPostgres.cluster else {
                print("skipped: no PostgreSQL cluster: install postgresql or run scripts/test")
                return nil
            }
            let move = try Move(customers: customers)
            let moved = try move.migrateAsAdmin()
            try #require(moved.status == 0, "\(moved.stderr)")
            return move
        }

        deinit {
            for login in unixUsers { removeUnixUser(login) }
            TestPostgres.dropDatabase(database)
            // The login roles the move made for this run's people are the cluster's: gone too.
            _ = try? TestPostgres.psql(database: "postgres", """
                DO $$ DECLARE r text; BEGIN
                    FOR r IN SELECT rolname FROM pg_roles WHERE rolname LIKE '\(tag)%' LOOP EXECUTE format('DROP ROLE %I', r); END LOOP;
                END $$
                """)
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Row counts in SQLite and in PostgreSQL (read as a superuser, which row-level
    /// security does not hold back), table by table.
    private func counts(_ move: Move) throws -> (sqlite: [String: Int], postgres: [String: Int]) {
        let tables = PostgresMigrations.v16TableNames
        let queue = try DatabaseQueue(path: move.sqlite)
        defer { try? queue.close() }
        let sqlite = try queue.read { db in
            try Dictionary(uniqueKeysWithValues: tables.map { ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1) })
        }
        let sql = "SELECT " + tables.map { "(SELECT count(*) FROM kehu.\($0))" }.joined(separator: ", ")
        let answer = try TestPostgres.psql(database: move.database, sql)
        guard answer.status == 0 else { throw SpawnError(message: answer.stderr) }
        let numbers = answer.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map { Int($0) ?? -1 }
        return (sqlite, Dictionary(uniqueKeysWithValues: zip(tables, numbers)))
    }

    @Test func anAddressIsNeverTakenForAFileOrAnotherLoginAndBackupNamesPostgresOwnTools() throws {
        let folder = NSTemporaryDirectory() + "kehu-pgaddr-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = ["KEHU_LANG": "en", "HOME": folder, "XDG_DATA_HOME": folder + "/data"]
        let opened = try run(kehuBinary, ["report", "kpi", "--db", "postgresql:///kehu?host=" + folder], environment: environment)
        #expect(opened.status == 7)
        #expect(opened.stderr.contains("no PostgreSQL server listens at \(folder)/.s.PGSQL.5432"), "\(opened.stderr)")
        // kehu connects as the kernel's login: an address naming anyone else is refused.
        let other = try run(kehuBinary, ["report", "kpi", "--db", "postgresql://someoneelse@/kehu?host=" + folder], environment: environment)
        #expect(other.status == 2)
        #expect(other.stderr.contains("cannot name someone else (someoneelse)"), "\(other.stderr)")
        let backup = try run(kehuBinary, ["backup", "--to", folder + "/b.db"], environment: environment.merging(["KEHU_DB": "postgresql:///crm"]) { $1 })
        #expect(backup.status == 2)
        #expect(backup.stderr.contains("sudo -u postgres pg_dump -Fc crm > crm.dump"))
        // Nor does init take an address for a file: no server there, exit 7.
        let initialised = try run(kehuBinary, ["init", "--db", "postgresql:///kehu?host=" + folder], environment: environment)
        #expect(initialised.status == 7, "\(initialised.stderr)")
        #expect(initialised.stderr.contains("Cannot connect to postgresql:///kehu?host=\(folder)"), "\(initialised.stderr)")
        // A demo is a file: an address is refused with the way to try kehu on PostgreSQL.
        let demo = try run(kehuBinary, ["demo", "--customers", "10", "--db", "postgresql:///kehu?host=" + folder], environment: environment)
        #expect(demo.status == 2)
        #expect(demo.stderr.contains("kehu demo writes an SQLite file, not postgresql:///kehu?host=\(folder)"), "\(demo.stderr)")
        // Nor is a backup written to an address: it says how to move the database there.
        let backupTo = try run(kehuBinary, ["backup", "--to", "postgresql:///kehu?host=" + folder], environment: environment)
        #expect(backupTo.status == 2)
        #expect(backupTo.stderr.contains("kehu backup writes a file, not postgresql:///kehu?host=\(folder)"), "\(backupTo.stderr)")
        // Nor an export.
        let exportTo = try run(kehuBinary, ["export", "customers", "--format", "xlsx", "--out", "postgresql:///kehu?host=" + folder], environment: environment)
        #expect(exportTo.status == 2)
        #expect(exportTo.stderr.contains("kehu export writes a file (CSV, XLSX or vCard), not postgresql:///kehu?host=\(folder)"), "\(exportTo.stderr)")
        let bad = try run(kehuBinary, ["migrate", "--to", "postgresql://db/kehu?sslmode=allow"], environment: environment)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("sslmode=allow"))
        // Nothing was made: no folder named after the address, no database file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "postgresql:"))
    }

    /// `kehu init --db postgresql://…` sets kehu up in the empty database as a new file
    /// would be (its admin and the company's settings), with migrate's checks; it used to
    /// make an SQLite file in a folder named after the address instead.
    @Test func initOnAnAddressSetsKehuUpThereOnceAndLeavesNothingOnThisMachine() throws {
        guard case .success = TestPostgres.cluster else {
            print("skipped: no PostgreSQL cluster: install postgresql or run scripts/test")
            return
        }
        let database = try TestPostgres.newDatabase()
        defer { TestPostgres.dropDatabase(database) }
        let folder = NSTemporaryDirectory() + "kehu-pginit-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: folder + "/tmp", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = ["KEHU_LANG": "zh", "HOME": folder, "TMPDIR": folder + "/tmp", "XDG_DATA_HOME": folder + "/data"]
        let address = try TestPostgres.address(database)
        let me = try currentLoginName()
        let made = try run(kehuBinary, ["init", "--db", address, "--name", "王芳"], environment: environment)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("已建立数据库 \(address)，管理员 \(me)"), "\(made.stdout)")
        // The company's starting settings are a new file's, row for row.
        let file = folder + "/new.db"
        let local = try run(kehuBinary, ["init", "--db", file], environment: environment)
        #expect(local.status == 0, "\(local.stderr)")
        let queue = try DatabaseQueue(path: file)
        let settings = try queue.read { db in try String.fetchAll(db, sql: "SELECT key || '=' || value FROM settings ORDER BY key") }
        try queue.close()
        let moved = try TestPostgres.psql(database: database, "SELECT key || '=' || value FROM kehu.settings ORDER BY key")
        #expect(moved.stdout.split(separator: "\n").map(String.init) == settings)
        let users = try run(kehuBinary, ["user", "list", "--db", address], environment: environment)
        #expect(users.status == 0, "\(users.stderr)")
        #expect(users.stdout.contains(me) && users.stdout.contains("王芳"), "\(users.stdout)")
        // A second init touches nothing: exit 7, the same one user.
        let again = try run(kehuBinary, ["init", "--db", address], environment: environment)
        #expect(again.status == 7)
        #expect(again.stderr.contains("那里已经有 kehu 的数据，kehu 不会改动它"), "\(again.stderr)")
        let count = try TestPostgres.psql(database: database, "SELECT count(*) FROM kehu.users")
        #expect(count.stdout.hasPrefix("1"))
        // The file it was made in is gone, and no folder is named after the address.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/tmp").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "postgresql:"))
    }

    @Test func aDatabaseWhoseCharacterTypeIgnoresChineseIsRefusedUntouched() throws {
        guard case .success = TestPostgres.cluster else {
            print("skipped: no PostgreSQL cluster: install postgresql or run scripts/test")
            return
        }
        let move = try Move(customers: 50, characterType: "C")
        let refused = try move.migrate(language: "en")
        #expect(refused.status == 7)
        #expect(refused.stderr.contains("character type C"))
        #expect(refused.stderr.contains("--lc-ctype=C.UTF-8"))
        let schema = try TestPostgres.psql(database: move.database, "SELECT count(*) FROM pg_namespace WHERE nspname = 'kehu'")
        #expect(schema.stdout.hasPrefix("0"))
    }

    @Test(.enabled(if: getuid() == 0, "skipped: moving as a role without CREATEROLE needs root, to make a Unix user for it"))
    func aRoleThatMayNotMakeRolesAndANewerSchemaAreRefusedLeavingNothing() throws {
        guard case .success = TestPostgres.cluster else {
            print("skipped: no PostgreSQL cluster: install postgresql or run scripts/test")
            return
        }
        // The admin's role owns the database but may not make roles: exit 10, no schema.
        let move = try Move(customers: 50)
        let admin = move.tag + "adm"
        let role = try TestPostgres.psql(database: "postgres", "CREATE ROLE \(admin) LOGIN")
        try #require(role.status == 0, "\(role.stderr)")
        let refused = try move.migrateAsAdmin(creatingRoles: false)
        #expect(refused.status == 10, "\(refused.stderr)")
        #expect(refused.stderr.contains("CREATEROLE"))
        let schema = try TestPostgres.psql(database: move.database, "SELECT count(*) FROM pg_namespace WHERE nspname = 'kehu'")
        #expect(schema.stdout.hasPrefix("0"))

        // A database a newer kehu set up (its schema numbers beyond this kehu's): exit 4, untouched.
        let newer = try Move(customers: 50)
        let marked = try TestPostgres.psql(database: newer.database, """
            CREATE SCHEMA kehu; CREATE TABLE kehu.schemaVersion (version bigint PRIMARY KEY, appliedAt text NOT NULL);
            INSERT INTO kehu.schemaVersion VALUES (16, '2026-11-30 09:00'), (99, '2027-01-01 09:00')
            """)
        try #require(marked.status == 0, "\(marked.stderr)")
        let later = try newer.migrate(language: "en")
        #expect(later.status == 4)
        #expect(later.stderr.contains("set up by a newer kehu (migrations 99)"))
        let tables = try TestPostgres.psql(database: newer.database,
                                           "SELECT count(*) FROM pg_class WHERE relnamespace = 'kehu'::regnamespace AND relkind = 'r'")
        #expect(tables.stdout.hasPrefix("1"))
    }

    @Test func aTenThousandCustomerDemoMovesWholeAndEachTableIsVerified() throws {
        guard case .success = TestPostgres.cluster else {
            print("skipped: \((try? TestPostgres.cluster.get()) ?? "no PostgreSQL cluster: install postgresql or run scripts/test")")
            return
        }
        let move = try Move(customers: 10_000)
        let moved = try move.migrate()
        #expect(moved.status == 0, "\(moved.stderr)")
        // Every table is named with its rows and the word for identical; then the total.
        for table in PostgresMigrations.v16TableNames {
            #expect(moved.stdout.contains("  \(table)：") && moved.stdout.contains("一致"), "\(table) missing in: \(moved.stdout)")
        }
        #expect(moved.stdout.contains("已迁移到 postgresql:///\(move.database)"))
        let (sqlite, postgres) = try counts(move)
        #expect(sqlite["customers"] == 10_000)
        #expect(sqlite == postgres)

        // The same text, full-width punctuation and all, on both engines.
        let queue = try DatabaseQueue(path: move.sqlite)
        let sample = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT code, name, notes, createdAt FROM customers ORDER BY id DESC LIMIT 3")
        }
        try queue.close()
        for row in sample {
            let code: String = row["code"]
            let answer = try TestPostgres.psql(database: move.database,
                                               "SELECT name || '|' || notes || '|' || createdAt FROM kehu.customers WHERE code = '\(code)'")
            let expected = "\(row["name"] as String)|\(row["notes"] as String)|\(row["createdAt"] as String)"
            #expect(answer.stdout.trimmingCharacters(in: .newlines) == expected)
        }

        // New rows take ids after the copied ones (the identity counters moved past them).
        let next = try TestPostgres.psql(database: move.database, """
            SELECT nextval(pg_get_serial_sequence('kehu.activities', 'id')) = (SELECT max(id) + 1 FROM kehu.activities)
            """)
        #expect(next.stdout.hasPrefix("t"), "\(next.stdout) \(next.stderr)")

        // kehu's short statements are not compiled (a new connection to the database says so).
        let jit = try TestPostgres.psql(database: move.database, "SHOW jit")
        #expect(jit.stdout.hasPrefix("off"), "\(jit.stdout) \(jit.stderr)")
        // The move has the planner's statistics made before anyone opens it (a table never
        // analysed counts -1 rows).
        let planned = try TestPostgres.psql(database: move.database, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'kehu.customers'::regclass")
        #expect(planned.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "10000", "\(planned.stdout) \(planned.stderr)")

        // A second move into the same database is refused, in English too, and changes nothing.
        let before = try counts(move).postgres
        let again = try move.migrate(language: "en")
        #expect(again.status == 7)
        #expect(again.stderr.contains("already holds kehu's data"))
        #expect(try counts(move).postgres == before)
    }

    /// After an upgrade that brings a new schema number, a colleague who opens the
    /// database first is told that the admin must open it once (both numbers, exit 7
    /// `cannot open`), and nothing changes; the admin's open brings it up to date, and the
    /// colleague then gets in.
    @Test(.enabled(if: getuid() == 0, "skipped: opening as a colleague needs root, to make a Unix user for them"))
    func aNewSchemaWaitsForTheAdminAndAColleagueIsToldSo() throws {
        guard let move = try Move.movedByAdmin(customers: 200) else { return }
        // The database as the kehu before v18 left it.
        let older = try TestPostgres.psql(database: move.database, """
            DELETE FROM kehu.schemaVersion WHERE version = 18;
            CREATE INDEX customers_owner ON kehu.customers(ownerID)
            """)
        try #require(older.status == 0, "\(older.stderr)")
        let colleague = try #require(try KehuDatabase.open(path: move.sqlite, create: false).read { db in
            try String.fetchOne(db, sql: "SELECT login FROM users WHERE role = 'salesperson' AND active AND login LIKE ? ORDER BY id LIMIT 1",
                                arguments: [move.tag + "%"])
        })
        try move.makeUnixUser(colleague)
        let address = try TestPostgres.address(move.database)
        let refused = try run("/usr/sbin/runuser", ["-u", colleague, "--", kehuBinary, "report", "funnel", "--db", address],
                              environment: ["KEHU_LANG": "en", "HOME": move.folder])
        #expect(refused.status == 7, "\(refused.status) \(refused.stderr)")
        #expect(refused.stderr.contains("v17") && refused.stderr.contains("v18") && refused.stderr.contains("admin"), "\(refused.stderr)")
        let versions = "SELECT string_agg(version::text, ',' ORDER BY version) FROM kehu.schemaVersion"
        #expect(try TestPostgres.psql(database: move.database, versions).stdout.hasPrefix("16,17\n"))
        let admin = try run("/usr/sbin/runuser", ["-u", move.tag + "adm", "--", kehuBinary, "report", "funnel", "--db", address],
                            environment: ["KEHU_LANG": "en", "HOME": move.folder])
        #expect(admin.status == 0, "\(admin.stderr)")
        #expect(try TestPostgres.psql(database: move.database, versions).stdout.hasPrefix("16,17,18\n"))
        let indexes = try TestPostgres.psql(database: move.database,
                                            "SELECT indexname FROM pg_indexes WHERE schemaname = 'kehu' AND indexname LIKE 'customers_owner%' ORDER BY 1")
        #expect(indexes.stdout.split(separator: "\n") == ["customers_owner_nextfollowup", "customers_owner_status"], "\(indexes.stdout)")
        let after = try run("/usr/sbin/runuser", ["-u", colleague, "--", kehuBinary, "report", "funnel", "--db", address],
                            environment: ["KEHU_LANG": "en", "HOME": move.folder])
        #expect(after.status == 0, "\(after.stderr)")
    }

    @Test(.enabled(if: getuid() == 0, "skipped: row-level security through psql needs root, to make a Unix user for each kehu role"))
    func eachRoleSeesThroughPsqlExactlyWhatKehuShowsThem() throws {
        guard let move = try Move.movedByAdmin(customers: 1_500) else { return }
        // The admin was a member of kehu_owner only while moving; now a kehu user like the rest.
        let membership = try TestPostgres.psql(database: move.database,
                                               "SELECT pg_has_role('\(move.tag)adm', 'kehu_owner', 'MEMBER'), pg_has_role('\(move.tag)adm', 'kehu_user', 'MEMBER')")
        #expect(membership.stdout.hasPrefix("f|t"), "\(membership.stdout)")

        // One person of each role, the admin too (the salesperson with the most attachments,
        // so that the attached policy is tried), and the one who left.
        let sqlite = try KehuDatabase.open(path: move.sqlite, create: false)
        let people = try sqlite.read { db in
            try String.fetchAll(db, sql: """
                SELECT login FROM (
                    SELECT u.login, row_number() OVER (PARTITION BY u.role ORDER BY (SELECT count(*) FROM customerMembers m WHERE m.userID = u.id) DESC, u.id) AS n
                    FROM users u WHERE u.login LIKE ? AND u.active)
                WHERE n = 1
                UNION ALL SELECT login FROM users WHERE active = 0
                """, arguments: [move.tag + "%"])
        }
        #expect(people.count == 8, "roles: \(people)")

        let tables: [(name: String, kehu: (KehuDatabase) -> String)] = [
            ("customers", { "SELECT count(*) FROM customers c WHERE \($0.visible().sql)" }),
            ("contacts", { "SELECT count(*) FROM contacts k JOIN customers c ON c.id = k.customerID WHERE \($0.visible().sql)" }),
            ("activities", { "SELECT count(*) FROM activities a JOIN customers c ON c.id = a.customerID WHERE \($0.visible().sql)" }),
            ("intentCards", { "SELECT count(*) FROM intentCards k JOIN customers c ON c.id = k.customerID WHERE \($0.visible().sql)" }),
            ("orders", { "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customerID WHERE \($0.visible().sql)" }),
            ("users", { "SELECT count(*) FROM users u WHERE \($0.visibleUsers().sql)" }),
            ("teams", { "SELECT count(*) FROM teams t WHERE \($0.visibleTeams().sql)" }),
        ]
        let arguments: [(KehuDatabase) -> SQLArguments] = [
            { $0.visible().arguments }, { $0.visible().arguments }, { $0.visible().arguments }, { $0.visible().arguments },
            { $0.visible().arguments }, { $0.visibleUsers().arguments }, { $0.visibleTeams().arguments },
        ]
        var sawNarrow = false
        for login in people {
            if !move.unixUsers.contains(login) { try move.makeUnixUser(login) }
            let answer = try TestPostgres.psql(as: login, database: move.database,
                                               "SELECT " + tables.map { "(SELECT count(*) FROM kehu.\($0.name))" }.joined(separator: ", "))
            try #require(answer.status == 0, "\(login): \(answer.stderr)")
            let seen = answer.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map { Int($0) ?? -1 }
            let kehu: [Int]
            if let door = try? sqlite.door(for: login) {
                kehu = try zip(tables, arguments).map { table, arguments in
                    try door.read { db in try Int.fetchOne(db, sql: table.kehu(door), arguments: arguments(door)) ?? -1 }
                }
            } else {
                kehu = tables.map { _ in 0 }  // kehu does not let a former user in at all
            }
            #expect(seen == kehu, "\(login): PostgreSQL \(seen), kehu \(kehu)")
            if let customers = seen.first, customers > 0, customers < 1_500 { sawNarrow = true }
            if login == move.tag + "adm" { #expect(seen.first == 1_500) }
        }
        #expect(sawNarrow)

        // The duplicate check: someone else's customer is named as existing and whose,
        // never shown; one's own comes back whole.
        let probe = try sqlite.read { db in
            try StoreRow.fetchOne(db, sql: """
                SELECT c.phoneDigits AS other, (SELECT phoneDigits FROM customers WHERE ownerID = u.id AND phoneDigits IS NOT NULL LIMIT 1) AS own,
                       o.displayName AS otherOwner, u.login
                FROM users u, customers c JOIN users o ON o.id = c.ownerID
                WHERE u.role = 'salesperson' AND u.active AND u.login LIKE ? AND c.ownerID <> u.id AND c.teamID <> u.teamID
                  AND c.phoneDigits IS NOT NULL LIMIT 1
                """, arguments: [move.tag + "%"])
        }
        let probeRow = try #require(probe)
        let who: String = probeRow["login"]
        if !move.unixUsers.contains(who) { try move.makeUnixUser(who) }
        let other = try TestPostgres.psql(as: who, database: move.database,
                                          "SELECT name, ownerName, openable FROM kehu.duplicates('\(probeRow["other"] as String)', '', '', 8)")
        #expect(other.stdout.trimmingCharacters(in: .newlines) == "|\(probeRow["otherOwner"] as String)|f", "\(other.stdout) \(other.stderr)")
        let own = try TestPostgres.psql(as: who, database: move.database,
                                        "SELECT name <> '', openable FROM kehu.duplicates('\(probeRow["own"] as String)', '', '', 8)")
        #expect(own.stdout.hasPrefix("t|t"), "\(own.stdout) \(own.stderr)")

        // Every table is owned by kehu_owner, which cannot log in, with row-level
        // security enabled and forced, and a policy.
        let owner = try TestPostgres.psql(database: move.database, """
            SELECT rolcanlogin FROM pg_roles WHERE rolname = 'kehu_owner';
            SELECT count(*) FROM pg_class WHERE relnamespace = 'kehu'::regnamespace AND relkind = 'r'
              AND (relowner <> 'kehu_owner'::regrole OR NOT relrowsecurity OR NOT relforcerowsecurity
                   OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = pg_class.oid));
            SELECT count(*) FROM pg_class WHERE relnamespace = 'kehu'::regnamespace AND relkind = 'r'
            """)
        #expect(owner.stdout.split(separator: "\n") == ["f", "0", "26"], "\(owner.stdout) \(owner.stderr)")
        let asOwner = try run(TestPostgres.psqlPath, ["-h", try TestPostgres.cluster.get(), "-d", move.database, "-U", "kehu_owner", "-c", "SELECT 1"])
        #expect(asOwner.status != 0)
    }
}
