import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuHost
import KehuStore

/// How every command comes in: the kernel names the person, the installed configuration
/// (if any) names the database, and the store's door scopes everything to that person.
struct Entrance {
    let store: KehuDatabase
    let me: UserProfile
    let login: VerifiedLogin
    let path: String
    /// What the user asked for and did not get (a `--db` an installed kehu ignores), to
    /// be told on the command line or in the status line.
    let notes: [String]

    /// Opens the database this run is about. `creating`: a single user's own file is
    /// created on first use (the screen does that; commands need one to exist).
    /// `quiet`: fail without a message (a login's brief says nothing to strangers).
    /// `checkingStructure`: run the day's structural check now, if due (the screen runs it
    /// behind its first frame instead).
    /// `forScreen`: the customer screen's, whose first reads run on the connection open
    /// already (`KehuDatabase.firstScreenDrawn()`).
    static func open(_ common: some SessionNaming, strings: Strings, creating: Bool = false,
                     busyTimeout: TimeInterval = KehuDatabase.defaultBusyTimeout, quiet: Bool = false,
                     checkingStructure: Bool = true, forScreen: Bool = false) throws -> Entrance {
        if quiet {
            guard let login = try? VerifiedLogin.fromKernel() else { throw ExitCode(ExitCodes.unknownUser) }
            if case .failure? = InstalledConfig.find(executablePath: executablePath()) { throw ExitCode(ExitCodes.cannotOpen) }
            let choice = try DatabaseChoice.make(common, strings: strings)
            guard let store = try? openDoor(choice.path, login: login, creating: false, busyTimeout: busyTimeout, forScreen: false), let me = store.profileAtOpening ?? (try? store.profile()) else {
                throw ExitCode(ExitCodes.unknownUser)
            }
            return Entrance(store: store, me: me, login: login, path: choice.path, notes: [])
        }
        let login = try kernelLogin(strings)
        let choice = try DatabaseChoice.make(common, strings: strings)
        try refuseForeignAddress(choice.namedElsewhere ?? choice.path, login: login, strings: strings)
        do {
            var store = try openDoor(choice.path, login: login, creating: creating && !choice.shared, busyTimeout: busyTimeout, forScreen: forScreen)
            var path = choice.path
            var notes: [String] = []
            if let named = choice.namedElsewhere {
                if try (store.profileAtOpening ?? store.profile()).user.role == .admin {
                    // An admin may open another file, with their own rights only.
                    try? store.close()
                    Privilege.dropForGood()
                    store = try openDoor(named, login: login, creating: creating, busyTimeout: busyTimeout, forScreen: forScreen)
                    path = named
                } else {
                    notes.append(strings.namedDatabaseIgnored(named, shared: choice.path))
                }
            }
            // A command that waits for another process's write says so (the screen shows it
            // in its own way, see OpenCommand).
            let waiting = strings[.waitingForLock]
            store.lockWait.onWaiting { printError(waiting) }
            if checkingStructure { try checkStructureIfDue(store) }
            return Entrance(store: store, me: try store.profileAtOpening ?? store.profile(), login: login, path: path, notes: notes)
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
    }

    /// The user's own file (the demo): opened with the user's rights alone.
    static func own(path: String, login: VerifiedLogin, strings: Strings, checkingStructure: Bool = true, forScreen: Bool = false) throws -> Entrance {
        Privilege.dropForGood()
        do {
            let store = try KehuDatabase.open(path: path, as: login, forScreen: forScreen)
            if checkingStructure { try checkStructureIfDue(store) }
            return Entrance(store: store, me: try store.profileAtOpening ?? store.profile(), login: login, path: path, notes: [])
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
    }

    /// A PostgreSQL address kehu cannot read, or one naming someone else's role: kehu
    /// connects as the kernel's login and nobody else (exit 2).
    private static func refuseForeignAddress(_ path: String, login: VerifiedLogin, strings: Strings) throws {
        guard PostgresAddress.isAddress(path) else { return }
        do {
            let address = try PostgresAddress(path)
            if let user = address.user, user != login.name {
                throw fail(strings.postgresOtherUser(user, login: login.name), code: ExitCodes.usage)
            }
        } catch let problem as PostgresAddress.Problem {
            throw fail(strings.message(problem), code: ExitCodes.usage)
        }
    }

    private static func openDoor(_ path: String, login: VerifiedLogin, creating: Bool, busyTimeout: TimeInterval, forScreen: Bool) throws -> KehuDatabase {
        // A PostgreSQL database is made by its administrator and filled by `kehu migrate`:
        // never created here.
        if PostgresAddress.isAddress(path) { return try KehuDatabase.open(postgres: try PostgresAddress(path), as: login) }
        return creating ? try KehuDatabase.openCreating(path: path, as: login, clock: runClock(), busyTimeout: busyTimeout, forScreen: forScreen)
                        : try KehuDatabase.open(path: path, as: login, busyTimeout: busyTimeout, forScreen: forScreen)
    }

    /// The first open of the day looks at the whole file's structure before any work:
    /// damage found is refused with exit 6, before anything is written.
    private static func checkStructureIfDue(_ store: KehuDatabase) throws {
        let today = runClock().today
        guard (try? store.structureCheckDue(today: today)) ?? true else { return }
        if let detail = store.checkStructure(today: today) { throw StoreError.damaged(path: store.path, detail: detail) }
    }

    /// Prints the notes to stderr, for commands.
    func tellNotes() { notes.forEach(printError) }
}

/// The person running kehu, from the kernel; a uid without a passwd entry is refused.
func kernelLogin(_ strings: Strings) throws -> VerifiedLogin {
    do { return try VerifiedLogin.fromKernel() }
    catch let unknown as VerifiedLogin.Unknown { throw fail(strings.noPasswdEntry(uid: unknown.uid), code: ExitCodes.unknownUser) }
}

/// Which file to open. An installed, shared kehu opens its configured team database for
/// everyone; a path named by `--db` or `KEHU_DB` is honoured there for admins only. Any
/// other kehu (a build in a checkout, a single user's install) opens the named file or
/// the one in `$XDG_DATA_HOME`, and gives up any group privilege it was started with.
struct DatabaseChoice {
    let path: String
    /// The installed team database, opened with kehu's group privilege.
    let shared: Bool
    /// A different file the user named, for an admin to open instead.
    let namedElsewhere: String?

    static func make(_ common: some SessionNaming, strings: Strings) throws -> DatabaseChoice {
        let environment = common.environment
        switch InstalledConfig.find(executablePath: executablePath()) {
        case .success(let config)?:
            let named = [common.db, environment["KEHU_DB"]].compactMap { $0 }.first { !$0.isEmpty }
                .map { DatabaseLocation.resolve(explicit: $0, environment: environment) }
            let elsewhere = named.flatMap { samePath($0, config.database) ? nil : $0 }
            return DatabaseChoice(path: config.database, shared: true, namedElsewhere: elsewhere)
        case .failure(let problem)?:
            printError(strings.message(problem))
            fallthrough
        case nil:
            Privilege.dropForGood()
            let path = DatabaseLocation.resolve(explicit: common.db, environment: environment)
            return DatabaseChoice(path: path, shared: false, namedElsewhere: nil)
        }
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardized.path == URL(fileURLWithPath: b).standardized.path
    }
}

/// A failure to read or write a file the user named, as a message and exit code 7.
func fail(_ problem: UserFiles.Problem, strings: Strings) -> ExitCode {
    fail(strings.message(problem), code: ExitCodes.cannotOpen)
}
