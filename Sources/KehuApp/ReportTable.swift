import Foundation
import TerminalBasics

/// A report as sections of rows, ready for the terminal (columns aligned by display
/// width, so Chinese lines up), for CSV (RFC 4180, one header row per section) and JSON —
/// those two with raw values (yuan, ratios, counts) and without the bars.
public struct ReportTable: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public let title: String
        public let columns: [String]
        public let rows: [[ReportCell]]
        public init(title: String, columns: [String], rows: [[ReportCell]]) { self.title = title; self.columns = columns; self.rows = rows }

        /// The columns a program reads: all but the bars.
        var machineColumns: [Int] {
            columns.indices.filter { index in !rows.contains { index < $0.count && $0[index].isPicture } }
        }
    }

    public enum Format: String, CaseIterable, Sendable { case text, csv, json }

    public let name: String
    public let title: String
    public let sections: [Section]
    /// Shown in a section without rows.
    public let emptyText: String

    public init(name: String, title: String, sections: [Section], emptyText: String) {
        self.name = name; self.title = title; self.sections = sections; self.emptyText = emptyText
    }

    public func rendered(as format: Format) -> String {
        switch format {
        case .text: return text
        case .csv: return csv
        case .json: return json
        }
    }

    var text: String {
        var out = [title, String(repeating: "=", count: DisplayWidth.of(title))]
        for section in sections {
            out.append("")
            // A section without columns is a note: its title alone.
            guard !section.columns.isEmpty else { out.append(section.title); continue }
            out.append("\(section.title) (\(section.rows.count))")
            guard !section.rows.isEmpty else { out.append("  " + emptyText); continue }
            let widths = section.columns.indices.map { column in
                ([section.columns[column]] + section.rows.map { $0.indices.contains(column) ? $0[column].shown : "" }).map(DisplayWidth.of).max() ?? 0
            }
            func line(_ cells: [String]) -> String {
                let padded = cells.enumerated().map { index, cell in
                    index == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
                }
                return "  " + padded.joined(separator: "  ")
            }
            out.append(line(section.columns))
            out.append("  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            section.rows.forEach { out.append(line($0.map(\.shown))) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    var csv: String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines: [String] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append("") }
            lines.append(field(section.title))
            let kept = section.machineColumns
            lines.append(kept.map { field(section.columns[$0]) }.joined(separator: ","))
            section.rows.forEach { row in lines.append(kept.map { $0 < row.count ? field(row[$0].machineText) : "" }.joined(separator: ",")) }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    var json: String {
        let object: [String: Any] = [
            "report": name, "title": title,
            "sections": sections.map { section -> [String: Any] in
                let kept = section.machineColumns
                return ["title": section.title, "columns": kept.map { section.columns[$0] },
                        "rows": section.rows.map { row in kept.map { $0 < row.count ? row[$0].jsonValue : "" } }]
            },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
