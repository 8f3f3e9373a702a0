import ArgumentParser
import Foundation
import KehuApp
import KehuHost
import KehuStore

/// `kehu migrate --to postgresql://…`: the whole SQLite database copied into PostgreSQL
/// and verified there, table by table. Admins only; nothing is written to the target
/// unless every table came back the same.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: tr("Copy the whole database into PostgreSQL and verify every table (admins only)."),
        discussion: tr(MigrateCommand.discussion)
    )

    static let discussion = "The target must be an empty database (createdb -E UTF8 --lc-collate=C --lc-ctype=C.UTF-8 -T template0 NAME), reached as your own login: over the local socket (postgresql:///kehu?host=/var/run/postgresql, peer authentication) or TCP (postgresql://host/kehu, password from ~/.pgpass or a certificate). Your role needs CREATEROLE and to own the database (or be a superuser): kehu makes the roles kehu_owner (owns every table, cannot log in) and kehu_user, the schema kehu with row-level security on every table, and a login role for each kehu user. Every table is read back and its row count and SHA-256 compared with SQLite's; any difference rolls everything back."

    @OptionGroup var common: CommonOptions
    @Option(help: ArgumentHelp(tr("The PostgreSQL database: postgresql://… (see above)."))) var to: String

    func run() throws {
        let (strings, _) = common.strings()
        let address: PostgresAddress
        do {
            address = try PostgresAddress(to)
        } catch let problem as PostgresAddress.Problem {
            throw fail(strings.message(problem), code: ExitCodes.usage)
        }
        let (store, _, _) = try UserCommand.openAsAdmin(common)
        let login = try VerifiedLogin.fromKernel()
        if address.user.map({ $0 != login.name }) ?? false {
            throw fail(strings.postgresOtherUser(address.user ?? "", login: login.name), code: ExitCodes.usage)
        }
        let progress = ProgressLine(strings: strings, unit: .rows)
        let report: PostgresMoveReport
        do {
            report = try store.moveToPostgres(address, as: login, at: runClock().now) { _, done, total in progress?.update(done, of: total) }
            progress?.finish()
        } catch let problem as PostgresMoveProblem {
            progress?.finish()
            throw fail(strings.message(problem), code: ExitCodes.code(for: problem))
        } catch let error as StoreError {
            progress?.finish()
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
        for table in report.tables {
            print(strings.movedTable(table.name, rows: table.rows, checksum: String(table.checksum.prefix(16))))
        }
        print(strings.moved(to: report.address, tables: report.tables.count, rows: report.tables.reduce(0) { $0 + $1.rows },
                            logins: report.loginsMade))
    }
}
