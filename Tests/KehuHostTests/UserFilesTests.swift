import Foundation
import Testing
@testable import KehuHost

/// Each test gets a folder of its own, removed when the test ends (a suite that is a
/// class is made again for each test, and let go after it).
@Suite final class UserFilesTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "kehu-host-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".kehu-") }
    }

    @Test func aNewFileIsTheUsersAloneAndLeavesNothingBeside() throws {
        let path = folder + "/out.csv"
        try UserFiles.create(path, contents: Data("甲,乙\n".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "甲,乙\n")
        #expect(try mode(path) == 0o600)
        #expect(try leftovers().isEmpty)
    }

    @Test func anExistingFileIsNeverOverwrittenUnlessAsked() throws {
        let path = folder + "/out.csv"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: UserFiles.Problem.exists(path: path)) { try UserFiles.create(path, contents: Data("new".utf8)) }
        #expect(throws: UserFiles.Problem.exists(path: path)) { try UserFiles.requireFree(path, replacing: false) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try UserFiles.create(path, contents: Data("new".utf8), replacing: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try leftovers().isEmpty)
    }

    @Test func aPlantedLinkIsNeverFollowed() throws {
        let victim = folder + "/victim.txt"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
        let path = folder + "/out.csv"
        for planted in [path, path + ".partial", folder + "/dangling"] {
            try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
        }
        #expect(throws: UserFiles.Problem.exists(path: path)) { try UserFiles.create(path, contents: Data("x".utf8)) }
        #expect(throws: UserFiles.Problem.exists(path: folder + "/dangling")) { try UserFiles.create(folder + "/dangling", contents: Data("x".utf8)) }
        // Replacing replaces the link itself, never the file it points to.
        try UserFiles.create(path, contents: Data("x".utf8), replacing: true)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path + ".partial") == victim)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil)
    }

    @Test func aFolderThatCannotBeWrittenLeavesNothing() throws {
        let path = folder + "/no/such/folder/out.csv"
        #expect(throws: UserFiles.Problem.self) { try UserFiles.create(path, contents: Data("x".utf8)) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func readingGivesTheBytesOrSaysWhy() throws {
        let path = folder + "/in.csv"
        try Data([0xEF, 0xBB, 0xBF, 0x41]).write(to: URL(fileURLWithPath: path))
        #expect(try UserFiles.read(path) == Data([0xEF, 0xBB, 0xBF, 0x41]))
        #expect(throws: UserFiles.Problem.self) { try UserFiles.read(folder + "/missing.csv") }
        #expect(throws: UserFiles.Problem.self) { try UserFiles.read(folder) }
    }
}

@Suite struct InstalledConfigTests {
    @Test func theDatabaseLineIsRead() {
        let text = "# written by scripts/install\ndatabase = \"/srv/kehu/团队.db\"\ngroup = \"kehu\"\n"
        #expect(InstalledConfig.parse(text, path: "/p") == .success(InstalledConfig(path: "/p", database: "/srv/kehu/团队.db")))
        #expect(InstalledConfig.parse("database = relative.db\n", path: "/p") == .failure(.malformed(path: "/p", line: 1)))
        #expect(InstalledConfig.parse("database = \"relative.db\"\n", path: "/p") == .failure(.noDatabase(path: "/p")))
        #expect(InstalledConfig.parse("nonsense\n", path: "/p") == .failure(.malformed(path: "/p", line: 1)))
    }

    @Test func aBinaryWithoutConfigurationHasNone() {
        #expect(InstalledConfig.find(executablePath: "/usr/bin/env") == nil)
    }

    @Test func onlyAFileNobodyButRootCouldWriteIsTrusted() throws {
        let prefix = NSTemporaryDirectory() + "kehu-prefix-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        try FileManager.default.createDirectory(atPath: prefix + "/etc/kehu", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        let file = prefix + "/etc/kehu/kehu.toml"
        try Data("database = \"/srv/kehu/team.db\"\n".utf8).write(to: URL(fileURLWithPath: file))
        for folder in [prefix, prefix + "/etc", prefix + "/etc/kehu"] { chmod(folder, 0o755) }
        chmod(file, 0o644)
        let binary = prefix + "/bin/kehu"
        if getuid() == 0 {
            #expect(InstalledConfig.find(executablePath: binary) == .success(InstalledConfig(path: file, database: "/srv/kehu/team.db")))
            chmod(file, 0o664)
            #expect(InstalledConfig.untrustedReason(file) == "writable by group or others")
            chmod(file, 0o644)
            chmod(prefix + "/etc/kehu", 0o777)
            #expect(InstalledConfig.untrustedReason(file) == "\(prefix)/etc/kehu writable by group or others")
            chmod(prefix + "/etc/kehu", 0o755)
            chown(file, 65534, 0)
            #expect(InstalledConfig.untrustedReason(file) == "not owned by root")
        } else {
            // Written by someone other than root: never trusted.
            #expect(InstalledConfig.untrustedReason(file) == "not owned by root")
            guard case .failure(.untrusted)? = InstalledConfig.find(executablePath: binary) else {
                Issue.record("a file a user wrote was trusted"); return
            }
        }
    }
}

@Suite struct KernelIdentityTests {
    @Test func theLoginIsThePasswdEntryOfTheRealUID() throws {
        let login = try VerifiedLogin.fromKernel()
        #expect(login.uid == getuid())
        let entry = try #require(getpwuid(getuid()))
        #expect(login.name == String(cString: entry.pointee.pw_name))
    }
}
