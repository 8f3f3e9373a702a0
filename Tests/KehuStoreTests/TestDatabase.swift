import Foundation
import Synchronization
import KehuCore
@testable import KehuStore

/// A fresh folder per test, removed afterwards; databases inside it are real files, so
/// WAL, locking and migrations behave as in production.
final class TemporaryFolder: @unchecked Sendable {
    let path: String
    /// The PostgreSQL databases made for this test, by the name it gave them. (Dropped
    /// when the test process ends, not with the folder: Swift may let the folder go as
    /// soon as the test last names it, while its stores still work.)
    var postgresDatabases: [String: String] = [:]

    init() {
        path = NSTemporaryDirectory() + "kehu-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

let testNow = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 9, minute: 41)!
let testActor = Actor(login: "zhangwei", clock: FixedClock(testNow))

func sampleCustomer(_ code: String, _ name: String) -> Customer {
    var customer = Customer(code: code, name: name, createdAt: testNow)
    customer.city = "广州"
    customer.province = "广东"
    customer.phone = "020-8888 6666"
    return customer
}

/// The engine this run of the store tests uses: SQLite, or with `KEHU_TEST_ENGINE=postgresql`
/// (as `scripts/test` runs the store suite a second time) a throw-away PostgreSQL cluster
/// (`KEHU_TEST_PG` names its folder), where each test gets a database of its own,
/// connected as the login running the tests (a superuser there, as the store's unscoped
/// tools are; scoping is the store's door on both engines, row-level security beneath it
/// is tried as real users by the end-to-end tests).
enum TestEngine {
    static let postgresCluster: String? = {
        let environment = ProcessInfo.processInfo.environment
        guard environment["KEHU_TEST_ENGINE"] == "postgresql" else { return nil }
        guard let cluster = environment["KEHU_TEST_PG"], !cluster.isEmpty else {
            fatalError("KEHU_TEST_ENGINE=postgresql needs KEHU_TEST_PG (run scripts/test)")
        }
        return cluster
    }()

    static var isPostgres: Bool { postgresCluster != nil }

    /// Who the tests connect as, by the kernel's account.
    static let login: (name: String, home: String) = {
        guard let entry = getpwuid(getuid()) else { fatalError("no passwd entry for uid \(getuid())") }
        return (String(cString: entry.pointee.pw_name), String(cString: entry.pointee.pw_dir))
    }()

    static func address(_ database: String) throws -> PostgresAddress {
        try PostgresAddress("postgresql:///\(database)?host=\(postgresCluster!)")
    }

    private static let madeDatabases = Mutex<[String]>([])

    /// Remembers a database made for a test, to drop when the test process ends.
    static func made(_ database: String) {
        let first = madeDatabases.withLock { made in
            made.append(database)
            return made.count == 1
        }
        if first {
            atexit {
                for database in TestEngine.madeDatabases.withLock({ $0 }) {
                    try? TestEngine.administer("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
                }
            }
        }
    }

    /// Runs `sql` on the cluster's `postgres` database (making and dropping test databases).
    static func administer(_ sql: String) throws {
        let link = try PostgresLink.open(address("postgres"), login: login.name, home: login.home)
        defer { link.close() }
        try link.execute(sql)
    }
}

extension TemporaryFolder {
    /// The test's database `name`, on this run's engine: a file in the folder, or a
    /// PostgreSQL database made for it (the same one again when opened again by name),
    /// dropped with the folder.
    func store(_ name: String, busyTimeout: TimeInterval = KehuDatabase.defaultBusyTimeout) throws -> KehuDatabase {
        guard TestEngine.isPostgres else { return try KehuDatabase.open(path: file(name), busyTimeout: busyTimeout) }
        let database: String
        if let made = postgresDatabases[name] {
            database = made
        } else {
            database = "kehu_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            try TestEngine.administer("CREATE DATABASE \(database) ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0")
            TestEngine.made(database)
            postgresDatabases[name] = database
        }
        return try KehuDatabase.open(postgres: TestEngine.address(database), login: TestEngine.login.name,
                                     home: TestEngine.login.home, create: true, now: testNow)
    }
}
