import Foundation
import Testing

/// kehu(1) is written by the binary from its commands' help (issue 17): every command and
/// every option `--help` shows is on the page, in both languages; groff renders it
/// without a warning; and the copy in docs/ is what the binary writes, so it cannot drift.
struct ManualPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func manual(_ language: String) throws -> String {
        let result = try run(kehuBinary, ["manual", "--lang", language], environment: ["KEHU_LANG": language])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test(arguments: ["en", "zh"])
    func everyCommandAndOptionOfTheHelpIsOnThePage(_ language: String) throws {
        let page = try Self.manual(language)
        #expect(page.hasPrefix(".TH KEHU 1 "))
        let commands = ["open", "demo", "init", "user add", "user list", "user set", "team add", "team set", "settings set",
                        "brief", "report", "purge", "backup", "check", "export", "import", "manual"]
        for command in commands {
            #expect(page.contains(".SS \"kehu \(command)\""), "\(language): kehu \(command) has no section")
            // Each option its --help lists is on the page (roff spells a hyphen \-).
            let help = try run(kehuBinary, command.split(separator: " ").map(String.init) + ["--help"],
                               environment: ["KEHU_LANG": language])
            let options = Set(help.stdout.matches(of: /--[a-z][a-z-]+/).map { String($0.output) })
                .subtracting(["--help", "--version"])
            for option in options where help.stdout.contains("  \(option)") {
                #expect(page.contains(option.replacingOccurrences(of: "-", with: "\\-")), "\(language) \(command): \(option)")
            }
        }
        // The keys come from the keymap, in the page's language (as read: without roff's
        // break points and escaped hyphens).
        let text = page.replacingOccurrences(of: "\\:", with: "").replacingOccurrences(of: "\\-", with: "-")
        #expect(text.contains(language == "zh" ? "为选中的客户记跟进" : "Log a follow-up"), "\(language): keys")
    }

    @Test func theCopyInDocsIsWhatTheBinaryWrites() throws {
        for (language, file) in [("en", "docs/kehu.1"), ("zh", "docs/kehu.zh_CN.1")] {
            let committed = try String(contentsOfFile: Self.root + "/" + file, encoding: .utf8)
            #expect(committed == (try Self.manual(language)), "\(file) is stale: kehu manual --lang \(language) > \(file)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff"), "groff is not installed: scripts/ensure-system-packages installs it"),
          arguments: ["en", "zh"])
    func groffRendersItWithoutAWarning(_ language: String) throws {
        let path = NSTemporaryDirectory() + "kehu-manual-\(UUID().uuidString).1"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.manual(language).write(toFile: path, atomically: true, encoding: .utf8)
        let rendered = try run("/usr/bin/groff", ["-k", "-man", "-Tutf8", "-ww", path])
        #expect(rendered.status == 0)
        #expect(rendered.stderr.isEmpty, "\(language): \(rendered.stderr)")
        #expect(rendered.stdout.contains("kehu"))
    }
}
