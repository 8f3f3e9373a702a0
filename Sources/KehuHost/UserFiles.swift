import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files a user names on the command line (a file to import, `--out`, a rejects file, a
/// backup target), read and written with that user's own rights (`Privilege.asUser`), so
/// the kernel refuses whatever the user could not open without kehu — the team database
/// above all. A new file is written beside its target under a name nobody can predict,
/// created exclusively without following links, mode 0600, and only then given its name:
/// never half a file at the path, no planted link followed, nothing overwritten unless
/// asked.
public enum UserFiles {
    /// Why a user's file could not be read or written; the path is the one they named.
    public enum Problem: Error, Equatable, Sendable {
        /// There is already something at the path (a file, a link, a folder).
        case exists(path: String)
        /// The kernel refused or the disk failed; `reason` is the system's own words.
        case cannotRead(path: String, reason: String)
        case cannotWrite(path: String, reason: String)
        /// The disk (or the user's quota) is full.
        case diskFull(path: String)
    }

    /// The whole file at `path`, read with the user's rights.
    public static func read(_ path: String) throws -> Data {
        try Privilege.asUser {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw Problem.cannotRead(path: path, reason: systemReason()) }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw Problem.cannotRead(path: path, reason: systemReason()) }
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw Problem.cannotRead(path: path, reason: String(cString: strerror(EISDIR))) }
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Problem.cannotRead(path: path, reason: systemReason())
                }
                if count == 0 { break }
                data.append(contentsOf: buffer[0..<count])
            }
            return data
        }
    }

    /// A file opened with the user's rights and read later a piece at a time, from the
    /// start as often as asked: an import of a million rows holds one piece, not the file.
    public final class OpenedFile: Sendable {
        public let path: String
        public let size: Int
        private let descriptor: Int32

        init(path: String, size: Int, descriptor: Int32) {
            self.path = path
            self.size = size
            self.descriptor = descriptor
        }

        deinit { close(descriptor) }

        /// A path that opens this very file again, whatever its name now points to (the
        /// kernel's link to the open descriptor), for a reader that must seek: a workbook's
        /// zip is read from its directory at the end. Valid while this stays open.
        public var reopeningPath: String { "/proc/self/fd/\(descriptor)" }

        /// The bytes in order, in pieces of up to 256 KB.
        public func pieces(_ each: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
            var buffer = [UInt8](repeating: 0, count: 1 << 18)
            var offset: off_t = 0
            while true {
                let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Problem.cannotRead(path: path, reason: systemReason())
                }
                if count == 0 { return }
                offset += off_t(count)
                try buffer.withUnsafeBufferPointer { try each(UnsafeBufferPointer(rebasing: $0[..<count])) }
            }
        }
    }

    /// The file at `path`, opened with the user's rights (a regular file only).
    public static func openForReading(_ path: String) throws -> OpenedFile {
        try Privilege.asUser {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw Problem.cannotRead(path: path, reason: systemReason()) }
            var info = stat()
            guard fstat(fd, &info) == 0 else { let reason = systemReason(); close(fd); throw Problem.cannotRead(path: path, reason: reason) }
            guard (info.st_mode & S_IFMT) == S_IFREG else { close(fd); throw Problem.cannotRead(path: path, reason: String(cString: strerror(EISDIR))) }
            return OpenedFile(path: path, size: Int(info.st_size), descriptor: fd)
        }
    }

    /// Refuses early, before any work, when `path` is taken and may not be replaced.
    public static func requireFree(_ path: String, replacing: Bool) throws {
        guard !replacing else { return }
        try Privilege.asUser {
            var info = stat()
            if lstat(path, &info) == 0 { throw Problem.exists(path: path) }
        }
    }

    /// Writes `data` as a new file at `path` (mode 0600, the user's own), replacing what is
    /// there only when `replacing` — and then the link itself, never what it points to.
    /// The bytes go first into a file without a name (O_TMPFILE), named only once whole:
    /// killed at any moment, even by SIGKILL, kehu leaves nothing in the folder.
    public static func create(_ path: String, contents data: Data, replacing: Bool = false) throws {
        try Privilege.asUser {
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            let unnamed = open(folder, unnamedFileFlags, 0o600)
            if unnamed >= 0 {
                defer { close(unnamed) }
                try fill(unnamed, with: data, for: path)
                if try name(unnamed, path: path, folder: folder, replacing: replacing) { return }
            }
            // A file system without unnamed files, or a process that may not name one (a
            // setgid kehu cannot reach its own /proc/self/fd): a named file nobody can predict.
            let temporary = temporaryName(for: url)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw writeFailure(path) }
            var named = false
            defer { if !named { unlink(temporary) } }
            do {
                defer { close(fd) }
                try fill(fd, with: data, for: path)
            }
            try give(temporary, to: path, replacing: replacing)
            named = true
        }
    }

    /// O_TMPFILE (not exported to Swift): `__O_TMPFILE | O_DIRECTORY`, on the folder.
    static let unnamedFileFlags: Int32 = 0o20000000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC

    static func temporaryName(for url: URL) -> String {
        url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".kehu-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    /// Writes all of `data` and makes it durable.
    private static func fill(_ fd: Int32, with data: Data, for path: String) throws {
        _ = fchmod(fd, 0o600)
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw writeFailure(path)
                }
                offset += written
            }
        }
        guard fsync(fd) == 0 else { throw writeFailure(path) }
    }

    /// Gives the unnamed file its name: at once when nothing has it; when replacing, under
    /// a passing name first, then over the old one in one step.
    /// - Returns: false when this process cannot name it through /proc (then nothing was
    ///   named, and the caller writes a named file instead).
    private static func name(_ fd: Int32, path: String, folder: String, replacing: Bool) throws -> Bool {
        let handle = "/proc/self/fd/\(fd)"
        let target = replacing ? temporaryName(for: URL(fileURLWithPath: path)) : path
        guard linkat(AT_FDCWD, handle, AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0 else {
            if errno == EEXIST, !replacing { throw Problem.exists(path: path) }
            if [EACCES, EPERM, ENOENT, EXDEV].contains(errno) { return false }
            throw writeFailure(path)
        }
        if replacing { try give(target, to: path, replacing: true) }
        return true
    }

    /// Moves a finished file to `path`: over what is there when replacing, else only if
    /// nothing (not even a dangling link) has the name. The passing name never stays.
    private static func give(_ temporary: String, to path: String, replacing: Bool) throws {
        defer { unlink(temporary) }
        if replacing {
            guard rename(temporary, path) == 0 else { throw writeFailure(path) }
        } else if link(temporary, path) != 0 {
            if errno == EEXIST { throw Problem.exists(path: path) }
            throw writeFailure(path)
        }
    }

    static func systemReason() -> String { String(cString: strerror(errno)) }

    /// What a failed write means for the user: a full disk is said as such.
    static func writeFailure(_ path: String) -> Problem {
        errno == ENOSPC || errno == EDQUOT ? .diskFull(path: path) : .cannotWrite(path: path, reason: systemReason())
    }
}
