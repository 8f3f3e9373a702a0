import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuExchange
import KehuHost
import KehuStore

/// `kehu export customers|contacts|activities|cards`: what the login may see, as CSV, XLSX or
/// vCard, for roles allowed to take archive data out (setting `export.roles`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: tr("Export customers, contacts, activities or intent cards as CSV (UTF-8 with BOM), XLSX or vCard 4.0 (contacts)."),
        discussion: tr("""
            Only what your role may see, and only for roles allowed to export (setting export.roles; \
            by default admins and the general, sales and marketing managers). CSV and vCard go to \
            standard output without --out; XLSX needs --out. An existing file is never overwritten \
            unless --force.
            """)
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp(tr("customers, contacts, activities or cards.")), completion: CompletionValues.kinds) var kind: String
    @Option(help: ArgumentHelp(tr("csv, xlsx or vcf.")), completion: CompletionValues.exportFormats) var format: String = "csv"
    @Option(help: ArgumentHelp(tr("An archive view: all, cooperating, formalVIP, potentialVIP, formalKey, potentialKey, general, image, lost, pool.")),
            completion: CompletionValues.views)
    var view: String = "all"
    @Option(help: ArgumentHelp(tr("The file to write (new, mode 0600; never through a link)."))) var out: String?
    @Flag(help: ArgumentHelp(tr("Replace a file already at --out."))) var force = false

    func run() throws {
        guard let kind = ExportKind(rawValue: kind) else {
            throw ValidationError(tr("unknown kind \"%@\"; one of: customers, contacts, activities, cards", self.kind))
        }
        guard let format = ExportWriter.Format(rawValue: format) else {
            throw ValidationError(tr("unknown format \"%@\"; one of: csv, xlsx, vcf", self.format))
        }
        guard let view = ArchiveView(rawValue: view) else {
            throw ValidationError(tr("unknown view \"%@\"; one of: %@", self.view, ArchiveView.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        if format == .vcf, kind != .contacts { throw ValidationError(tr("vCard is for contacts: kehu export contacts --format vcf")) }
        if format == .xlsx, out == nil { throw ValidationError(tr("an XLSX workbook needs --out FILE")) }
        // (Taken for a file, an address was refused as "No such file or directory".)
        if let out, PostgresAddress.isAddress(out) {
            throw fail(common.strings().0.exportToAddress(out), code: ExitCodes.usage)
        }
        let (store, me, strings, _) = try openAsUser(common)
        do {
            if let out { try UserFiles.requireFree(out, replacing: force) }
            guard try store.exportRoles().contains(me.user.role) else {
                throw fail(strings.exportRefused(me.user.role), code: ExitCodes.notAllowed)
            }
            // Shown from the start: reading the rows is part of the wait.
            let progress = ProgressLine(strings: strings, unit: .rows)
            progress?.update(0, of: 1)
            defer { progress?.finish() }
            let table = try store.exportTable(kind, view: view)
            let data = ExportWriter.data(table, format: format, words: strings.exportVocabulary) { done, total in
                progress?.update(done, of: total)
            }
            progress?.finish()
            if let out {
                // Written with the user's own rights, beside the target and then named:
                // never half a file at the path, no link followed.
                try UserFiles.create(out, contents: data, replacing: force)
                printError(strings.exported(table.rows.count, to: out))
            } else {
                FileHandle.standardOutput.write(data)
            }
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        } catch let problem as UserFiles.Problem {
            throw fail(problem, strings: strings)
        }
    }
}
