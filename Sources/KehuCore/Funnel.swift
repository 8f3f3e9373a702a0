/// 销售漏斗: open opportunities by stage, D (first contact) → C (initial trust) → B (need
/// understood) → A (about to close). An open card's stage follows its intent level (H and
/// A → A, B → B, C → C); a card nobody has followed up yet is D. Each stage has a
/// probability (company settings `funnel.probability.A` … in percent) for the forecast.
public enum FunnelStage: String, CaseIterable, Sendable, Comparable {
    case a = "A", b = "B", c = "C", d = "D"

    public static func of(level: IntentLevel, followUps: Int) -> FunnelStage {
        guard followUps > 0 else { return .d }
        switch level {
        case .h, .a: return .a
        case .b: return .b
        case .c: return .c
        }
    }

    /// SPEC leaves the numbers to the company; these defaults are the usual rule of thumb.
    public var defaultProbabilityPercent: Int {
        switch self {
        case .a: return 80
        case .b: return 50
        case .c: return 20
        case .d: return 5
        }
    }

    public static func < (x: FunnelStage, y: FunnelStage) -> Bool {
        allCases.firstIndex(of: x)! < allCases.firstIndex(of: y)!
    }
}

/// The customers whose orders make up a share of all order value (the 80/20 rule).
public enum Pareto {
    /// How many of the values, largest first, it takes to reach `share` of their total.
    public static func count(reaching share: Double, of values: [Int]) -> Int {
        let sorted = values.sorted(by: >)
        let total = sorted.reduce(0, +)
        guard total > 0 else { return 0 }
        var running = 0
        for (index, value) in sorted.enumerated() {
            running += value
            if Double(running) >= share * Double(total) { return index + 1 }
        }
        return sorted.count
    }

    /// The share of the total held by the top `fraction` of the values (at least one).
    public static func share(ofTop fraction: Double, of values: [Int]) -> Double {
        let sorted = values.sorted(by: >)
        let total = sorted.reduce(0, +)
        guard total > 0 else { return 0 }
        let top = max(1, Int((Double(sorted.count) * fraction).rounded(.up)))
        return Double(sorted.prefix(top).reduce(0, +)) / Double(total)
    }
}
