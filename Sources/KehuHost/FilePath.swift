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
    /// before it, without looking at the disk; a relative one as it is. Worked out on the
    /// UTF-8 bytes (a `/` byte is always a slash there): splitting by Character set up
    /// Unicode's grapheme tables, 75,000 instructions a call at start.
    public static func standardized(_ path: String) -> String {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        guard path.utf8.first == slash else { return path }
        var parts: [ArraySlice<UInt8>] = []
        for part in Array(path.utf8).split(separator: slash) {
            if part.elementsEqual([dot]) { continue }
            if part.elementsEqual([dot, dot]) {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        var bytes: [UInt8] = []
        for part in parts {
            bytes.append(slash)
            bytes.append(contentsOf: part)
        }
        return bytes.isEmpty ? "/" : String(decoding: bytes, as: UTF8.self)
    }

    /// The folder an absolute `path` is in (`/` for `/` itself).
    public static func parent(_ path: String) -> String {
        let bytes = Array(standardized(path).utf8)
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash > 0 else { return "/" }
        return String(decoding: bytes[..<slash], as: UTF8.self)
    }
}
