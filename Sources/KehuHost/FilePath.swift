import Foundation

/// Paths as text, for the few kehu works out at every start (where the binary is, and
/// so where its shipped files and a shared install's configuration are). Foundation's
/// `URL` did the same with `resolvingSymlinksInPath()` and `standardized`, which set up
/// its URL parsing and character tables on first use: 0.6 million instructions of a
/// 30-million start, before the first frame. These give the same answers (tested against
/// `URL` in `FilePathTests`).
public enum FilePath {
    /// `path` with every symbolic link on it followed (`realpath`); `path` itself,
    /// standardized, when some part of it does not exist (as `URL` leaves it).
    public static func resolvingLinks(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return standardized(path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An absolute `path` with its `.` parts removed and each `..` taking away the part
    /// before it, without looking at the disk; a relative one as it is.
    public static func standardized(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder an absolute `path` is in (`/` for `/` itself).
    public static func parent(_ path: String) -> String {
        let trimmed = standardized(path)
        guard let slash = trimmed.lastIndex(of: "/"), slash != trimmed.startIndex else { return "/" }
        return String(trimmed[..<slash])
    }
}
