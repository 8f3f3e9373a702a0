import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuStore

/// `kehu purge`: removes customers whose business was all settled longer ago than the
/// retention period (3 years by default). Admins only; asks before removing anything.
struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: tr("List (--dry-run) or remove customers past the retention period (admins only)."),
        discussion: tr("""
            A customer is purged when all its orders are settled, the last settlement is older \
            than the retention period (setting retention.years, default 3), no card is open and \
            nothing was logged since. Each removal leaves one audit entry.
            """)
    )

    @OptionGroup var common: CommonOptions
    @Flag(help: ArgumentHelp(tr("Only list what would be removed."))) var dryRun = false
    @Flag(help: ArgumentHelp(tr("Remove without asking (for scripts)."))) var yes = false

    func run() throws {
        let (store, actor, strings) = try UserCommand.openAsAdmin(common)
        let today = actor.clock.today
        let candidates = try store.purgeCandidates(today: today)
        guard !candidates.isEmpty else {
            print(strings.nothingToPurge)
            return
        }
        let rows: [[ReportCell]] = candidates.map {
            [.text($0.code), .text($0.name), .text($0.lastSettled.description), .count($0.orders), .count($0.activities)]
        }
        let table = ReportTable(name: "purge", title: strings.purgeTitle,
                                sections: [.init(title: strings.purgeSection,
                                                 columns: strings.purgeColumns,
                                                 rows: rows)],
                                emptyText: "")
        print(table.rendered(as: .text), terminator: "")
        if dryRun { return }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw fail(strings.purgeNeedsTerminal, code: 2)
            }
            print(strings.purgeConfirm(candidates.count), terminator: "")
            guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                print(strings.nothingRemoved)
                return
            }
        }
        do {
            let removed = try store.purge(today: today, by: actor)
            print(strings.purged(removed.count))
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
    }
}
