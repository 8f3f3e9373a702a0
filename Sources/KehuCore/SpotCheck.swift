/// How many of the week's cards a sales manager spot-checks: a count ("20") or a share
/// ("10%") — a company setting.
public enum SpotCheckSize: Hashable, Sendable {
    case count(Int)
    case percent(Int)

    public static let standard = SpotCheckSize.count(20)

    /// Reads "20" or "10%"; nil for anything else.
    public init?(setting raw: String) {
        let text = Normalization.halfWidth(raw).trimmingWhitespace()
        if text.hasSuffix("%"), let p = Int(text.dropLast()), (1...100).contains(p) { self = .percent(p); return }
        if let n = Int(text), n > 0 { self = .count(n); return }
        return nil
    }

    public func sampleSize(of population: Int) -> Int {
        switch self {
        case .count(let n): return min(n, population)
        case .percent(let p): return population == 0 ? 0 : max(1, population * p / 100)
        }
    }
}

/// How often managers spot-check (setting `spotcheck.period`): weekly as SPEC's rhythm
/// says, or every day before the end of work as the regulations do (000 §3.4,
/// 每天下班前…抽查).
public enum SpotCheckPeriod: String, CaseIterable, Hashable, Sendable {
    case daily, weekly

    public static let standard = SpotCheckPeriod.weekly

    /// Reads "daily"/"weekly" (or 每天/每日/每周); nil for anything else.
    public init?(setting raw: String) {
        switch Normalization.halfWidth(raw).trimmingWhitespace().lowercased() {
        case "daily", "day", "每天", "每日": self = .daily
        case "weekly", "week", "每周": self = .weekly
        default: return nil
        }
    }

    /// The first day of the period `date` is in: the day itself, or its week's Monday.
    public func start(of date: LocalDate) -> LocalDate {
        self == .daily ? date : SpotCheckSampler.weekStart(of: date)
    }
}

/// The spot check's sample: the same cards all week long (a manager who comes back
/// on Thursday finds Monday's sample), a new sample the next week; with a daily check, the
/// same all day and a new one each day.
public enum SpotCheckSampler {
    /// The Monday that starts `date`'s week.
    public static func weekStart(of date: LocalDate) -> LocalDate { date.adding(days: 1 - date.isoWeekday) }

    /// `week` is the first day of the period (a Monday for a weekly check).
    public static func sample(_ cardIDs: [Int64], week: LocalDate, size: SpotCheckSize) -> [Int64] {
        let unique = Array(Set(cardIDs))
        let n = size.sampleSize(of: unique.count)
        // Rank each card by a hash of (week, card): stable within the week, fresh across weeks.
        func rank(_ id: Int64) -> UInt64 {
            var generator = SeededRandom(seed: UInt64(bitPattern: Int64(week.dayNumber)) &* 0x9E37_79B9 ^ UInt64(bitPattern: id))
            return generator.next()
        }
        return unique.sorted { rank($0) < rank($1) }.prefix(n).sorted()
    }
}
