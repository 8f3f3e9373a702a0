#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The login of the person running kehu, as the kernel knows it: the process's real uid
/// looked up in the passwd database. Nothing a user can set (`$USER`, `$LOGNAME`, an
/// option) takes part, so nobody can claim to be someone else.
public struct VerifiedLogin: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let uid: UInt32

    /// Only this module and the package's own tests, demo and benchmarks make one by
    /// name; everything else asks the kernel.
    package init(name: String, uid: UInt32) {
        self.name = name
        self.uid = uid
    }

    public var description: String { name }

    /// Whether the kernel says this is the superuser (the installer, not a kehu user).
    public var isRoot: Bool { uid == 0 }

    /// Why the kernel could not name the person running kehu.
    public struct Unknown: Error, Equatable, Sendable {
        public let uid: UInt32
    }

    /// The real uid's entry in the passwd database, or `Unknown` when there is none
    /// (a container's uid, a deleted account).
    public static func fromKernel() throws -> VerifiedLogin {
        let uid = getuid()
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
        guard status == 0, let found = result, let name = found.pointee.pw_name else { throw Unknown(uid: uid) }
        let login = String(cString: name)
        guard !login.isEmpty else { throw Unknown(uid: uid) }
        return VerifiedLogin(name: login, uid: uid)
    }

    /// The login's home folder as the passwd database gives it (not `$HOME`, which anyone
    /// can set): where its own secrets, such as `~/.pgpass`, are looked for.
    public var home: String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, let found = result,
              let directory = found.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }
}
