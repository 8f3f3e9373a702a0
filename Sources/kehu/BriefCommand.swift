import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuStore

/// `kehu brief`: what is waiting for me today, for an SSH login or a script.
struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: tr("Say what is waiting for you today: due and overdue, call-backs, birthdays, new comments, customers dropping to the pool tomorrow."),
        discussion: tr("With --login (for a profile script at SSH login) it says nothing, and exits 0, for anyone kehu does not know, and waits at most a second for a busy database.")
    )

    @OptionGroup var common: CommonOptions
    @Option(help: ArgumentHelp(tr("text or json.")), completion: .list(["text", "json"])) var format: String = "text"
    @Flag(help: ArgumentHelp(tr("Quiet for people who do not use kehu; never holds up a login."))) var login = false

    func run() throws {
        let (strings, _) = common.strings()
        guard format == "text" || format == "json" else { throw ValidationError(tr("unknown format \"%@\"; one of: text, json", format)) }
        let entrance: Entrance
        if login {
            // At a login nothing may go wrong loudly: not a kehu user, no database, a lock.
            guard let found = try? Entrance.open(common, strings: strings, busyTimeout: 1, quiet: true) else { return }
            entrance = found
        } else {
            entrance = try Entrance.open(common, strings: strings)
            entrance.tellNotes()
        }
        let clock = runClock()
        do {
            let brief = try BriefPresenter.brief(entrance.store, profile: entrance.me, today: clock.today)
            print(format == "json" ? BriefPresenter.json(brief) : BriefPresenter.text(brief, strings: strings), terminator: "")
        } catch let error as StoreError {
            if login { return }
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
    }
}
