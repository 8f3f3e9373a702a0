import Foundation
import KehuHost

/// Opens `$VISUAL` or `$EDITOR` (else vi) on a temporary file holding `text`, for notes
/// too long to type comfortably on one form line.
enum ExternalEditor {
    /// The edited text, or nil when no editor ran successfully.
    /// The editor, its temporary file and everything it starts run with the user's own
    /// rights: an installed kehu's group never reaches them (the saved group is the
    /// user's too once the shell is executed).
    static func edit(_ text: String) -> String? {
        Privilege.asUser { editWithOwnRights(text) }
    }

    private static func editWithOwnRights(_ text: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let path = NSTemporaryDirectory() + "kehu-note-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else { return nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Through the shell, so an EDITOR with arguments ("code --wait") works.
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let status = system(editor + " " + quoted)
        guard status == 0 else { return nil }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }
}
