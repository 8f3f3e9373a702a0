/// Reads the date forms Chinese offices write: `2026-03-05`, `2026/3/5`, `2026.3.5`,
/// `2026年3月5日`, with ASCII or full-width digits.
public enum DateParsing {
    public static func date(_ raw: String) -> LocalDate? {
        let text = Normalization.halfWidth(raw).trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        var parts: [Int] = []
        var current = ""
        for ch in text {
            if ch.isASCII, ch.isNumber {
                current.append(ch)
            } else if "-/.年月日".contains(ch) {
                guard !current.isEmpty, let n = Int(current) else { return nil }
                parts.append(n); current = ""
            } else {
                return nil
            }
        }
        if !current.isEmpty {
            guard let n = Int(current) else { return nil }
            parts.append(n)
        }
        guard parts.count == 3, String(parts[0]).count == 4 else { return nil }
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
