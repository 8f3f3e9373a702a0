import ArgumentParser
import Foundation

@main
struct Kehu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kehu",
        abstract: "kehu 客户 — a keyboard-driven terminal CRM for sales teams.",
        discussion: """
            Without a sub-command kehu opens the customer screen. An installed, shared kehu opens \
            the team database its PREFIX/etc/kehu/kehu.toml names (--db and $KEHU_DB for admins only). \
            Otherwise the database is --db, else $KEHU_DB, else $XDG_DATA_HOME/kehu/kehu.db (created on first use). \
            You are who the system says you are (your login), never what a variable says.
            Exit codes: 0 ok, 2 usage, 3 not a kehu database, 4 newer schema, 5 locked, \
            6 damaged, 7 cannot open, 8 unknown user, 9 no usable terminal, 10 not allowed.
            """,
        subcommands: [OpenCommand.self, DemoCommand.self, InitCommand.self, UserCommand.self, TeamCommand.self, SettingCommand.self, ReportCommand.self, PurgeCommand.self, BackupCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// Everything kehu creates — a single user's database, exports, backups — is the
    /// user's alone unless a shared install says otherwise (SQLite gives `-wal` and `-shm`
    /// the database's own mode, so a shared database stays shared).
    static func main() {
        umask(0o077)
        main(nil)
    }
}
