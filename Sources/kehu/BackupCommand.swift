import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuStore

/// `kehu backup --to FILE`: a consistent copy while others keep working. Admins only.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the whole database to a new file while others keep working (admins only)."
    )

    @OptionGroup var common: CommonOptions
    @Option(help: "The new file; kehu never overwrites one.") var to: String

    func run() throws {
        let (store, _, strings) = try UserCommand.openAsAdmin(common)
        do {
            try store.backup(to: to)
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
        print(strings.language == .zh ? "已备份到 \(to)" : "Backed up to \(to)")
    }
}

/// `kehu check`: SQLite's integrity and foreign-key checks and kehu's own, in words.
/// Exit 0 when all is well, 6 when something is wrong. Reads only.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database: integrity, references, customer codes (reads only; exit 6 when something is wrong)."
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let (strings, _) = common.strings()
        let path = DatabaseLocation.resolve(explicit: common.db, environment: common.environment)
        let problems: [HealthProblem]
        do {
            let store = try KehuDatabase.open(path: path, create: false)
            guard let me = try store.profile(login: currentLogin()), me.user.active else {
                throw fail(strings.unknownUser(currentLogin(), database: path), code: ExitCodes.unknownUser)
            }
            problems = try store.check()
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
        if problems.isEmpty {
            print(strings.language == .zh ? "\(path)：检查通过，没有发现问题。" : "\(path): all checks passed.")
            return
        }
        for problem in problems { print(strings.message(problem)) }
        throw fail(strings.language == .zh ? "发现 \(problems.count) 个问题" : "\(problems.count) problems found", code: 6)
    }
}
