import GRDB
import KehuCore

extension KehuDatabase {
    public func setting(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    /// Every company setting written so far (the rest have their defaults), by key.
    public func settings() throws -> [(key: String, value: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT key, value FROM settings WHERE key NOT IN ('rules.appliedOn', 'structure.checkedOn') ORDER BY key")
                .map { ($0["key"], $0["value"]) }
        }
    }

    /// The families of settings kehu reads; anything else is a typo.
    public static let settingFamilies = ["cadence.", "churn.", "contract.", "downgrade.", "export.roles", "funnel.probability.",
                                         "kpi.", "pool.", "retention.years"]

    /// Changes one company setting, recording the old value in the audit history.
    /// Admins only.
    public func setSetting(_ key: String, to value: String, by actor: Actor) throws {
        try requireAdmin()
        try write { db in
            let old = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key])
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
            try AuditLog.record(db, at: actor.clock.now, actor: actor.login, table: "settings", rowID: 0,
                                field: key, old: old, new: value)
        }
    }

    /// Days until the next follow-up for each intent level, as the company set them.
    public func cadenceDays() throws -> [IntentLevel: Int] {
        var result: [IntentLevel: Int] = [:]
        for level in IntentLevel.allCases {
            result[level] = try setting("cadence.\(level.rawValue)").flatMap(Int.init) ?? level.defaultCadenceDays
        }
        return result
    }
}
