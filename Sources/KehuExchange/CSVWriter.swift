import Foundation

/// CSV as Excel in China opens it: UTF-8 with a byte-order mark (how Excel tells UTF-8
/// from GBK), CRLF line ends, a field quoted when it holds a comma, a quote or a line
/// break (a quote inside doubled). `CSVReader` reads every file this writes back to the
/// same fields.
public enum CSVWriter {
    public static func data(_ rows: [[String]]) -> Data {
        let lines = rows.map { $0.map(field).joined(separator: ",") }
        return Data([0xEF, 0xBB, 0xBF]) + Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
