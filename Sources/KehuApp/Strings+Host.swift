import KehuHost

/// Messages about the host: who the kernel says is running kehu, the installed
/// configuration, and files the user names.
extension Strings {
    public func noPasswdEntry(uid: UInt32) -> String {
        language == .zh ? "系统中没有 uid \(uid) 的账号（passwd 里找不到）；kehu 只认系统账号。"
                        : "uid \(uid) has no entry in the passwd database; kehu only lets in system accounts."
    }

    public func namedDatabaseIgnored(_ named: String, shared: String) -> String {
        language == .zh ? "这个 kehu 只打开团队数据库 \(shared)；指定的 \(named)（--db 或 KEHU_DB）已忽略，只有管理员可以另选数据库。"
                        : "this kehu always opens the team database \(shared); \(named) (from --db or KEHU_DB) is ignored: only admins may choose another."
    }

    public func message(_ problem: InstalledConfig.Problem) -> String {
        let zh = language == .zh
        switch problem {
        case .untrusted(let path, let reason):
            return zh ? "不信任配置文件 \(path)（\(reason)），已忽略：它必须属于 root 且别人不能改。"
                      : "not trusting \(path) (\(reason)); ignored: it must belong to root and be writable by no one else."
        case .malformed(let path, let line):
            return zh ? "\(path):\(line): 应为 key = \"value\"，已忽略整个文件" : "\(path):\(line): expected key = \"value\"; the file is ignored"
        case .noDatabase(let path):
            return zh ? "\(path) 没有写明 database = \"/绝对/路径\"，已忽略" : "\(path) names no database = \"/absolute/path\"; ignored"
        }
    }

    public func message(_ problem: UserFiles.Problem) -> String {
        let zh = language == .zh
        switch problem {
        case .exists(let path):
            return zh ? "\(path) 已经存在；kehu 不会覆盖它（确要覆盖请加 --force）"
                      : "\(path) is already there; kehu will not overwrite it (add --force to replace it)"
        case .cannotRead(let path, let reason):
            return zh ? "无法读取 \(path)：\(reason)" : "cannot read \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            return zh ? "无法写入 \(path)：\(reason)（未留下任何文件）" : "cannot write \(path): \(reason) (nothing was left behind)"
        case .diskFull(let path):
            return zh ? "\(path) 所在的磁盘已满，没有写出任何文件（未留下任何文件）。请腾出空间后再试。"
                      : "The disk holding \(path) is full; nothing was written and nothing was left behind. Free some space and try again."
        }
    }
}
