import KehuCore
import KehuStore

/// Messages of `kehu import`.
extension Strings {
    public var importRoleRefused: String {
        language == .zh ? "只有管理员、主管和销售经理可以导入" : "only admins, supervisors and sales managers may import"
    }

    /// Why a sheet could not be read at all (the pipeline's problems, without its type).
    public func importProblem(notText: Bool = false, mappingLine: (Int, String)? = nil, unclosedQuote: Int? = nil,
                              empty: Bool = false, noNameColumn: Bool = false, file: String, mapping: String?) -> String {
        let zh = language == .zh
        if notText { return zh ? "\(file) 不是 CSV 文本（既不是 UTF-8 也不是 GBK）" : "\(file) is not CSV text (neither UTF-8 nor GBK)" }
        if let (line, content) = mappingLine {
            return "\(mapping ?? ""):\(line): " + (zh ? "应为「列名 = 字段」，字段之一：" : "expected `header = field`, a field among: ")
                + ImportField.allCases.map(\.rawValue).joined(separator: ", ") + " — \(content)"
        }
        if let line = unclosedQuote { return "\(file):\(line): " + (zh ? "引号没有闭合" : "a quoted field is never closed") }
        if empty { return zh ? "\(file) 是空的" : "\(file) is empty" }
        return "\(file):1: " + (zh ? "找不到名称列（单位名称、客户名称或 name）；可用 --mapping 指定" : "no name column (单位名称, 客户名称 or name); name one with --mapping")
    }

    /// Why a workbook could not be read; nothing was written.
    public func legacyExcel(_ file: String) -> String {
        language == .zh ? "\(file) 是旧版 Excel 文件（.xls）或其他二进制文件，kehu 读不了。请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）或“CSV UTF-8”，再导入。"
                        : "\(file) is an old Excel file (.xls) or another binary file kehu cannot read. Save it from Excel or WPS as an Excel workbook (.xlsx) or as \"CSV UTF-8\", then import that."
    }

    public func notAWorkbook(_ file: String) -> String {
        language == .zh ? "\(file) 是 zip 文件，但不是 Excel 工作簿（.xlsx）" : "\(file) is a zip file but not an Excel workbook (.xlsx)"
    }

    public func noSuchSheet(_ file: String, name: String, sheets: [String]) -> String {
        language == .zh ? "\(file) 中没有名为「\(name)」的工作表；有：\(sheets.joined(separator: "、"))"
                        : "\(file) has no sheet \"\(name)\"; it has: \(sheets.joined(separator: ", "))"
    }

    public func damagedWorkbook(_ file: String, part: String) -> String {
        language == .zh ? "\(file) 已损坏（\(part) 读不出来）；请在 Excel 中打开后重新保存再试"
                        : "\(file) is damaged (cannot read \(part)); open it in Excel, save it again and retry"
    }

    public func noSuchHeaderRow(_ file: String, row: Int) -> String {
        language == .zh ? "\(file) 没有第 \(row) 行（或那一行是空的）" : "\(file) has no row \(row) (or it is empty)"
    }

    /// Columns kehu does not know: left out (and how to keep them), or kept in the notes.
    public func unknownColumns(_ headers: [String], keptInNotes: Bool) -> String {
        let zh = language == .zh
        let list = headers.joined(separator: zh ? "、" : ", ")
        if keptInNotes { return zh ? "未识别的列已记入备注：\(list)" : "Columns kehu does not know, kept in the notes: \(list)" }
        return zh ? "未识别的列（不会导入）：\(list)。用 --mapping 指定它们对应的字段，或加 --unknown-to-notes 记入备注"
                  : "Columns kehu does not know (not imported): \(list). Name their fields with --mapping, or add --unknown-to-notes to keep them in the notes"
    }

    /// One row's outcome as the dry run lists it; contacts and visits say where they go.
    public func importLine(_ outcome: ImportOutcome, history: Bool) -> String {
        let zh = language == .zh
        if history, case .created(let code) = outcome { return zh ? "加到 \(code)" : "add to \(code)" }
        if history, case .duplicate(let code, _) = outcome { return zh ? "跳过：\(code) 已有" : "skip: \(code) has it already" }
        return message(outcome)
    }

    public func importSummary(encoding: String, rows: Int, created: Int, updated: Int, unchanged: Int, duplicates: Int, rejected: Int) -> String {
        language == .zh
            ? "\(encoding)，\(rows) 行：新建 \(created)，更新 \(updated)，无变化 \(unchanged)，重复跳过 \(duplicates)，拒绝 \(rejected)"
            : "\(encoding), \(rows) rows: \(created) created, \(updated) updated, \(unchanged) unchanged, \(duplicates) duplicates skipped, \(rejected) rejected"
    }

    public var importDryRun: String { language == .zh ? "（演练，未写入）" : "(dry run, nothing written) " }
    public var importNothingImported: String {
        language == .zh ? "。有拒绝的行，什么都没有导入；改好后重试，或加 --skip-bad" : ". Rows were rejected, so nothing was imported; fix them, or add --skip-bad"
    }
    public func importDoneAnyway(_ summary: String) -> String {
        language == .zh ? "（导入已完成：\(summary)）" : " (the import itself is done: \(summary))"
    }
    public var rejectReasonHeader: String { language == .zh ? "拒绝原因" : "why rejected" }
    public func rejectsWritten(_ path: String) -> String { (language == .zh ? "拒绝的行已写入 " : "Rejected rows written to ") + path }
}
