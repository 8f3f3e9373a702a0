/// The standard archive views (SPEC "Archive views and access"), plus the team pool of
/// unowned prospects.
public enum ArchiveView: String, CaseIterable, Sendable {
    case all
    case cooperating    // 合作伙伴: status a
    case formalVIP      // 正式VIP
    case potentialVIP   // 潜在VIP
    case formalKey      // 正式重点
    case potentialKey   // 潜在重点
    case general        // 一般
    case image          // 形象
    case lost           // 流失: status c
    case pool           // 公海: potential customers without an owner
}
