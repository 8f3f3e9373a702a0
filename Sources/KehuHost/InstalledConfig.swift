import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `PREFIX/etc/kehu/kehu.toml`, written by `scripts/install --shared`: which database an
/// installed kehu opens for everyone. It is found relative to the running binary (as the
/// kernel names it, never `argv[0]`) and trusted only when nobody but root could have
/// written it: the file and every folder above it owned by root and not writable by
/// group or others (a sticky folder such as /tmp excepted), the file itself no link.
public struct InstalledConfig: Equatable, Sendable {
    public let path: String
    /// The team database everyone but an admin always gets.
    public let database: String

    /// Why a configuration file beside the binary was not used.
    public enum Problem: Error, Equatable, Sendable {
        case untrusted(path: String, reason: String)
        case malformed(path: String, line: Int)
        case noDatabase(path: String)
    }

    /// The configuration for the binary at `executablePath`: nil when there is none
    /// (a build in a checkout, a single user's install), a problem when one is there but
    /// may not be trusted or read.
    public static func find(executablePath: String) -> Result<InstalledConfig, Problem>? {
        let path = FilePath.standardized(FilePath.parent(FilePath.resolvingLinks(executablePath)) + "/../etc/kehu/kehu.toml")
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        if let reason = untrustedReason(path) { return .failure(.untrusted(path: path, reason: reason)) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return .failure(.untrusted(path: path, reason: "unreadable"))
        }
        return parse(text, path: path)
    }

    /// `database = "/srv/kehu/team.db"`; `#` starts a comment; other keys are left for
    /// later versions.
    static func parse(_ text: String, path: String) -> Result<InstalledConfig, Problem> {
        var database: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else { return .failure(.malformed(path: path, line: index + 1)) }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return .failure(.malformed(path: path, line: index + 1)) }
            value = String(value.dropFirst().dropLast())
            if key == "database" { database = value }
        }
        guard let database, database.hasPrefix("/") else { return .failure(.noDatabase(path: path)) }
        return .success(InstalledConfig(path: path, database: database))
    }

    /// Why `path` could have been written by someone other than root, or nil.
    static func untrustedReason(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "missing" }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return "not a regular file" }
        guard info.st_uid == 0 else { return "not owned by root" }
        guard info.st_mode & 0o022 == 0 else { return "writable by group or others" }
        var folder = FilePath.parent(path)
        while true {
            guard stat(folder, &info) == 0 else { return "\(folder) missing" }
            guard info.st_uid == 0 else { return "\(folder) not owned by root" }
            if info.st_mode & 0o022 != 0 && info.st_mode & UInt32(S_ISVTX) == 0 { return "\(folder) writable by group or others" }
            if folder == "/" { break }
            folder = FilePath.parent(folder)
        }
        return nil
    }
}
