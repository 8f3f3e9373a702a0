import Foundation
import Testing
@testable import KehuStore

/// Where a privileged kehu lets SQLite write a large sort's runs: only into the database's
/// own folder, and only when others can neither list it nor pass through it.
@Suite struct SortSpillTests {
    func folder(_ mode: mode_t) -> (TemporaryFolder, String) {
        let made = TemporaryFolder()
        let folder = made.file("team")
        #expect(mkdir(folder, 0o700) == 0)
        #expect(chmod(folder, mode) == 0)
        return (made, folder)
    }

    @Test func aFolderClosedToOthersTakesTheRuns() {
        for mode: mode_t in [0o700, 0o770, 0o2770, 0o750] {
            let (made, folder) = self.folder(mode)
            #expect(SortSpill.privateFolder(forDatabaseAt: folder + "/kehu.db") == folder, "mode \(String(mode, radix: 8))")
            _ = made
        }
    }

    @Test func aFolderOthersCanReachDoesNot() {
        for mode: mode_t in [0o755, 0o751, 0o1777, 0o704, 0o702] {
            let (made, folder) = self.folder(mode)
            #expect(SortSpill.privateFolder(forDatabaseAt: folder + "/kehu.db") == nil, "mode \(String(mode, radix: 8))")
            _ = made
        }
    }

    @Test func aLinkOrNoFolderDoesNot() {
        let (made, folder) = self.folder(0o700)
        let link = made.file("link")
        #expect(symlink(folder, link) == 0)
        #expect(SortSpill.privateFolder(forDatabaseAt: link + "/kehu.db") == nil)
        #expect(SortSpill.privateFolder(forDatabaseAt: made.file("missing") + "/kehu.db") == nil)
        #expect(SortSpill.privateFolder(forDatabaseAt: "kehu.db") == nil)
    }

    /// Without the group privilege the user can read the database anyway: SQLite's usual
    /// folder (theirs) may take the runs.
    @Test func withoutThePrivilegeSpillingIsAllowed() {
        guard getegid() == getgid() else { return }
        #expect(SortSpill.allowed(forDatabaseAt: "/nowhere/kehu.db"))
    }
}
