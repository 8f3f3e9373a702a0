import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuHost
import KehuStore

/// `kehu import customers FILE`: customers from a CSV as Excel writes it in China.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import customers (with a contact each), contacts or visit history from CSV: UTF-8 with or without BOM, or GBK/GB18030.",
        discussion: """
            Headers in Chinese or English (单位名称/name, 电话/phone, 联系人, 手机, 省份, 城市, 客户等级, 客户状态, \
            客户来源, 客户编码, 建档日期 …); --mapping FILE adds your own (one `header = field` a line). \
            --dry-run says for each row what would be created, updated, skipped as a duplicate (same \
            phone or name) or rejected and why. A real import is all or nothing; with --skip-bad the \
            rejected rows go to FILE.rejects.csv and the rest is imported. Contacts and activities             (visit history) attach to customers found by 客户编码, else 单位名称; a visit keeps its date             and its 经办人. Admins, supervisors and sales managers only.
            """
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "customers, contacts or activities") var kind: String
    @Argument(help: "The CSV file.") var file: String
    @Flag(help: "Only report what would happen.") var dryRun = false
    @Flag(help: "Import the good rows; write the rejected ones beside the file.") var skipBad = false
    @Option(help: "A file of `header = field` lines for headers kehu does not know.") var mapping: String?
    @Option(help: "Owner login for the imported customers (default: none, the pool).") var owner: String?
    @Flag(help: "With --skip-bad: replace a rejects file already there.") var force = false

    func run() throws {
        let history: HistoryImportRow.Kind?
        switch kind {
        case "customers": history = nil
        case "contacts": history = .contacts
        case "activities": history = .activities
        default: throw ValidationError("unknown kind \"\(kind)\"; one of: customers, contacts, activities")
        }
        let (store, me, strings, clock) = try openAsUser(common)
        let zh = strings.language == .zh
        guard KehuDatabase.importRoles.contains(me.user.role) else {
            throw fail(zh ? "只有管理员、主管和销售经理可以导入" : "only admins, supervisors and sales managers may import", code: ExitCodes.notAllowed)
        }
        // Read with the user's own rights: an installed kehu's group cannot be used to read
        // a file (the team database above all) the user could not read themselves.
        let data: Data
        do { data = try UserFiles.read(file) }
        catch let problem as UserFiles.Problem { throw fail(problem, strings: strings) }
        let rejectPath = file + ".rejects.csv"
        if skipBad, !dryRun {
            do { try UserFiles.requireFree(rejectPath, replacing: force) }
            catch let problem as UserFiles.Problem { throw fail(problem, strings: strings) }
        }
        guard let (text, encoding) = TextDecoding.decode(data) else {
            throw fail(zh ? "\(file) 不是 CSV 文本（既不是 UTF-8 也不是 GBK）" : "\(file) is not CSV text (neither UTF-8 nor GBK)", code: 65)
        }
        var columns = ImportMapping.standard
        if let mapping {
            guard let mappingData = try? UserFiles.read(mapping), let mappingText = String(data: mappingData, encoding: .utf8) else {
                throw fail(zh ? "无法读取映射文件 \(mapping)" : "cannot read the mapping file \(mapping)", code: 7)
            }
            do { columns = try columns.adding(mappingFile: mappingText) }
            catch ImportMapping.Problem.badLine(let line, let content) {
                throw fail("\(mapping):\(line): " + (zh ? "应为「列名 = 字段」，字段之一：" : "expected `header = field`, a field among: ")
                           + ImportField.allCases.map(\.rawValue).joined(separator: ", ") + " — \(content)", code: 65)
            }
        }
        let table: [CSVReader.Row]
        do { table = try CSVReader.rows(text) }
        catch CSVReader.Problem.unclosedQuote(let line) {
            throw fail("\(file):\(line): " + (zh ? "引号没有闭合" : "a quoted field is never closed"), code: 65)
        }
        guard let header = table.first else { throw fail(zh ? "\(file) 是空的" : "\(file) is empty", code: 65) }
        guard history != nil || header.fields.contains(where: { columns.field(for: $0) == .name }) else {
            throw fail("\(file):1: " + (zh ? "找不到名称列（单位名称、客户名称或 name）；可用 --mapping 指定" : "no name column (单位名称, 客户名称 or name); name one with --mapping"),
                       code: 65)
        }
        var ownerID: Int64?
        // New customers join the owner's team, else the importer's.
        var teamID = me.user.teamID
        if let owner {
            guard let user = try store.user(login: owner) else { throw fail(strings.noSuchUser(owner), code: ExitCodes.unknownUser) }
            ownerID = user.id
            teamID = user.teamID ?? teamID
        }
        let dataRows = Array(table.dropFirst())
        let rows: [(line: Int, fields: [String])] = dataRows.map { ($0.line, $0.fields) }
        let showProgress = isatty(STDERR_FILENO) == 1 && rows.count >= 2_000
        let outcomes: [ImportOutcome]
        let actor = Actor(login: me.user.login, clock: clock)
        do {
            if let history {
                let parsed = dataRows.map { HistoryImportRow(kind: history, line: $0.line, fields: $0.fields, headers: header.fields) }
                outcomes = try store.importHistory(parsed, kind: history, dryRun: dryRun, skipBad: skipBad, by: actor)
            } else {
                let parsed = dataRows.map { CustomerImportRow(line: $0.line, fields: $0.fields, headers: header.fields, mapping: columns, now: clock.now) }
                outcomes = try store.importCustomers(parsed, ownerID: ownerID, teamID: teamID, dryRun: dryRun, skipBad: skipBad,
                                                     by: actor) { done in
                    guard showProgress else { return }
                    let filled = done * 30 / max(1, rows.count)
                    FileHandleStandardError.write("\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled) + "] \(done)/\(rows.count)")
                }
                if showProgress { FileHandleStandardError.write("\n") }
            }
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
        var counts: [String: Int] = [:]
        var rejects: [((line: Int, fields: [String]), String)] = []
        for (row, outcome) in zip(rows, outcomes) {
            switch outcome {
            case .created: counts["created", default: 0] += 1
            case .updated(_, let fields): counts[fields.isEmpty ? "unchanged" : "updated", default: 0] += 1
            case .duplicate: counts["duplicate", default: 0] += 1
            case .rejected: counts["rejected", default: 0] += 1; rejects.append((row, strings.message(outcome)))
            }
            if dryRun || (outcome.isRejected && !skipBad) {
                var text = strings.message(outcome)
                if history != nil, case .created(let code) = outcome { text = zh ? "加到 \(code)" : "add to \(code)" }
                if history != nil, case .duplicate(let code, _) = outcome { text = zh ? "跳过：\(code) 已有" : "skip: \(code) has it already" }
                print("\(file):\(row.line): \(text)")
            }
        }
        let summary = zh
            ? "\(encoding.rawValue)，\(rows.count) 行：新建 \(counts["created"] ?? 0)，更新 \(counts["updated"] ?? 0)，无变化 \(counts["unchanged"] ?? 0)，重复跳过 \(counts["duplicate"] ?? 0)，拒绝 \(counts["rejected"] ?? 0)"
            : "\(encoding.rawValue), \(rows.count) rows: \(counts["created"] ?? 0) created, \(counts["updated"] ?? 0) updated, \(counts["unchanged"] ?? 0) unchanged, \(counts["duplicate"] ?? 0) duplicates skipped, \(counts["rejected"] ?? 0) rejected"
        if dryRun {
            print((zh ? "（演练，未写入）" : "(dry run, nothing written) ") + summary)
            return
        }
        if !rejects.isEmpty, !skipBad {
            throw fail(summary + (zh ? "。有拒绝的行，什么都没有导入；改好后重试，或加 --skip-bad" : ". Rows were rejected, so nothing was imported; fix them, or add --skip-bad"),
                       code: 65)
        }
        if !rejects.isEmpty {
            func field(_ text: String) -> String {
                text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }
            var lines = [(header.fields + [zh ? "拒绝原因" : "why rejected"]).map(field).joined(separator: ",")]
            for (row, why) in rejects { lines.append((row.fields + [why]).map(field).joined(separator: ",")) }
            do {
                try UserFiles.create(rejectPath, contents: Data([0xEF, 0xBB, 0xBF]) + Data((lines.joined(separator: "\r\n") + "\r\n").utf8),
                                     replacing: force)
            } catch let problem as UserFiles.Problem {
                throw fail(strings.message(problem) + (zh ? "（导入已完成：" : " (the import itself is done: ") + summary + (zh ? "）" : ")"),
                           code: ExitCodes.cannotOpen)
            }
            print((zh ? "拒绝的行已写入 " : "Rejected rows written to ") + rejectPath)
        }
        print(summary)
    }
}

extension ImportOutcome {
    var isRejected: Bool { if case .rejected = self { return true }; return false }
}
