import Foundation
import Testing

/// `scripts/kehu` builds only when something the build reads changed since the binary was
/// made; otherwise it starts the binary at once. Tried on a copy of the script in a
/// scratch tree whose `swift` only writes down that it was asked.
struct StartScriptTests {
    @Test func aWarmStartRunsTheBinaryWithoutBuilding() throws {
        let fm = FileManager.default
        let root = NSTemporaryDirectory() + "kehu-start-" + UUID().uuidString
        defer { try? fm.removeItem(atPath: root) }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["scripts", "Sources/kehu", "keymaps", "themes", ".build/release", "bin"] {
            try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        // (Programs written with `writeExecutable`: see why there.)
        func executable(_ path: String, _ text: String) throws { try writeExecutable(root + "/" + path, text) }
        for name in ["kehu", "build-release"] {
            try executable("scripts/" + name, try String(contentsOfFile: repo.appendingPathComponent("scripts/" + name).path, encoding: .utf8))
        }
        func script(_ path: String, _ body: String) throws {
            try executable(path, "#!/bin/sh\n" + body + "\n")
        }
        try script("scripts/ensure-system-packages", "exit 0")
        try script("bin/swift", "echo built >> \"\(root)/builds\"")
        try "let package = 1\n".write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        try "print(1)\n".write(toFile: root + "/Sources/kehu/main.swift", atomically: true, encoding: .utf8)
        let old = Date(timeIntervalSinceNow: -3600)
        for path in ["Package.swift", "Sources/kehu/main.swift", "Sources/kehu", "Sources", "keymaps", "themes"] {
            try fm.setAttributes([.modificationDate: old], ofItemAtPath: root + "/" + path)
        }
        try script(".build/release/kehu", "echo \"kehu $*\"")
        let path = root + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        func builds() -> Int {
            ((try? String(contentsOfFile: root + "/builds", encoding: .utf8)) ?? "").split(separator: "\n").count
        }

        // Nothing changed since the binary: it runs, no build.
        let warm = try run(root + "/scripts/kehu", ["--demo"], environment: ["PATH": path])
        #expect(warm.status == 0 && warm.stdout == "kehu --demo\n", "\(warm.stderr)")
        #expect(builds() == 0)
        // A source changed: built first, then run; and the next start is warm again.
        try "print(2)\n".write(toFile: root + "/Sources/kehu/main.swift", atomically: true, encoding: .utf8)
        try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: root + "/Sources/kehu/main.swift")
        let changed = try run(root + "/scripts/kehu", [], environment: ["PATH": path])
        #expect(changed.status == 0 && changed.stdout.hasSuffix("kehu \n"), "\(changed.stdout) \(changed.stderr)")
        #expect(builds() == 1)
        try fm.setAttributes([.modificationDate: old], ofItemAtPath: root + "/Sources/kehu/main.swift")
        _ = try run(root + "/scripts/kehu", [], environment: ["PATH": path])
        #expect(builds() == 1)
        // A file removed (its folder's time changes): built again.
        try fm.removeItem(atPath: root + "/Sources/kehu/main.swift")
        try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: root + "/Sources/kehu")
        _ = try run(root + "/scripts/kehu", [], environment: ["PATH": path])
        #expect(builds() == 2)
    }
}

/// Shell completion offers kehu's values, not only its option names.
struct CompletionTests {
    @Test func completionScriptsOfferValues() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try run(kehuBinary, ["--generate-completion-script", shell])
            #expect(script.status == 0)
            for value in ["outstanding", "vip-progress", "formalVIP", "pool.claimLimit", "salesManager", "xlsx", "cards"] {
                #expect(script.stdout.contains(value), "\(shell): \(value)")
            }
        }
    }
}
