/// `kehu` and `kehu --db FILE …` — the customer screen, what people run all day — are
/// read here, without ArgumentParser. Building even the open command's part of the tree
/// costs its reflection about 2 ms of protocol-conformance lookups (each new type and
/// protocol pair scans every conformance in the binary), an eighth of the time to the
/// first screen. Anything else — a subcommand, `--help`, `--version`, an option given
/// twice, a mistake — goes through ArgumentParser, with its usual messages.
enum ScreenArguments {
    static let valued: Set<String> = ["--db", "--lang", "--theme", "--keymap", "--as"]
    static let flags: Set<String> = ["--demo", "--no-mouse"]

    /// The screen's options when every argument is one of them (with its value), each
    /// given once; nil otherwise.
    static func parse(_ arguments: [String]) -> ScreenOptions? {
        var options = ScreenOptions()
        var seen: Set<String> = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name: String, value: String?
            if flags.contains(argument) {
                name = argument; value = nil
                index += 1
            } else if let equals = argument.firstIndex(of: "="), valued.contains(String(argument[..<equals])) {
                name = String(argument[..<equals]); value = String(argument[argument.index(after: equals)...])
                index += 1
            } else if valued.contains(argument), index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") {
                name = argument; value = arguments[index + 1]
                index += 2
            } else {
                return nil
            }
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "--db": options.db = value
            case "--lang": options.lang = value
            case "--theme": options.theme = value!
            case "--keymap": options.keymap = value!
            case "--as": options.asLogin = value
            case "--demo": options.demo = true
            case "--no-mouse": options.noMouse = true
            default: return nil
            }
        }
        return options
    }
}
