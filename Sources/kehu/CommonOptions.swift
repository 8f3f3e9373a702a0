import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuStore

/// What names the database and the language of a run: the common options as
/// ArgumentParser read them, or as the screen's own quick reading did (`ScreenArguments`).
protocol SessionNaming {
    var db: String? { get }
    var lang: String? { get }
}

extension SessionNaming {
    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func strings() -> (Strings, problem: String?) {
        let (language, problem) = Language.resolve(option: lang, environment: environment)
        return (Strings(language), problem)
    }
}

/// Options every command understands.
struct CommonOptions: ParsableArguments, SessionNaming {
    @Option(name: .long, help: ArgumentHelp(tr("The database file or postgresql:// address (default: $KEHU_DB, else $XDG_DATA_HOME/kehu/kehu.db).")),
            completion: CompletionValues.database)
    var db: String?

    @Option(name: .long, help: ArgumentHelp(tr("Interface language: zh or en (default: $KEHU_LANG, else the locale).")),
            completion: CompletionValues.languages)
    var lang: String?
}

/// The running binary's real path, to find the shipped keymaps and themes beside it.
func executablePath() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}
