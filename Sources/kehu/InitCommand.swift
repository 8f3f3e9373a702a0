import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuHost
import KehuStore

/// `kehu init --admin LOGIN`: a new, empty database with its first admin, ready for
/// `kehu team add` and `kehu user add`. The shared install runs it as root to name the
/// installing admin; anyone else may only name themselves.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: tr("Create a new, empty database with its first admin (root may name any login; others themselves)."),
        discussion: tr("An installed kehu creates its configured team database; otherwise --db or the default. An existing database is never touched.")
    )

    @OptionGroup var common: CommonOptions
    @Option(help: ArgumentHelp(tr("The admin's operating-system login.")), completion: CompletionValues.logins) var admin: String?
    @Option(help: ArgumentHelp(tr("The admin's display name, e.g. 王芳."))) var name: String?

    func run() throws {
        let (strings, _) = common.strings()
        let login = try kernelLogin(strings)
        let adminLogin = admin ?? login.name
        guard login.isRoot || adminLogin == login.name else { throw fail(strings.initOnlyOwnLogin(login.name), code: ExitCodes.notAllowed) }
        let choice = try DatabaseChoice.make(common, strings: strings)
        let path: String
        if let named = choice.namedElsewhere {
            // Only root sets up a database other than the configured one here.
            guard login.isRoot else { throw fail(strings.namedDatabaseIgnored(named, shared: choice.path), code: ExitCodes.notAllowed) }
            path = named
        } else {
            path = choice.path
        }
        if FileManager.default.fileExists(atPath: path) {
            throw fail(strings.message(StoreError.cannotOpen(path: path, detail: strings.fileAlreadyThereLeftAlone)),
                       code: ExitCodes.cannotOpen)
        }
        do {
            let store = try KehuDatabase.create(path: path, admin: adminLogin, displayName: name, clock: runClock())
            try store.close()
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
        print(strings.databaseInitialised(path, admin: adminLogin))
    }
}
