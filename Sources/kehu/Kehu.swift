import ArgumentParser
import Foundation
import TerminalBasics

@main
struct Kehu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kehu",
        abstract: tr("kehu 客户 — a keyboard-driven terminal CRM for sales teams."),
        usage: """
            kehu [--db <file>] [--demo] [--lang zh|en] [--theme <theme>] [--keymap <keymap>] [--as <login>] [--no-mouse]
            kehu <subcommand>
            """,
        discussion: tr("""
            Without a sub-command kehu opens the customer screen. An installed, shared kehu opens \
            the team database its PREFIX/etc/kehu/kehu.toml names (--db and $KEHU_DB for admins only). \
            Otherwise the database is --db, else $KEHU_DB, else $XDG_DATA_HOME/kehu/kehu.db (created on first use). \
            You are who the system says you are (your login), never what a variable says.
            Options of the customer screen: --db FILE the database, --demo the demo database (made on \
            first use), --lang zh|en the language, --theme and --keymap, --as LOGIN (admins). \
            kehu open --help says more; kehu --version prints the version.
            Exit codes: 0 ok, 2 usage, 3 not a kehu database, 4 newer schema, 5 locked, \
            6 damaged, 7 cannot open, 8 unknown user, 9 no usable terminal, 10 not allowed.
            """),
        version: KehuVersion.text,
        subcommands: [OpenCommand.self, DemoCommand.self, InitCommand.self, UserCommand.self, TeamCommand.self, SettingCommand.self, BriefCommand.self, ReportCommand.self, PurgeCommand.self, BackupCommand.self, CheckCommand.self, MigrateCommand.self, ExportCommand.self, ImportCommand.self, ManualCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// Everything kehu creates — a single user's database, exports, backups — is the
    /// user's alone unless a shared install says otherwise (SQLite gives `-wal` and `-shm`
    /// the database's own mode, so a shared database stays shared).
    static func main() {
        umask(0o077)
        let environment = ProcessInfo.processInfo.environment
        CommandLineWords.language = CommandLineWords.detect(CommandLine.arguments, environment: environment)
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let screen = ScreenArguments.parse(arguments) {
                try OpenCommand.open(screen)
            } else {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
        } catch {
            // Help and usage errors in the session's language; kehu's own failures have
            // said theirs already and only carry the exit code.
            let code = exitCode(for: error)
            // Unwrapped by ArgumentParser (it counts characters, not columns), wrapped by width here.
            var text = fullMessage(for: error, columns: 100_000)
            if CommandLineWords.language == .zh { text = CommandLineWords.chineseFrame(text) }
            text = HelpLayout.wrap(text, width: CommandLineWords.terminalColumns())
            if !text.isEmpty {
                if code == .success { print(text) } else { FileHandle.standardError.write(Data((text + "\n").utf8)) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
