import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuStore

/// `kehu setting list|set`: the company's rules as numbers (cadence, pool, churn, KPI
/// targets, who may export …). Admins only: on a shared server nobody else can reach
/// the database to change them.
struct SettingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setting",
        abstract: tr("List or change company settings (admins only)."),
        subcommands: [List.self, Set.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: tr("List the settings changed from their defaults."))
        @OptionGroup var common: CommonOptions

        func run() throws {
            let (store, _, _) = try UserCommand.openAsAdmin(common)
            for (key, value) in try store.settings() { print("\(key)\t\(value)") }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Change one setting, e.g. kehu setting set export.roles \"admin,salesManager,supervisor\"."),
            discussion: tr("Keys: cadence.A … cadence.D (days), pool.* , churn.warnMonths, churn.lostMonths, contract.officeLimitYuan, contract.directorAboveYuan, downgrade.*, kpi.*, funnel.probability.A … D, export.roles, retention.years.")
        )
        @OptionGroup var common: CommonOptions
        @Argument var key: String
        @Argument var value: String

        func run() throws {
            let (store, actor, strings) = try UserCommand.openAsAdmin(common)
            guard KehuDatabase.settingFamilies.contains(where: { key == $0 || (key.hasPrefix($0) && $0.hasSuffix(".")) }) else {
                throw fail(strings.unknownSetting(key, families: KehuDatabase.settingFamilies), code: 2)
            }
            do { try store.setSetting(key, to: value, by: actor) }
            catch let error as StoreError { throw fail(strings.message(error), code: ExitCodes.code(for: error)) }
            print("\(key)\t\(value)")
        }
    }
}
