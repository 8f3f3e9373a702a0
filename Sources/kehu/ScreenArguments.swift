/// `kehu` and `kehu --db FILE …` — the customer screen, what people run all day — are
/// parsed by the open command alone. Building the whole command tree costs ArgumentParser
/// about 7 ms of protocol-conformance lookups (half the instructions of `kehu --version`),
/// a quarter of the time to the first screen. Anything else — a subcommand, `--help`,
/// `--version`, a mistake — goes through the whole tree, with its usual messages.
enum ScreenArguments {
    static let valued: Set<String> = ["--db", "--lang", "--theme", "--keymap", "--as"]
    static let flags: Set<String> = ["--demo"]

    /// True when every argument is an option of the screen (with its value).
    static func only(_ arguments: [String]) -> Bool {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if flags.contains(argument) {
                index += 1
            } else if let equals = argument.firstIndex(of: "="), valued.contains(String(argument[..<equals])) {
                index += 1
            } else if valued.contains(argument), index + 1 < arguments.count {
                index += 2
            } else {
                return false
            }
        }
        return true
    }
}
