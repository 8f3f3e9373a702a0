import ArgumentParser
import KehuApp
import KehuCore
import KehuStore

/// What shell completion offers for kehu's values: report names, formats, kinds, views,
/// languages, themes and keymaps, setting keys, roles, and the system's logins.
enum CompletionValues {
    static let reports = CompletionKind.list(["churn", "funnel", "kpi", "pareto", "defeats", "sources", "vip-progress", "leads", "outstanding"])
    static let reportFormats = CompletionKind.list(["text", "csv", "json"])
    static let exportFormats = CompletionKind.list(ExportWriterFormats.names)
    static let kinds = CompletionKind.list(["customers", "contacts", "activities", "cards"])
    static let views = CompletionKind.list(ArchiveView.allCases.map(\.rawValue))
    static let languages = CompletionKind.list(["zh", "en"])
    static let themes = CompletionKind.list(["dark", "vivid", "light", "high-contrast", "mono"])
    static let keymaps = CompletionKind.list(["default", "vim", "emacs"])
    static let settingKeys = CompletionKind.list(CompanySettings.all.map(\.key))
    static let roles = CompletionKind.list(Role.allCases.map(\.rawValue))
    static let database = CompletionKind.file(extensions: ["db"])
    static let sheets = CompletionKind.file(extensions: ["xlsx", "csv"])
    /// kehu's users are the server's logins.
    static let logins = CompletionKind.shellCommand("cut -d: -f1 /etc/passwd")
}

/// The export formats by name (csv, xlsx, vcf).
enum ExportWriterFormats {
    static let names = ["csv", "xlsx", "vcf"]
}
