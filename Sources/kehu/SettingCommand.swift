import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuStore

/// `kehu settings list|get|set`: the company's rules as values (cadence, pool, churn, KPI
/// targets, who may export, the spot check …). Every key is known, every value checked
/// before it is stored, every change audited. Admins only: on a shared server nobody
/// else can reach the database to change them. (`kehu setting` still works.)
struct SettingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: tr("List, read or change company settings (admins only)."),
        subcommands: [List.self, Get.self, Set.self],
        aliases: ["setting"]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("List every setting: key, value in force, whether the company set it, what it means."))
        @OptionGroup var common: CommonOptions

        func run() throws {
            let (store, _, strings) = try UserCommand.openAsAdmin(common)
            for entry in try store.settingsInForce() {
                let meaning = strings.language == .zh ? entry.setting.meaning.zh : entry.setting.meaning.en
                print([entry.setting.key, entry.value, entry.isSet ? strings.settingSetMark : strings.settingDefaultMark, meaning]
                    .joined(separator: "\t"))
            }
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: tr("Print the value in force of one setting."))
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(tr("The setting's key, e.g. pool.claimLimit.")), completion: CompletionValues.settingKeys) var key: String

        func run() throws {
            let (store, _, strings) = try UserCommand.openAsAdmin(common)
            guard let entry = try store.settingsInForce().first(where: { $0.setting.key == key }) else {
                throw fail(strings.settingRefused(key, .unknownKey), code: ExitCodes.usage)
            }
            print(entry.value)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Change one setting, e.g. kehu settings set export.roles \"admin,salesManager,supervisor\"."),
            discussion: tr("kehu settings list shows every key with its value and meaning. A value the setting cannot take is refused with exit 2 and nothing changes.")
        )
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(tr("The setting's key, e.g. pool.claimLimit.")), completion: CompletionValues.settingKeys) var key: String
        @Argument(help: ArgumentHelp(tr("The new value."))) var value: String

        func run() throws {
            let (store, actor, strings) = try UserCommand.openAsAdmin(common)
            let stored: String
            do { stored = try store.setSetting(key, to: value, by: actor) }
            catch let error as StoreError { throw fail(strings.message(error), code: ExitCodes.code(for: error)) }
            print("\(key)\t\(stored)")
        }
    }
}
