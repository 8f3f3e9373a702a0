import KehuCore

/// Messages of `kehu team` and `kehu init`.
extension Strings {
    public func teamExists(_ name: String) -> String { language == .zh ? "团队「\(name)」已存在" : "Team \"\(name)\" already exists" }
    public func teamAdded(_ name: String) -> String { language == .zh ? "已添加团队「\(name)」" : "Added team \"\(name)\"" }
    public func teamChanged(_ name: String) -> String { language == .zh ? "已修改团队「\(name)」" : "Changed team \"\(name)\"" }
    public func noSuchTeam(_ name: String, known: [String]) -> String {
        let list = known.isEmpty ? (language == .zh ? "还没有团队（kehu team add 名称）" : "none yet (kehu team add NAME)")
                                 : known.joined(separator: language == .zh ? "、" : ", ")
        return language == .zh ? "没有团队「\(name)」；现有团队：\(list)" : "No team \"\(name)\"; teams: \(list)"
    }
    public func databaseInitialised(_ path: String, admin: String) -> String {
        language == .zh ? "已建立数据库 \(path)，管理员 \(admin)。接下来：kehu team add、kehu user add。"
                        : "Created the database \(path) with \(admin) as its admin. Next: kehu team add, kehu user add."
    }
    public func initOnlyOwnLogin(_ login: String) -> String {
        language == .zh ? "只有 root 可以指定别人做管理员；你只能用自己的账号 \(login)"
                        : "only root may name someone else as the admin; you may name yourself (\(login))"
    }
}

/// Messages about company settings (`kehu settings`, the settings view).
extension Strings {
    /// Beside a value in `kehu settings list`: set by the company, or the default.
    public var settingSetMark: String { language == .zh ? "已设" : "set" }
    public var settingDefaultMark: String { language == .zh ? "默认" : "default" }

    /// Why `value` cannot be stored in `key`.
    public func settingRefused(_ key: String, _ problem: CompanySettingProblem) -> String {
        let zh = language == .zh
        switch problem {
        case .unknownKey:
            return zh ? "没有设置项「\(key)」（kehu settings list 列出全部）" : "no setting \"\(key)\" (kehu settings list shows them all)"
        case .notANumber:
            return zh ? "\(key) 须是整数" : "\(key) takes a whole number"
        case .outOfRange(let range):
            return zh ? "\(key) 须在 \(range.lowerBound)–\(range.upperBound) 之间" : "\(key) takes \(range.lowerBound)–\(range.upperBound)"
        case .noRoles:
            return zh ? "\(key) 至少要一个角色" : "\(key) needs at least one role"
        case .unknownRole(let name):
            let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
            return zh ? "没有角色「\(name)」；角色：\(roles)" : "no role \"\(name)\"; roles: \(roles)"
        case .badSampleSize:
            return zh ? "\(key) 须是张数（20）或比例（10%）" : "\(key) takes a count (20) or a share (10%)"
        case .badPeriod:
            return zh ? "\(key) 须是 daily（每天）或 weekly（每周）" : "\(key) takes daily or weekly"
        case .noNames:
            return zh ? "\(key) 至少要一项（用、分隔）" : "\(key) needs at least one name (separated by 、)"
        case .badCriteria:
            return zh ? "\(key) 须是「名称:权重,…」，权重合计 100" : "\(key) takes name:weight,… with weights adding to 100"
        case .mustStayBelow(let other, let value):
            return zh ? "\(key) 不能高于 \(other)（现为 \(value)）" : "\(key) may not be above \(other) (now \(value))"
        case .mustStayAbove(let other, let value):
            return zh ? "\(key) 不能低于 \(other)（现为 \(value)）" : "\(key) may not be below \(other) (now \(value))"
        }
    }
}
