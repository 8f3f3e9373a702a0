import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuExchange
import KehuHost
import KehuStore

/// `kehu import customers FILE`: customers from a CSV as Excel writes it in China.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: tr("Import customers (with a contact each), contacts, visit history or intent cards from an Excel workbook (.xlsx) or CSV (UTF-8 with or without BOM, or GBK/GB18030)."),
        discussion: tr("""
            Headers in Chinese or English (单位名称/name, 电话/phone, 联系人, 手机, 省份, 城市, 客户等级, 客户状态, \
            客户来源, 客户类型, 责任人, 团队, 客户编码, 建档日期 …), and everything kehu export writes; \
            --mapping FILE adds your own (one `header = field` a line). A title row above the headers \
            and empty rows are skipped; rows are named by their number in the sheet. Text is kept \
            exactly as written; phones, dates and codes are normalised. --dry-run says for each row \
            what would be created, updated, skipped as a duplicate (same phone or name) or rejected and \
            why. A real import is all or nothing; with --skip-bad the rejected rows go to \
            FILE.rejects.csv and the rest is imported. A 责任人 column (or --owner) gives customers to \
            that person and their team; without one they go to the importer's team pool. Contacts and \
            activities (visit history) and cards (intent cards) attach to customers found by 客户编码, \
            else 单位名称; a visit keeps its date, number, 经办人, signed comment and 意向卡号; a card \
            keeps its number, 填卡人 and every field. Admins, supervisors and sales managers only.
            """)
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp(tr("customers, contacts, activities or cards")), completion: CompletionValues.kinds) var kind: String
    @Argument(help: ArgumentHelp(tr("The workbook (.xlsx) or CSV file.")), completion: CompletionValues.sheets) var file: String
    @Flag(help: ArgumentHelp(tr("Only report what would happen."))) var dryRun = false
    @Flag(help: ArgumentHelp(tr("Import the good rows; write the rejected ones beside the file."))) var skipBad = false
    @Option(help: ArgumentHelp(tr("A file of `header = field` lines for headers kehu does not know."))) var mapping: String?
    @Option(help: ArgumentHelp(tr("Owner login for the imported customers (default: none, the pool).")), completion: CompletionValues.logins) var owner: String?
    @Flag(help: ArgumentHelp(tr("With --skip-bad: replace a rejects file already there."))) var force = false
    @Option(help: ArgumentHelp(tr("Which sheet of an Excel workbook (default: the first)."))) var sheet: String?
    @Flag(help: ArgumentHelp(tr("Keep what columns kehu does not know hold in the notes (座机：…)."))) var unknownToNotes = false
    @Flag(help: ArgumentHelp(tr("Take a customer whose name differs from an archived one only in company form or spacing as that customer (skip it)."))) var mergeSimilar = false
    @Option(help: ArgumentHelp(tr("The row that holds the headers (default: found by itself, below any title rows)."))) var headerRow: Int?

    func run() throws {
        guard let kind = ImportPipeline.Kind(rawValue: kind) else {
            throw ValidationError(tr("unknown kind \"%@\"; one of: customers, contacts, activities, cards", kind))
        }
        // Like the screen, an import into a file not there yet makes it (a single user's own;
        // an installed team database is made by `kehu init` only).
        let choice = try DatabaseChoice.make(common, strings: common.strings().0)
        let madeHere = !choice.shared && choice.namedElsewhere == nil && !FileManager.default.fileExists(atPath: choice.path)
        let (store, me, strings, clock) = try openAsUser(common, creating: true)
        // A file this import made is not left behind when nothing goes into it.
        var keepFile = false
        defer {
            if madeHere, !keepFile {
                try? store.close()
                for side in ["", "-wal", "-shm"] { unlink(store.path + side) }
            }
        }
        guard KehuDatabase.importRoles.contains(me.user.role) else { throw fail(strings.importRoleRefused, code: ExitCodes.notAllowed) }
        // Files are read, and the rejects written, with the user's own rights: an installed
        // kehu's group cannot be used to read a file (the team database above all) the
        // user could not read themselves.
        let rejectPath = file + ".rejects.csv"
        var request: ImportPipeline.Request
        do {
            // Opened now (with the user's rights) and read a piece at a time while importing.
            let opened = try UserFiles.openForReading(file)
            let sheetBytes = SheetBytes(count: opened.size, seekablePath: opened.reopeningPath) { each in try opened.pieces(each) }
            request = ImportPipeline.Request(kind: kind, sheet: sheetBytes, dryRun: dryRun, skipBad: skipBad)
            request.sheetName = sheet
            request.headerRow = headerRow
            request.mergeSimilar = mergeSimilar
            request.unknownToNotes = unknownToNotes
            if let mapping {
                guard let text = String(data: try UserFiles.read(mapping), encoding: .utf8) else {
                    throw UserFiles.Problem.cannotRead(path: mapping, reason: "not UTF-8 text")
                }
                request.mapping = text
            }
            if skipBad, !dryRun { try UserFiles.requireFree(rejectPath, replacing: force) }
        } catch let problem as UserFiles.Problem {
            throw fail(problem, strings: strings)
        }
        // New customers join the owner's team, else the importer's.
        request.teamID = me.user.teamID
        if let owner {
            guard let user = try store.user(login: owner) else { throw fail(strings.noSuchUser(owner), code: ExitCodes.unknownUser) }
            request.ownerID = user.id
            request.teamID = user.teamID ?? request.teamID
        }
        let progress = ProgressLine(strings: strings, unit: .rows)
        progress?.update(0, of: 1)
        defer { progress?.finish() }
        let report: ImportPipeline.Report
        do {
            // Every row in a dry run; in a real one, the rejected (when that stops it) and the
            // customers created beside a near namesake, for the importer to check: printed as
            // they come, the progress line cleared first.
            report = try ImportPipeline.run(request, into: store, by: Actor(login: me.user.login, clock: clock), progress: { done, total in
                progress?.update(done, of: total)
            }, each: { row, outcome in
                guard dryRun || (outcome.isRejected && !skipBad) || outcome.isNearDuplicate else { return }
                progress?.finish()
                print("\(file):\(row.line): \(strings.importLine(outcome, history: kind != .customers))")
            })
            progress?.finish()
        } catch let problem as ImportPipeline.Problem {
            throw fail(strings.message(problem, file: file, mapping: mapping), code: 65)
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        } catch let problem as UserFiles.Problem {
            throw fail(problem, strings: strings)
        }
        let summary = strings.importSummary(encoding: report.encoding, rows: report.rowCount, created: report.count(.created),
                                            updated: report.count(.updated), unchanged: report.count(.unchanged),
                                            duplicates: report.count(.duplicate), rejected: report.count(.rejected))
        if !report.unknownColumns.isEmpty {
            let note = strings.unknownColumns(report.unknownColumns, keptInNotes: unknownToNotes)
            if dryRun { print(note) } else { printError(note) }
        }
        if dryRun {
            print(strings.importDryRun + summary)
            return
        }
        let rejected = report.count(.rejected)
        if rejected > 0, !skipBad { throw fail(summary + strings.importNothingImported, code: 65) }
        keepFile = report.count(.created) + report.count(.updated) > 0
        if rejected > 0 {
            do {
                try UserFiles.create(rejectPath, contents: report.rejects(reasonHeader: strings.rejectReasonHeader) { strings.message($0) },
                                     replacing: force)
            } catch let problem as UserFiles.Problem {
                throw fail(strings.message(problem) + strings.importDoneAnyway(summary), code: ExitCodes.cannotOpen)
            }
            print(strings.rejectsWritten(rejectPath))
        }
        print(summary)
    }
}

extension ImportOutcome {
    var isRejected: Bool { if case .rejected = self { return true }; return false }
    var isNearDuplicate: Bool { if case .createdNearDuplicate = self { return true }; return false }
}
