/// What a user does in the company; decides what they see and may approve.
public enum Role: String, CaseIterable, Codable, Sendable {
    case salesperson        // 销售顾问 / 商务经理
    case assistant          // 市场助理 / 文员
    case supervisor         // 销售主管
    case salesManager       // 销售经理
    case marketingManager   // 市场经理
    case generalManager     // 总经理
    case admin              // 管理员
}

/// A person using kehu. Identity is the operating-system login (the SSH user).
public struct User: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var login: String
    public var displayName: String
    public var role: Role
    public var teamID: Int64?
    public var region: String
    public var active = true

    public init(id: Int64? = nil, login: String, displayName: String, role: Role,
                teamID: Int64? = nil, region: String = "") {
        self.id = id; self.login = login; self.displayName = displayName
        self.role = role; self.teamID = teamID; self.region = region
    }
}

/// A sales team (销售小组) led by one supervisor.
public struct Team: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var name: String
    public var region: String
    public var supervisorID: Int64?

    public init(id: Int64? = nil, name: String, region: String, supervisorID: Int64? = nil) {
        self.id = id; self.name = name; self.region = region; self.supervisorID = supervisorID
    }
}
