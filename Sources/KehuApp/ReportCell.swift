/// One cell of a report: what a person reads on the terminal (12.5万, 56.6%, a bar) and
/// what a program reads in CSV or JSON — amounts in yuan, ratios as numbers, counts as
/// numbers, and no bar (a picture of the numbers beside it).
public struct ReportCell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case number(Double)
        /// A ratio (0.566 for 56.6%).
        case ratio(Double)
        /// Drawn for people only.
        case picture
    }

    public let shown: String
    public let value: Value

    public init(shown: String, value: Value) { self.shown = shown; self.value = value }
    public init(stringLiteral text: String) { self.init(shown: text, value: .text(text)) }
    public init(stringInterpolation: DefaultStringInterpolation) { self.init(stringLiteral: String(stringInterpolation: stringInterpolation)) }

    public static func text(_ text: String) -> ReportCell { ReportCell(stringLiteral: text) }
    public static func count(_ n: Int) -> ReportCell { ReportCell(shown: String(n), value: .integer(n)) }
    /// An amount as people say it (12.5万), in yuan for programs.
    public static func yuan(_ amount: Int, _ s: Strings) -> ReportCell { ReportCell(shown: s.yuan(amount), value: .integer(amount)) }
    /// A ratio shown as a percentage with one decimal.
    public static func percent(_ ratio: Double) -> ReportCell {
        ReportCell(shown: String(format: "%.1f%%", ratio * 100), value: .ratio(ratio))
    }
    /// A whole percentage as set (a stage's probability, 80%).
    public static func percent(whole: Int) -> ReportCell { ReportCell(shown: "\(whole)%", value: .ratio(Double(whole) / 100)) }

    /// A figure with one decimal, and a mark for people ("12.5 !") a program need not read.
    public static func figure(_ value: Double, mark: String = "") -> ReportCell {
        ReportCell(shown: String(format: "%.1f", value) + mark, value: .number(value))
    }
    public static func bar(_ value: Int, of largest: Int, width: Int = 20) -> ReportCell {
        guard largest > 0, value > 0 else { return ReportCell(shown: "", value: .picture) }
        return ReportCell(shown: String(repeating: "█", count: max(1, value * width / largest)), value: .picture)
    }

    /// The value as CSV writes it: numbers plain (ratios to four decimals), text as it is.
    var machineText: String {
        switch value {
        case .text(let text): return text
        case .integer(let n): return String(n)
        case .number(let x): return String(format: "%.2f", x)
        case .ratio(let x): return String(format: "%.4f", x)
        case .picture: return ""
        }
    }

    /// The value as JSON carries it.
    var jsonValue: Any {
        switch value {
        case .text(let text): return text
        case .integer(let n): return n
        case .number(let x): return (x * 100).rounded() / 100
        case .ratio(let x): return (x * 10_000).rounded() / 10_000
        case .picture: return ""
        }
    }

    var isPicture: Bool { value == .picture }
}
