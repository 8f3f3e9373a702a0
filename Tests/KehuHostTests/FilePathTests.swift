import Foundation
import Testing
@testable import KehuHost

/// `FilePath` replaces `URL`'s path handling at start: it must give the answers `URL` gave,
/// for real folders, symbolic links, `.` and `..`, and paths that do not exist.
@Suite struct FilePathTests {
    @Test func itResolvesAndStandardizesAsURLDid() throws {
        let folder = NSTemporaryDirectory() + "kehu-path-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder + "/real/bin", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: folder) }
        fm.createFile(atPath: folder + "/real/bin/kehu", contents: Data())
        try fm.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/real")
        try fm.createSymbolicLink(atPath: folder + "/real/bin/kehu-link", withDestinationPath: "kehu")
        // The temporary folder itself may be reached through a link (macOS's /var).
        let base = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        let paths = [
            folder + "/real/bin/kehu", folder + "/link/bin/kehu", folder + "/real/bin/kehu-link",
            folder + "/link/bin/../bin/./kehu", folder + "/real/bin/missing", folder + "/link/missing/kehu",
            "/usr/bin/../lib", "/", "/usr",
        ]
        for path in paths {
            #expect(FilePath.resolvingLinks(path) == URL(fileURLWithPath: path).resolvingSymlinksInPath().path, "\(path)")
        }
        #expect(FilePath.resolvingLinks(folder + "/link/bin/kehu-link") == base + "/real/bin/kehu")
        for path in ["/a/b/../share/kehu", "/a/./b/", "/a/b/../../..", "/opt/kehu/bin/../etc/kehu/kehu.toml", "/srv/销售部/客户/../kehu/./bin"] {
            #expect(FilePath.standardized(path) == URL(fileURLWithPath: path).standardized.path, "\(path)")
        }
        // Where URL kept a doubled slash, a doubled slash is one, as `realpath` makes it.
        #expect(FilePath.standardized("/a//b") == "/a/b")
    }

    @Test func theParentOfAPathIsItsFolder() {
        #expect(FilePath.parent("/opt/kehu/bin/kehu") == "/opt/kehu/bin")
        #expect(FilePath.parent("/opt/kehu/bin/") == "/opt/kehu")
        #expect(FilePath.parent("/kehu") == "/")
        #expect(FilePath.parent("/") == "/")
        #expect(FilePath.parent("/srv/销售部/kehu") == "/srv/销售部")
        for path in ["/opt/kehu/bin/kehu", "/opt/kehu/bin/", "/kehu", "/srv/销售部/kehu"] {
            #expect(FilePath.parent(path) == URL(fileURLWithPath: path).deletingLastPathComponent().path, "\(path)")
        }
    }
}
