import Foundation

/// Where kehu's database lives when none is named: `--db`, else `KEHU_DB`, else
/// `$XDG_DATA_HOME/kehu/kehu.db` (XDG's default `~/.local/share`).
public enum DatabaseLocation {
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return expandTilde(explicit, environment) }
        if let env = environment["KEHU_DB"], !env.isEmpty { return expandTilde(env, environment) }
        return dataDirectory(environment) + "/kehu.db"
    }

    /// The demo database sits beside the real one, so `--demo` never touches real data.
    public static func demo(environment: [String: String]) -> String {
        dataDirectory(environment) + "/demo.db"
    }

    public static func dataDirectory(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/kehu" }
        return home(environment) + "/.local/share/kehu"
    }

    static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    static func expandTilde(_ path: String, _ environment: [String: String]) -> String {
        path.hasPrefix("~/") ? home(environment) + path.dropFirst() : path
    }
}
