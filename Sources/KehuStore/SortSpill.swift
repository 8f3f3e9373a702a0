import CSQLiteSortFiles
import Foundation
import KehuHost
import Synchronization

/// Whether SQLite may write a sort too large for memory to temporary files, as a large
/// import's index rebuild needs: kept in memory, each index of a million customers held
/// its whole sort at once (200 MB at its peak), where spilled runs of 2 MB keep the import
/// in constant memory, and faster.
///
/// Every connection keeps its temporary storage in memory otherwise (`temp_store =
/// MEMORY`), because a temporary file would belong to the user: in the shared install
/// (setgid), whose user must never read the team's file directly, SQLite's own choice of
/// folder comes from variables the user sets (`SQLITE_TMPDIR`, `TMPDIR`) or is a public
/// one. So there the runs go into the database's own folder (`CSQLiteSortFiles`), and
/// only when that folder is closed to others (the installer's 2770, root:group): the user
/// owns the file for the moment it exists (it is removed as it is opened) but cannot
/// reach it. Without the privilege the user can read the database anyway, and SQLite's
/// usual folder is theirs.
enum SortSpill {
    /// The folder this process's temporary files go in, chosen once (for all connections).
    private static let folderSet = Mutex<String?>(nil)

    /// Called as a database is opened, before its connections: whether an import of it may
    /// spill its sorts.
    static func allowed(forDatabaseAt path: String) -> Bool {
        guard Privilege.isHeld else { return true }
        return folderSet.withLock { set in
            if set == nil, let folder = privateFolder(forDatabaseAt: path), kehu_sqlite_temporary_files_in(folder) == 0 {
                set = folder
            }
            return set.map { closedToOthers($0) } ?? false
        }
    }

    /// The database's folder, when others can neither list it nor pass through it (and it
    /// is no link): nil otherwise.
    static func privateFolder(forDatabaseAt path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        return !folder.isEmpty && closedToOthers(folder) ? folder : nil
    }

    private static func closedToOthers(_ folder: String) -> Bool {
        var status = stat()
        guard lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return false }
        return status.st_mode & (S_IROTH | S_IWOTH | S_IXOTH) == 0
    }
}
