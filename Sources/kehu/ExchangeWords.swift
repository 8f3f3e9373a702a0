import KehuApp
import KehuExchange

/// The session's string tables as the words of an export, and the import pipeline's
/// problems as the session's messages.
extension Strings {
    var exportVocabulary: ExportVocabulary {
        let s = self
        var words = ExportVocabulary(chinese: language == .zh, grade: { s.label($0) }, status: { s.label($0) }, type: { s.label($0) },
                                     source: { s.label($0) }, method: { s.label($0) })
        words.leadSource = { s.label($0) }
        words.purchaseType = { s.label($0) }
        words.cardState = { s.label($0) }
        words.creditLevel = { s.label($0) }
        return words
    }

    func message(_ problem: ImportPipeline.Problem, file: String, mapping: String?) -> String {
        switch problem {
        case .notText: return importProblem(notText: true, file: file, mapping: mapping)
        case .mappingLine(let line, let content): return importProblem(mappingLine: (line, content), file: file, mapping: mapping)
        case .unclosedQuote(let line): return importProblem(unclosedQuote: line, file: file, mapping: mapping)
        case .empty: return importProblem(empty: true, file: file, mapping: mapping)
        case .noNameColumn: return importProblem(noNameColumn: true, file: file, mapping: mapping)
        case .legacyExcel: return legacyExcel(file)
        case .noSuchHeaderRow(let row): return noSuchHeaderRow(file, row: row)
        case .workbook(.notAWorkbook): return notAWorkbook(file)
        case .workbook(.noSuchSheet(let name, let sheets)): return noSuchSheet(file, name: name, sheets: sheets)
        case .workbook(.damaged(let part)): return damagedWorkbook(file, part: part)
        }
    }
}
