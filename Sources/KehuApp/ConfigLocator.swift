import Foundation
import KehuHost

/// Where keymap and theme files are found: the user's own folder first
/// (`$XDG_CONFIG_HOME/kehu`, default `~/.config/kehu`), then the shipped `keymaps/` and
/// `themes/` folders — beside the binary, in `../share/kehu`, or, for a binary built in a
/// checkout (`.build/debug/kehu`), in the checkout itself.
public struct ConfigLocator: Sendable {
    public let userDirectory: String
    public let shareDirectories: [String]

    public init(userDirectory: String, shareDirectories: [String]) {
        self.userDirectory = userDirectory
        self.shareDirectories = shareDirectories
    }

    public static func standard(environment: [String: String], executablePath: String) -> ConfigLocator {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
        var shares: [String] = []
        if let explicit = environment["KEHU_SHARE"], !explicit.isEmpty { shares.append(explicit) }
        let binary = FilePath.parent(FilePath.resolvingLinks(executablePath))
        shares.append(binary)
        shares.append(FilePath.standardized(binary + "/../share/kehu"))
        var folder = binary
        for _ in 0..<5 {
            folder = FilePath.parent(folder)
            shares.append(folder)
        }
        return ConfigLocator(userDirectory: configHome + "/kehu", shareDirectories: shares)
    }

    /// The shipped `keymaps/NAME.toml` or `themes/NAME.toml`, never the user's copy.
    public func shippedFile(kind: String, name: String) -> String? {
        shareDirectories.map { $0 + "/\(kind)/\(name).toml" }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// `keymaps/NAME.toml` or `themes/NAME.toml`: the user's copy, else the first shipped one.
    public func file(kind: String, name: String) -> String? {
        let relative = "\(kind)/\(name).toml"
        let fm = FileManager.default
        let user = userDirectory + "/" + relative
        if fm.fileExists(atPath: user) { return user }
        return shareDirectories.map { $0 + "/" + relative }.first { fm.fileExists(atPath: $0) }
    }

    /// The user's override file for single bindings.
    public var userKeymapFile: String { userDirectory + "/keymap.toml" }
}
