#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The group privilege an installed, setgid kehu runs with: it lets kehu — and only kehu —
/// open the team database. Whatever a user names (a file to import, a file to write, a
/// keymap, an editor) is opened or run with the user's own rights, so the privilege can
/// never be turned against the database it protects.
public enum Privilege {
    /// Whether kehu holds a group the user does not (it was started setgid).
    public static var isHeld: Bool { getegid() != getgid() }

    /// Runs `body` with the effective group set back to the user's real group, and takes
    /// the privilege back afterwards (the saved set-group-ID keeps it). Without the
    /// privilege this is just `body()`.
    public static func asUser<T>(_ body: () throws -> T) rethrows -> T {
        let held = getegid()
        let own = getgid()
        guard held != own else { return try body() }
        guard setegid(own) == 0 else { fatalError("kehu: cannot set the effective group back to the user's own") }
        defer {
            if setegid(held) != 0 { fatalError("kehu: cannot take the group privilege back") }
        }
        return try body()
    }

    /// Gives the privilege up for good (real, effective and saved group all the user's):
    /// for a kehu that opens the user's own file, and for anything it starts. Setting the
    /// real group with `setregid` also sets the saved one (POSIX, and Linux), so nothing
    /// can take the group back afterwards.
    public static func dropForGood() {
        let own = getgid()
        guard setregid(own, own) == 0, getegid() == own else { fatalError("kehu: cannot give up the group privilege") }
    }
}
