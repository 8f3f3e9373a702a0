import KehuCore

/// Amounts as salespeople write them: `300000`, `30万`, `30 万元`, `1.5万`, `３０万`.
enum AmountInput {
    /// Yuan, or nil when the text is not an amount.
    static func yuan(_ raw: String) -> Int? {
        var text = Normalization.halfWidth(raw).trimmingWhitespace().replacingOccurrences(of: ",", with: "")
        var factor = 1.0
        for suffix in ["万元", "万"] where text.hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count)).trimmingWhitespace()
            factor = 10_000
            break
        }
        if text.hasSuffix("元") { text = String(text.dropLast()).trimmingWhitespace() }
        guard let value = Double(text), value >= 0, value.isFinite else { return nil }
        return Int((value * factor).rounded())
    }

    /// A whole number, or nil.
    static func integer(_ raw: String) -> Int? {
        Int(Normalization.halfWidth(raw).trimmingWhitespace())
    }
}
