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
        discussion: tr("An installed kehu creates its configured team database; otherwise --db or the default. A postgresql://… address sets kehu up in that empty database, as kehu migrate does (the same checks). An existing database is never touched.")
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
        if PostgresAddress.isAddress(path) {
            try initialisePostgres(path, admin: adminLogin, login: login, strings: strings)
            return
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

    /// A new, empty kehu database on a PostgreSQL server: the database a new file would be
    /// (its admin and the company's starting settings), made in a private temporary folder
    /// and moved in exactly as `kehu migrate` moves a team, with its checks (an empty
    /// database, UTF-8 with a character type that knows Chinese, a role that may make
    /// kehu's roles) and its verification. Nothing stays behind on this machine.
    private func initialisePostgres(_ path: String, admin: String, login: VerifiedLogin, strings: Strings) throws {
        let address: PostgresAddress
        do { address = try PostgresAddress(path) } catch let problem as PostgresAddress.Problem {
            throw fail(strings.message(problem), code: ExitCodes.usage)
        }
        // kehu connects as the kernel's login and nobody else.
        if let user = address.user, user != login.name {
            throw fail(strings.postgresOtherUser(user, login: login.name), code: ExitCodes.usage)
        }
        // Nothing here needs an installed kehu's group: the folder and file are the user's own.
        Privilege.dropForGood()
        var template = Array((NSTemporaryDirectory() + "/kehu-init-XXXXXX").utf8CString)
        guard let folder = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
            throw fail(strings.message(StoreError.cannotOpen(path: NSTemporaryDirectory(), detail: String(cString: strerror(errno)))),
                       code: ExitCodes.cannotOpen)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let store = try KehuDatabase.create(path: folder + "/new.db", admin: admin, displayName: name, clock: runClock())
            defer { try? store.close() }
            let report = try store.moveToPostgres(address, as: login, at: runClock().now)
            print(strings.databaseInitialised(report.address, admin: admin))
        } catch PostgresMoveProblem.targetNotEmpty {
            throw fail(strings.message(StoreError.cannotOpen(path: address.shown, detail: strings.kehuDatabaseAlreadyThereLeftAlone)),
                       code: ExitCodes.cannotOpen)
        } catch let problem as PostgresMoveProblem {
            throw fail(strings.message(problem), code: ExitCodes.code(for: problem))
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
    }
}
