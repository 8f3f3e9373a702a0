import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuHost
import KehuStore
import KehuTUI
import TerminalUI

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: tr("Open the customer screen (what plain `kehu` does).")
    )

    @OptionGroup var common: CommonOptions

    @Flag(help: ArgumentHelp(tr("Open the demo database in your data folder, creating it on first use.")))
    var demo = false

    @Option(help: ArgumentHelp(tr("Colour theme: dark, vivid, light, high-contrast, mono, or one in $XDG_CONFIG_HOME/kehu/themes.")), completion: CompletionValues.themes)
    var theme: String = "dark"

    @Option(help: ArgumentHelp(tr("Keymap: default, vim, emacs, or one in $XDG_CONFIG_HOME/kehu/keymaps.")), completion: CompletionValues.keymaps)
    var keymap: String = "default"

    @Flag(name: .customLong("no-mouse"), help: ArgumentHelp(tr("Leave the mouse to the terminal (its own selection and copy); also `mouse = false` in $XDG_CONFIG_HOME/kehu/terminal.toml.")))
    var noMouse = false

    @Option(name: .customLong("as"), help: ArgumentHelp(tr("Admins only: open kehu as this user, to see what they see.")), completion: CompletionValues.logins)
    var asLogin: String?

    func run() throws {
        try Self.open(ScreenOptions(db: common.db, lang: common.lang, demo: demo, theme: theme, keymap: keymap,
                                    noMouse: noMouse, asLogin: asLogin))
    }

    /// The customer screen with these options: what `run` does, and what `kehu` with only
    /// the screen's options does without building the command tree (`ScreenArguments`).
    static func open(_ options: ScreenOptions) throws {
        let (strings, languageProblem) = options.strings()
        let environment = options.environment
        let locator = ConfigLocator.standard(environment: environment, executablePath: executablePath())
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        // Keymaps, themes and terminal settings are the user's files: read with the user's
        // own rights.
        let readSettings = {
            Privilege.asUser {
                (ConfigLoader.keymap(named: options.keymap, locator: locator),
                 ConfigLoader.theme(named: options.theme, monochrome: noColor, locator: locator),
                 TerminalPreferences.load(locator: locator))
            }
        }
        // They are read on a second thread while the database opens (a millisecond of the
        // start), unless kehu holds its group privilege: then reading as the user sets the
        // group aside for a moment, which must not happen while the team's database is
        // being opened, so they are read after it.
        let settingsBeside = Privilege.isHeld ? nil : SideWork(readSettings)
        defer { settingsBeside?.wait() }
        let entrance: Entrance
        if options.demo {
            if options.db != nil { throw ValidationError(tr("--demo and --db name two different databases; give one")) }
            let login = try kernelLogin(strings)
            // The demo is the user's own file, in their own data folder.
            Privilege.dropForGood()
            let path = DatabaseLocation.demo(environment: environment)
            if !FileManager.default.fileExists(atPath: path) {
                do { _ = try makeDemo(at: path, customers: 2_000, seed: 1, today: nil, creator: login, strings: strings) }
                catch let error as StoreError { throw fail(strings.message(error), code: ExitCodes.code(for: error)) }
            }
            entrance = try Entrance.own(path: path, login: login, strings: strings, checkingStructure: false, forScreen: true)
        } else {
            entrance = try Entrance.open(options, strings: strings, creating: true, checkingStructure: false, forScreen: true)
        }
        let osLogin = entrance.login.name
        let clock = runClock()
        // Everything this session reads or writes is limited to what this person may see.
        var store = entrance.store
        // Who the screen is for: the entrance read it already, unless an admin views as
        // someone else (one read less at every start; on PostgreSQL a round trip).
        var profile = entrance.me
        if let asLogin = options.asLogin, asLogin != osLogin {
            guard entrance.me.user.role == .admin else { throw fail(strings.asRefused(osLogin), code: ExitCodes.notAllowed) }
            do { store = try store.viewing(as: asLogin) }
            catch let error as StoreError { throw fail(strings.message(error), code: ExitCodes.code(for: error)) }
            profile = try store.profile()
        }
        let login = profile.user.login

        let settings = try settingsBeside?.result() ?? readSettings()
        let (keys, keyProblems) = settings.0
        var (chosenTheme, themeProblems) = settings.1
        let (preferences, preferenceProblems) = settings.2
        // Over SSH a key's bytes can arrive apart: a lone Esc waits longer for what follows.
        let overSSH = !(environment["SSH_CONNECTION"] ?? "").isEmpty || !(environment["SSH_TTY"] ?? "").isEmpty
        // The terminal is set up on a second thread while this one reads the first screen
        // (its list page and the selected card): one after the other they took 1.4 and
        // 3.5 ms of a 20 ms start. Only reads run beside it: the database was opened, and
        // the user's files read, before.
        let monochrome = noColor || chosenTheme.name == "mono", mouse = preferences.mouse && !options.noMouse
        NcursesBackend.prepareProcess()
        let terminal = SideWork { try NcursesBackend(monochrome: monochrome, mouse: mouse, overSSH: overSSH, processPrepared: true) }
        let viewModel = MainViewModel(store: store, strings: strings, keymap: keys, login: login,
                                      profile: profile, clock: clock, actingLogin: osLogin)
        // At the size the terminal driver says (ncurses is still being set up beside), so
        // the first screen is read and laid out once.
        viewModel.start(at: NcursesBackend.driverWindowSize().flatMap(MainScreen.viewport(for:)))
        let backend: NcursesBackend
        do {
            backend = try terminal.result()
        } catch let error as NcursesBackend.StartError {
            switch error {
            case .notATerminal: throw fail(strings[.needsTerminal], code: ExitCodes.noTerminal)
            case .cannotDraw(let term): throw fail(strings.terminalCannotDraw(term), code: ExitCodes.noTerminal)
            }
        }
        if backend.colorCount == 0, chosenTheme.name != "mono" {
            (chosenTheme, themeProblems) = Privilege.asUser { ConfigLoader.theme(named: options.theme, monochrome: true, locator: locator) }
        }

        var notes = entrance.notes
        if store.isReadOnly { notes.append(strings[.openedReadOnly]) }
        if let languageProblem { notes.append(strings.unknownLanguage(languageProblem)) }
        if let unknown = backend.unknownTerminal { notes.append(strings.terminalFallback(unknown, as: NcursesBackend.fallbackTerminal)) }
        if let first = preferenceProblems.first { notes.append(strings.message(first, short: true)) }
        if let first = keyProblems.first {
            notes.append(strings.message(first, short: true) + (keyProblems.count > 1 ? " (+\(keyProblems.count - 1))" : "") + " — " + strings[.keymapFallback])
        }
        if let first = themeProblems.first {
            notes.append(strings.message(first, short: true) + (themeProblems.count > 1 ? " (+\(themeProblems.count - 1))" : "") + " — " + strings[.themeFallback])
        }
        if !notes.isEmpty {
            // The first reads ran already: a failure of theirs is said first.
            let failed = viewModel.message.flatMap { $0.kind == .error ? [$0.text] : nil } ?? []
            viewModel.show((failed + notes).joined(separator: " | "), kind: .error)
        }

        // Right after the first frame: on the first open of the day, the structural check,
        // behind the screen (keys are answered meanwhile; a save waits for its verdict, and
        // damage found means nothing is written, the rules included); then the company
        // rules, which apply whenever kehu runs, no cron job needed (the first start of a
        // day does the work, later ones find it done). (A read-only file is shown as it
        // is: the rules wait for someone who may write.) Whether either is due is asked
        // after the first frame too: two reads the first screen does not need.
        let today = clock.today
        var checkBegun = false
        let afterFirstFrame: () -> Bool? = {
            if !checkBegun {
                checkBegun = true
                if (try? store.structureCheckDue(today: today)) ?? true {
                    store.checkStructureBehind(today: today, before: heldCheck())
                }
            }
            if store.damage.checkUnderWay { return nil }
            if store.damage.detail != nil { return false }
            do {
                guard try !store.isReadOnly && !store.companyRulesApplied(today: today) else { return false }
                try store.applyCompanyRules(today: today, by: Actor(login: "kehu", clock: clock))
                return true
            } catch {
                viewModel.show(strings.screenMessage(error), kind: .error)
                return false
            }
        }
        // A save that waits for a colleague's write says so on screen instead of freezing.
        // Told on the writing thread while the run loop waits inside that write, so the
        // screen still has one user at a time.
        nonisolated(unsafe) let waitingBackend = backend
        nonisolated(unsafe) let waitingScreen = MainScreen(theme: chosenTheme)
        let waitingText = strings[.waitingForLock]
        store.lockWait.onWaiting {
            guard let last = waitingBackend.lastFrame else { return }
            waitingBackend.present(waitingScreen.notice(waitingText, over: last))
        }
        let checkingText = strings[.waitingForCheck]
        store.damage.onWaitingForCheck {
            guard let last = waitingBackend.lastFrame else { return }
            waitingBackend.present(waitingScreen.notice(checkingText, over: last))
        }
        // Damage the check found, or any read met, is said once; nothing more is saved.
        var damageSaid = false
        // Colleagues' commits appear by themselves: a watcher on the file, asked while idle.
        // It has a connection of its own, opened after the first frame (the first screen
        // does not need it); a commit that came between the first reads and the watcher is
        // caught by the newest change then.
        var watcher: ChangeWatcher?
        var missed = false
        let firstWork: () -> Bool? = deliberateCrash().map { crash in { crash() } } ?? afterFirstFrame
        var firstAsked = false
        let afterFirst: () -> Bool? = {
            if !firstAsked {
                firstAsked = true
                // The first screen's reads ran on the writer connection; from now on the
                // readers take them, the card's read first, before any key.
                if store.firstScreenDrawn() { viewModel.prepareTheCardForKeys() }
                watcher = try? store.changeWatcher()
                missed = viewModel.changedSinceStart()
            }
            let done = firstWork()
            if done != nil { store.copyLogIntoDatabase() }
            return done
        }
        let changed: () -> Bool = {
            if !damageSaid, store.damage.detail != nil {
                damageSaid = true
                viewModel.show(strings[.databaseDamaged], kind: .error)
            }
            let seen = watcher?.hasChanged() ?? false
            defer { missed = false }
            return seen || missed
        }
        let code = TerminalApp(viewModel: viewModel, theme: chosenTheme, started: true, afterFirstFrame: afterFirst, changed: changed).run(on: backend)
        watcher?.close()
        backend.stop()
        try? store.close()
        // Problems stay readable after the screen is gone.
        for problem in keyProblems + themeProblems { printError(strings.message(problem)) }
        entrance.tellNotes()
        if code != 0 { throw ExitCode(code) }
    }
}

/// The customer screen's options, however they were read.
struct ScreenOptions: SessionNaming, Equatable {
    var db: String?
    var lang: String?
    var demo = false
    var theme = "dark"
    var keymap = "default"
    var noMouse = false
    var asLogin: String?
}
