import Foundation
import GRDB
import Testing
@testable import KehuStore

struct PostgresAddressTests {
    @Test func theLocalSocketIsFoundFromTheHostParameterOrDebiansFolder() throws {
        let given = try PostgresAddress("postgresql:///kehu?host=/srv/pg")
        #expect(given.endpoint == .socket(path: "/srv/pg/.s.PGSQL.5432"))
        #expect(given.database == "kehu")
        #expect(given.tls == .disable)
        #expect(given.shown == "postgresql:///kehu?host=/srv/pg")
        let standard = try PostgresAddress("postgres:///crm")
        #expect(standard.endpoint == .socket(path: "/var/run/postgresql/.s.PGSQL.5432"))
        #expect(standard.shown == "postgresql:///crm")
        let port = try PostgresAddress("postgresql:///kehu?host=/tmp&port=5433")
        #expect(port.endpoint == .socket(path: "/tmp/.s.PGSQL.5433"))
    }

    @Test func tcpKeepsHostPortAndTLSButNeverShowsThePassword() throws {
        let address = try PostgresAddress("postgresql://zhangwei:s%40cret@db.example.com:6432/kehu?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        #expect(address.endpoint == .tcp(host: "db.example.com", port: 6432))
        #expect(address.user == "zhangwei")
        #expect(address.password == "s@cret")
        #expect(address.tls == .verifyFull)
        #expect(address.rootCertificate == "/etc/ca.pem")
        #expect(address.shown == "postgresql://zhangwei@db.example.com:6432/kehu?sslmode=verify-full")
        #expect(!address.shown.contains("cret"))
        #expect(try PostgresAddress("postgresql://db/kehu").tls == .prefer)
    }

    @Test func whatIsNotAnAddressOrHasAnUnknownParameterIsRefused() {
        #expect(!PostgresAddress.isAddress("/srv/kehu/kehu.db"))
        #expect(throws: PostgresAddress.Problem.notAnAddress("postgresql://db/")) { try PostgresAddress("postgresql://db/") }
        #expect(throws: PostgresAddress.Problem.notAnAddress("mysql://db/kehu")) { try PostgresAddress("mysql://db/kehu") }
        #expect(throws: PostgresAddress.Problem.unknownParameter("sslmod")) { try PostgresAddress("postgresql://db/kehu?sslmod=require") }
        #expect(throws: PostgresAddress.Problem.unknownParameter("sslmode=allow")) { try PostgresAddress("postgresql://db/kehu?sslmode=allow") }
    }

    @Test func aPasswordFileIsReadOnlyWhenItIsTheUsersAloneAndMatches() throws {
        let folder = TemporaryFolder()
        let file = folder.file(".pgpass")
        try "# comment\nother:5432:kehu:zhangwei:wrong\ndb.example.com:*:kehu:zhangwei:pa\\:ss\n*:*:*:*:fallback\n"
            .write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o600)
        let address = try PostgresAddress("postgresql://db.example.com/kehu")
        #expect(address.passwordFromFile(home: folder.path, login: "zhangwei") == "pa:ss")
        #expect(address.passwordFromFile(home: folder.path, login: "liuyang") == "fallback")
        chmod(file, 0o644)
        #expect(address.passwordFromFile(home: folder.path, login: "zhangwei") == nil)
        // The socket needs no password: PostgreSQL asks the kernel who connects.
        chmod(file, 0o600)
        #expect(try PostgresAddress("postgresql:///kehu").passwordFromFile(home: folder.path, login: "zhangwei") == nil)
    }

    /// A change to SQLite's schema is a migration on both engines, with the same number.
    @Test func postgresSchemaKeepsUpWithSQLites() throws {
        #expect(PostgresMigrations.schemaVersion == Int(Migrations.schemaVersion))
        #expect(PostgresMigrations.migrations.last?.version == PostgresMigrations.schemaVersion)
        let folder = TemporaryFolder()
        let store = try KehuDatabase.open(path: folder.file("kehu.db"))
        let tables = try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                AND name NOT LIKE 'search%Index%'
                """)
        }
        #expect(Set(tables) == Set(PostgresMigrations.v16TableNames))
        #expect(try store.read { db in try KehuDatabase.movedTables(db.sqlite).map(\.name) } == PostgresMigrations.v16TableNames)
    }

    @Test func copyTextEscapesWhatWouldEndAFieldAndKeepsTheRest() {
        var text = ""
        for value: DatabaseValue in [.null, 42.databaseValue, "华南，（有限）\\公司\t甲\n乙\r".databaseValue, "plain".databaseValue] {
            CopyText.append(value, to: &text)
            text += "|"
        }
        #expect(text == "\\N|42|华南，（有限）\\\\公司\\t甲\\n乙\\r|plain|")
    }

    @Test func theChecksumTellsKindOrderAndEveryByteApart() {
        func sum(_ rows: [[DatabaseValue]]) -> String {
            var checksum = Checksum()
            for row in rows { checksum.add(row) }
            return checksum.hex
        }
        let rows: [[DatabaseValue]] = [[1.databaseValue, "甲".databaseValue], [2.databaseValue, .null]]
        #expect(sum(rows) == sum(rows))
        #expect(sum(rows) != sum(rows.reversed()))
        #expect(sum([["1".databaseValue]]) != sum([[1.databaseValue]]))
        #expect(sum([["".databaseValue]]) != sum([[.null]]))
        #expect(sum([["ab".databaseValue, "c".databaseValue]]) != sum([["a".databaseValue, "bc".databaseValue]]))
        #expect(sum([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
