import ArgumentParser

@main
struct Kehu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kehu",
        abstract: "kehu 客户 — a keyboard-driven terminal CRM for sales teams.",
        discussion: """
            Without a sub-command kehu opens the customer screen. The database is --db, \
            else $KEHU_DB, else $XDG_DATA_HOME/kehu/kehu.db (created on first use).
            Exit codes: 0 ok, 2 usage, 3 not a kehu database, 4 newer schema, 5 locked, \
            6 damaged, 7 cannot open, 8 unknown user, 9 no usable terminal, 10 not allowed.
            """,
        subcommands: [OpenCommand.self, DemoCommand.self, UserCommand.self, ReportCommand.self, PurgeCommand.self, BackupCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}
