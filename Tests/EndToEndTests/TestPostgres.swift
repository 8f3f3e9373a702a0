import Foundation

/// The throw-away PostgreSQL cluster of this test run: the one `scripts/test` started
/// (`KEHU_TEST_PG` names its folder), else one started here on first use with the same
/// script and stopped when the test process ends. Socket only, peer authentication: the
/// login running the tests is a superuser there, and every other Linux login connects as
/// the role of its own name.
enum TestPostgres {
    /// The cluster's folder (its socket is in it), or why there is none.
    static let cluster: Result<String, SpawnError> = {
        if let given = ProcessInfo.processInfo.environment["KEHU_TEST_PG"], !given.isEmpty { return .success(given) }
        guard let started = try? run(script, ["start"]), started.status == 0 else {
            return .failure(SpawnError(message: "no PostgreSQL cluster: install postgresql (scripts/ensure-system-packages) or run scripts/test"))
        }
        let folder = started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        startedHere = folder
        atexit {
            if let folder = TestPostgres.startedHere { _ = try? run(TestPostgres.script, ["stop", folder]) }
        }
        return .success(folder)
    }()

    nonisolated(unsafe) private static var startedHere: String?

    static let script: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("scripts/pg-test-cluster").path
    }()

    static let psqlPath: String = {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: >) where FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(version)/bin/psql") {
            return "/usr/lib/postgresql/\(version)/bin/psql"
        }
        return "/usr/bin/psql"
    }()

    /// A new, empty database for one test, made as kehu wants (byte order, Chinese
    /// characters as letters) unless told otherwise; its name.
    static func newDatabase(characterType: String = "C.UTF-8") throws -> String {
        let name = "kehu_" + UUID().uuidString.prefix(8).lowercased()
        let made = try psql(database: "postgres", "CREATE DATABASE \(name) ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE '\(characterType)' TEMPLATE template0")
        guard made.status == 0 else { throw SpawnError(message: "createdb: \(made.stderr)") }
        return name
    }

    static func dropDatabase(_ name: String) {
        _ = try? psql(database: "postgres", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// `psql` on the cluster, as the login running the tests or (with `as`, when root) as
    /// another Linux login, which PostgreSQL's peer authentication maps to its own role.
    static func psql(as login: String? = nil, database: String, _ sql: String) throws -> ProcessResult {
        let folder = try cluster.get()
        let arguments = ["-h", folder, "-d", database, "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql]
        if let login {
            return try run("/usr/sbin/runuser", ["-u", login, "--", psqlPath] + arguments, environment: ["HOME": "/tmp"])
        }
        return try run(psqlPath, arguments)
    }

    /// The address kehu is given for a test database.
    static func address(_ database: String) throws -> String {
        "postgresql:///\(database)?host=\(try cluster.get())"
    }
}
