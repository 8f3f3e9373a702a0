import ArgumentParser
import Foundation
import KehuDemo
import KehuApp
import KehuCore
import KehuHost
import KehuStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: tr("Write a demo database of a Chinese sales company."),
        discussion: tr("""
            Three regional teams with a supervisor, four salespeople and an assistant each, a sales \
            manager, customers across real provinces and cities, a year of calls and visits, and open \
            intent cards due around today (some overdue). The same --seed gives the same data. \
            The login running this command becomes the database's admin. An existing file is never overwritten.
            """)
    )

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp(tr("How many customers (1 to 1,000,000).")))
    var customers: Int = 2_000

    @Option(help: ArgumentHelp(tr("Seed for the random choices: the same seed gives the same database.")))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(tr("Pretend today is this date (YYYY-MM-DD); histories end and cards fall due around it.")))
    var today: String?

    func validate() throws {
        guard (1...1_000_000).contains(customers) else {
            throw ValidationError(tr("--customers must be between 1 and 1000000, not %@", String(customers)))
        }
        if let today, DateParsing.date(today) == nil {
            throw ValidationError(tr("--today \"%@\" is not a date like 2026-11-22", today))
        }
    }

    func run() throws {
        let (strings, _) = common.strings()
        let login = try kernelLogin(strings)
        // A demo is the user's own new file: no group privilege needed or kept.
        Privilege.dropForGood()
        let path = DatabaseLocation.resolve(explicit: common.db, environment: common.environment)
        // (Taken for a file, an address made a folder named "postgresql:".)
        if PostgresAddress.isAddress(path) { throw fail(strings.demoIsAFile(path), code: ExitCodes.usage) }
        let summary: DemoSummary
        do {
            summary = try makeDemo(at: path, customers: customers, seed: seed, today: today.flatMap(DateParsing.date), creator: login, strings: strings)
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
        print(strings.demoWritten(path, customers: summary.customers, contacts: summary.contacts,
                                  activities: summary.activities, cards: summary.cards, users: summary.users))
    }
}

/// Builds a demo database, with a progress bar on a terminal.
func makeDemo(at path: String, customers: Int, seed: UInt64, today: LocalDate?, creator: VerifiedLogin, strings: Strings) throws -> DemoSummary {
    var now = runClock().now
    if let today { now = LocalDateTime(date: today, hour: 9, minute: 30)! }
    // The whole job, not only its customers: indexes and statistics after them take a
    // third of a large demo's time.
    let progress = ProgressLine(strings: strings, unit: .percent)
    progress?.update(0, of: 1)
    defer { progress?.finish() }
    let summary = try DemoDatabase.create(at: path, options: DemoOptions(customers: customers, seed: seed, now: now,
                                                                         creatorLogin: creator.name)) { done, total in
        progress?.update(done, of: total)
    }
    // The day's calendar rules (pool drops, churn, downgrades) are part of a ready demo:
    // its first start has nothing left to apply, so the first screen is the whole day.
    let store = try KehuDatabase.open(path: path, as: creator)
    try store.applyCompanyRules(today: now.date, by: Actor(login: "kehu", clock: FixedClock(now)))
    try store.close()
    return summary
}
