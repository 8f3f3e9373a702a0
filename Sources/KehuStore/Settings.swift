import GRDB
import KehuCore

/// A company setting and the value it has now.
public struct SettingInForce: Hashable, Sendable {
    public let setting: CompanySetting
    public let value: String
    /// Set by the company (otherwise the default is in force).
    public let isSet: Bool
}

extension KehuDatabase {
    public func setting(_ key: String) throws -> String? {
        try settings([key])[key]
    }

    /// The values written of several settings, by key (those never written are missing), in
    /// one read: a start and every list window ask for several, and on PostgreSQL each read
    /// is a round trip.
    func settings(_ keys: [String]) throws -> [String: String] {
        // (PostgreSQL refuses an empty IN list.)
        guard !keys.isEmpty else { return [:] }
        let rows = try readOne { db in
            try StoreRow.fetchAll(db, sql: "SELECT key, value FROM settings WHERE key IN (\(keys.map { _ in "?" }.joined(separator: ", ")))",
                                  arguments: SQLArguments(keys))
        }
        var written: [String: String] = [:]
        for row in rows { written[row["key"]] = row["value"] }
        return written
    }

    /// Every company setting written so far (the rest have their defaults), by key.
    public func settings() throws -> [(key: String, value: String)] {
        try read { db in
            try StoreRow.fetchAll(db, sql: "SELECT key, value FROM settings WHERE key NOT IN ('rules.appliedOn', 'structure.checkedOn') ORDER BY key")
                .map { ($0["key"], $0["value"]) }
        }
    }

    /// Every setting with the value in force: the company's where set, else the default.
    public func settingsInForce() throws -> [SettingInForce] {
        let stored = Dictionary(try settings().map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        return CompanySettings.all.map { setting in
            SettingInForce(setting: setting, value: stored[setting.key] ?? setting.defaultValue, isSet: stored[setting.key] != nil)
        }
    }

    /// Changes one company setting to a value it can take (stored as its readers read it:
    /// `１５` is kept as `15`), recording the old value in the audit history. Admins only.
    /// An unknown key or a bad value is refused and nothing is written. Returns the value
    /// stored.
    @discardableResult
    public func setSetting(_ key: String, to raw: String, by actor: Actor) throws -> String {
        try requireAdmin()
        return try write { db in
            let current = Dictionary(try StoreRow.fetchAll(db, sql: "SELECT key, value FROM settings").map { ($0["key"] as String, $0["value"] as String) },
                                     uniquingKeysWith: { a, _ in a })
            let value: String
            switch CompanySettings.validate(key, raw, current: current) {
            case .success(let normalized): value = normalized
            case .failure(let problem): throw StoreError.badSetting(key: key, problem: problem)
            }
            let old = current[key]
            guard old != value else { return value }
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
            try AuditLog.record(db, at: actor.clock.now, actor: actor.login, table: "settings", rowID: 0,
                                field: key, old: old, new: value)
            return value
        }
    }

    /// Days until the next follow-up for each intent level, as the company set them.
    public func cadenceDays() throws -> [IntentLevel: Int] {
        let written = try settings(IntentLevel.allCases.map { "cadence.\($0.rawValue)" })
        var result: [IntentLevel: Int] = [:]
        for level in IntentLevel.allCases {
            result[level] = written["cadence.\(level.rawValue)"].flatMap(Int.init) ?? level.defaultCadenceDays
        }
        return result
    }
}
