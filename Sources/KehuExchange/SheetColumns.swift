import KehuCore

/// A sheet's header row as kehu reads it: which columns it knows (the built-in names and
/// the mapping file's, or the contacts' and visits' names), which it does not — said in
/// the dry run, left out, or kept in the notes when asked — and where the notes go.
struct SheetColumns {
    let kind: ImportPipeline.Kind
    let mapping: ImportMapping
    let header: [String]

    /// The columns kehu does not know, with their position.
    var unknown: [(offset: Int, header: String)] {
        header.enumerated().compactMap { offset, name in
            let trimmed = name.trimmingWhitespace()
            return trimmed.isEmpty || isKnown(name) ? nil : (offset, trimmed)
        }
    }

    func isKnown(_ name: String) -> Bool {
        kind == .customers ? mapping.field(for: name) != nil : HistoryImportRow.isKnownHeader(name)
    }

    func isNotes(_ name: String) -> Bool {
        kind == .customers ? mapping.field(for: name) == .notes : HistoryImportRow.isNotesHeader(name)
    }

    /// The row with its unknown columns' values added to its notes as `座机：020-…`
    /// (a visit has no notes: its sheet is left as it is).
    func keepingUnknownInNotes(_ row: CSVReader.Row) -> CSVReader.Row {
        guard kind != .activities else { return row }
        let kept = unknown.compactMap { column -> String? in
            let value = column.offset < row.fields.count ? row.fields[column.offset].trimmingWhitespace() : ""
            return value.isEmpty ? nil : column.header + "：" + value
        }
        guard !kept.isEmpty else { return row }
        let text = kept.joined(separator: "；")
        var fields = row.fields
        if let index = header.firstIndex(where: isNotes) {
            while fields.count <= index { fields.append("") }
            fields[index] = fields[index].trimmingWhitespace().isEmpty ? text : fields[index] + "；" + text
        } else {
            // No notes column: one is added after the last, under the header 备注 (see `headerWithNotes`).
            while fields.count < header.count { fields.append("") }
            fields.append(text)
        }
        return CSVReader.Row(line: row.line, fields: fields)
    }

    /// The header the rows are read with: with a notes column added when unknown columns
    /// are kept and the sheet has none.
    func headerWithNotes(keepingUnknown: Bool) -> [String] {
        guard keepingUnknown, kind != .activities, !unknown.isEmpty, !header.contains(where: isNotes) else { return header }
        return header + ["备注"]
    }
}
