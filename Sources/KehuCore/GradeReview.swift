/// 客户资格评审: a score sheet of weighted criteria, each scored 0–10, giving 0–100.
public struct ScoreSheet: Hashable, Sendable {
    public struct Criterion: Hashable, Sendable {
        public let name: String
        public let weight: Int
        public init(name: String, weight: Int) { self.name = name; self.weight = weight }
    }

    public let criteria: [Criterion]

    /// The default sheet; weights add up to 100. Companies change it in settings
    /// (`grade.criteria` = "年采购额:30,合作潜力:20,…").
    public static let standard = ScoreSheet(criteria: [
        Criterion(name: "年采购额", weight: 30), Criterion(name: "合作潜力", weight: 20),
        Criterion(name: "信用状况", weight: 15), Criterion(name: "行业影响力", weight: 15),
        Criterion(name: "付款及时", weight: 10), Criterion(name: "合作年限", weight: 10),
    ])

    public init(criteria: [Criterion]) { self.criteria = criteria }

    /// Reads "name:weight,name:weight"; nil when malformed or the weights are not 100.
    public init?(setting raw: String) {
        var list: [Criterion] = []
        for part in Normalization.halfWidth(raw).split(whereSeparator: { $0 == "," || $0 == "，" }) {
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let weight = Int(String(pieces[1]).trimmingWhitespace()), weight > 0 else { return nil }
            let name = String(pieces[0]).trimmingWhitespace()
            guard !name.isEmpty else { return nil }
            list.append(Criterion(name: name, weight: weight))
        }
        guard !list.isEmpty, list.reduce(0, { $0 + $1.weight }) == 100 else { return nil }
        criteria = list
    }

    /// The total 0–100 for scores 0–10 per criterion (rounded to the nearest point).
    public func total(_ scores: [Int]) -> Int {
        let sum = zip(criteria, scores).reduce(0) { $0 + $1.0.weight * min(10, max(0, $1.1)) }
        return (sum + 5) / 10
    }
}

/// Which grade a score earns (SPEC §2: ≥ 80 VIP, 60–79 key, below 60 general) and who
/// must approve a change to it.
public enum GradeReview {
    /// An image customer (形象客户) is proposed for the company's name, not for its score:
    /// `image` gives that grade whatever the score (the sheet is still kept with it).
    public static func grade(forScore score: Int, potential: Bool, image: Bool = false) -> CustomerGrade {
        if image { return .image }
        switch score {
        case 80...: return potential ? .potentialVIP : .vip
        case 60..<80: return potential ? .potentialKey : .key
        default: return .general
        }
    }

    /// The approvers, in order. A downgrade is approved like the grade it leaves.
    public static func approvers(from current: CustomerGrade, to target: CustomerGrade) -> [Role] {
        let senior = rank(current) > rank(target) ? current : target
        switch senior {
        case .vip: return [.salesManager, .marketingManager, .generalManager]
        case .key, .potentialVIP, .potentialKey: return [.salesManager, .marketingManager]
        // Naming a customer an image customer speaks for the company: the managers decide.
        case .image: return current == .image ? [] : [.salesManager, .marketingManager]
        case .general: return []
        }
    }

    static func rank(_ grade: CustomerGrade) -> Int {
        switch grade {
        case .vip: return 4
        case .potentialVIP: return 3
        case .key: return 2
        case .potentialKey: return 1
        case .general, .image: return 0
        }
    }
}

extension CustomerGrade {
    /// The customer code with this grade's letter: the serial stays.
    public func recode(_ code: String) -> String {
        guard !code.isEmpty else { return code }
        var characters = Array(code)
        characters[0] = letter
        return String(characters)
    }
}
