import Foundation

/// The database's `-wal` and `-shm`: SQLite gives them the database file's mode when it
/// creates them and never changes it again. A database once made read-only (chmod 0444)
/// and opened so keeps read-only side files after it is made writable again, and SQLite
/// then refuses every write. kehu puts a side file it owns back to the database's mode.
enum SideFiles {
    /// Whether this process may write `path`, with the rights it acts with (an installed
    /// kehu's group included, so `AT_EACCESS`).
    static func writable(_ path: String) -> Bool {
        faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0
    }

    /// Gives a read-only side file of a writable database the database's mode again,
    /// when this user owns it; names it when someone else does.
    static func mendModes(besides path: String) throws {
        var database = stat()
        guard stat(path, &database) == 0 else { return }
        for side in [path + "-wal", path + "-shm"] {
            var file = stat()
            guard lstat(side, &file) == 0, (file.st_mode & S_IFMT) == S_IFREG, !writable(side) else { continue }
            guard file.st_uid == geteuid(), chmod(side, database.st_mode & 0o666) == 0 else {
                throw StoreError.readOnly(path: side)
            }
        }
    }
}
