import ArgumentParser
import KehuApp

/// `kehu manual`: this manual page, in roff, from the commands' own help
/// (`kehu manual | man -l -`). The install writes it as kehu(1).
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: tr("Print kehu's manual page (roff), written from the commands' help: kehu manual | man -l -")
    )

    @Option(help: ArgumentHelp(tr("Interface language: zh or en (default: $KEHU_LANG, else the locale)."))) var lang: String?

    func run() throws {
        let keymap = Keymap().applying(ConfigLoader.builtinDefaultKeymap, file: "<built-in default keymap>").keymap
        print(ManualPage.render(try ManualPage.commandTree(), usage: Kehu.configuration.usage ?? "kehu", keymap: keymap,
                                language: CommandLineWords.language), terminator: "")
    }
}
