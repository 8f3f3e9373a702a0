import Foundation
import TerminalBasics

/// A report as sections of rows, ready for the terminal (columns aligned by display
/// width, so Chinese lines up), for CSV (RFC 4180, one header row per section) and JSON.
public struct ReportTable: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public let title: String
        public let columns: [String]
        public let rows: [[String]]
        public init(title: String, columns: [String], rows: [[String]]) { self.title = title; self.columns = columns; self.rows = rows }
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
                ([section.columns[column]] + section.rows.map { $0.indices.contains(column) ? $0[column] : "" }).map(DisplayWidth.of).max() ?? 0
            }
            func line(_ cells: [String]) -> String {
                let padded = cells.enumerated().map { index, cell in
                    index == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
                }
                return "  " + padded.joined(separator: "  ")
            }
            out.append(line(section.columns))
            out.append("  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            section.rows.forEach { out.append(line($0)) }
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
            lines.append(section.columns.map(field).joined(separator: ","))
            section.rows.forEach { lines.append($0.map(field).joined(separator: ",")) }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    var json: String {
        let object: [String: Any] = [
            "report": name, "title": title,
            "sections": sections.map { ["title": $0.title, "columns": $0.columns, "rows": $0.rows] as [String: Any] },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
