/// Reads the date forms Chinese offices write: `2026-03-05`, `2026/3/5`, `2026.3.5`,
/// `2026年3月5日`, with ASCII or full-width digits.
public enum DateParsing {
    public static func date(_ raw: String) -> LocalDate? {
        let text = Normalization.halfWidth(raw).trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        // Read scalar by scalar: a digit, a separator or a Chinese date word is one scalar
        // each, and any other scalar (a mark after one of them included) refuses the text,
        // as a character walk would, at a fraction of its cost.
        var parts: [Int] = []
        var current = 0, digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                let (shifted, over) = current.multipliedReportingOverflow(by: 10)
                let (sum, carry) = shifted.addingReportingOverflow(Int(scalar.value - 48))
                guard !over, !carry else { return nil }
                current = sum
                digits += 1
            case "-", "/", ".", "年", "月", "日":
                guard digits > 0 else { return nil }
                parts.append(current)
                current = 0; digits = 0
            default:
                return nil
            }
        }
        if digits > 0 { parts.append(current) }
        // A year of four digits once leading zeros are set aside.
        guard parts.count == 3, (1000...9999).contains(parts[0]) else { return nil }
        return LocalDate(year: parts[0], month: parts[1], day: parts[2])
    }

    /// A birthday: a whole date, or a month and day without the year as people often know
    /// it (`3月5日`, `03-05`, `3/5`, `--03-05` as vCard and kehu's export write it), kept
    /// with `LocalDate.yearUnknown`.
    public static func birthday(_ raw: String) -> LocalDate? {
        if let whole = date(raw) { return whole }
        var text = Normalization.halfWidth(raw).trimmingWhitespace()
        if text.hasPrefix("--") { text.removeFirst(2) }
        if text.hasSuffix("日") || text.hasSuffix("号") { text.removeLast() }
        let parts = text.split(whereSeparator: { "-/.月".contains($0) }).map(String.init)
        // MMDD as vCard writes it without separators.
        if parts.count == 1, parts[0].count == 4, let month = Int(parts[0].prefix(2)), let day = Int(parts[0].suffix(2)) {
            return LocalDate(year: LocalDate.yearUnknown, month: month, day: day)
        }
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let month = Int(parts[0]), let day = Int(parts[1]) else { return nil }
        return LocalDate(year: LocalDate.yearUnknown, month: month, day: day)
    }

    /// `2026-03-05 14:30` (seconds, if present, are dropped).
    public static func dateTime(_ raw: String) -> LocalDateTime? {
        let text = Normalization.halfWidth(raw).trimmingWhitespace()
        let halves = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let first = halves.first, let date = date(String(first)) else { return nil }
        guard halves.count == 2 else { return LocalDateTime(date: date, hour: 0, minute: 0) }
        let clock = halves[1].split(separator: ":")
        guard clock.count >= 2, let h = Int(clock[0]), let m = Int(clock[1]) else { return nil }
        return LocalDateTime(date: date, hour: h, minute: m)
    }
}
