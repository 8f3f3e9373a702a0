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

extension Strings {
    public func unknownSetting(_ key: String, families: [String]) -> String {
        language == .zh ? "没有设置项「\(key)」；可用：\(families.joined(separator: "、"))"
                        : "no setting \"\(key)\"; settings: \(families.joined(separator: ", "))"
    }
}
