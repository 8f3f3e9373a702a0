import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuHost
import KehuStore

/// `kehu backup --to FILE`: a consistent copy while others keep working. Admins only.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: tr("Copy the whole database to a new file while others keep working (admins only).")
    )

    @OptionGroup var common: CommonOptions
    @Option(help: ArgumentHelp(tr("The new file (mode 0600, yours); kehu never overwrites one or follows a link."))) var to: String

    func run() throws {
        // A PostgreSQL database is backed up by PostgreSQL's own tools: say which and how.
        let named = DatabaseLocation.resolve(explicit: common.db, environment: common.environment)
        if PostgresAddress.isAddress(named) {
            let (strings, _) = common.strings()
            let database = (try? PostgresAddress(named).database) ?? "kehu"
            throw fail(strings.postgresBackup(database: database), code: ExitCodes.usage)
        }
        // (Taken for a file, an address was refused as "No such file or directory".)
        if PostgresAddress.isAddress(to) {
            let (strings, _) = common.strings()
            throw fail(strings.backupToAddress(to), code: ExitCodes.usage)
        }
        let (store, _, strings) = try UserCommand.openAsAdmin(common)
        do {
            try UserFiles.requireFree(to, replacing: false)
            // The copy is taken into memory and written with the admin's own rights.
            let progress = ProgressLine(strings: strings, unit: .percent)
            progress?.update(0, of: 1)
            defer { progress?.finish() }
            let image = try store.backupImage { done, total in progress?.update(done, of: total) }
            progress?.finish()
            try UserFiles.create(to, contents: image)
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        } catch let problem as UserFiles.Problem {
            throw fail(problem, strings: strings)
        }
        print(strings.backedUp(to))
    }
}

/// `kehu check`: SQLite's integrity and foreign-key checks and kehu's own, in words.
/// Exit 0 when all is well, 6 when something is wrong. Reads only.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: tr("Check the database: integrity, references, customer codes (admins only; reads only; exit 6 when something is wrong).")
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let (store, _, strings) = try UserCommand.openAsAdmin(common, checkingStructure: false)
        let path = store.path
        let problems: [HealthProblem]
        do {
            problems = try store.check()
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
        if problems.isEmpty {
            print(strings.checkPassed(path))
            return
        }
        for problem in problems { print(strings.message(problem)) }
        throw fail(strings.problemsFound(problems.count), code: 6)
    }
}
