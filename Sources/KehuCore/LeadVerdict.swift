/// Whether a lead is an effective potential customer (有效潜在客户) or not (000 §3.4–3.5,
/// §4): judged by the assistant who summarises the week's leads, or by the team's
/// supervisor or a manager checking the calls; kept apart so the archive can separate
/// effective customers from the rest, and summed up each week (客户跟进单).
public struct LeadVerdict: Hashable, Sendable {
    public var effective: Bool
    /// Why (required when ineffective: no need, does not qualify, wrong number …).
    public var note: String
    public var judgedByID: Int64
    public var judgedAt: LocalDateTime

    public init(effective: Bool, note: String, judgedByID: Int64, judgedAt: LocalDateTime) {
        self.effective = effective; self.note = note; self.judgedByID = judgedByID; self.judgedAt = judgedAt
    }

    /// The roles that judge leads: the assistants who summarise them, the supervisors and
    /// managers who check the calls, and admins.
    public static func mayJudge(_ role: Role) -> Bool {
        [.assistant, .supervisor, .salesManager, .marketingManager, .admin].contains(role)
    }

    public func validate() -> [ValidationError] {
        effective || !note.trimmingWhitespace().isEmpty ? [] : [.required(field: .leadVerdictNote)]
    }
}
