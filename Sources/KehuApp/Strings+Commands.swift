import KehuCore

/// Messages of the older commands: backup, check, export, purge, report, init, team.
extension Strings {
    private var zh: Bool { language == .zh }

    public func backedUp(_ path: String) -> String { zh ? "已备份到 \(path)" : "Backed up to \(path)" }
    public func checkPassed(_ path: String) -> String { zh ? "\(path)：检查通过，没有发现问题。" : "\(path): all checks passed." }
    public func problemsFound(_ count: Int) -> String { zh ? "发现 \(count) 个问题" : "\(count) problems found" }
    public func exportRefused(_ role: Role) -> String {
        zh ? "\(label(role))不能导出档案数据（设置 export.roles）" : "a \(label(role)) may not export archive data (setting export.roles)"
    }
    public func exported(_ rows: Int, to path: String) -> String { zh ? "已导出 \(rows) 行到 \(path)" : "Exported \(rows) rows to \(path)" }
    public var kehuDatabaseAlreadyThereLeftAlone: String {
        zh ? "那里已经有 kehu 的数据，kehu 不会改动它" : "it already holds kehu's data; kehu leaves it alone"
    }
    public var fileAlreadyThereLeftAlone: String { zh ? "文件已存在，kehu 不会改动它" : "a file is already there; kehu leaves it alone" }
    public var nothingToPurge: String { zh ? "没有超过保存期限的客户。" : "No customer is past the retention period." }
    public var purgeTitle: String { zh ? "超过保存期限的客户" : "Customers past the retention period" }
    public var purgeSection: String { zh ? "将删除" : "To remove" }
    public var purgeColumns: [String] { zh ? ["编码", "单位名称", "最后结清", "订单", "记录"] : ["Code", "Name", "Last settled", "Orders", "Activities"] }
    public var purgeNeedsTerminal: String { zh ? "没有终端可以确认；确认删除请加 --yes" : "no terminal to confirm on; add --yes to remove" }
    public func purgeConfirm(_ count: Int) -> String {
        zh ? "删除以上 \(count) 位客户及其全部记录？输入 yes 确认：" : "Remove these \(count) customers and all their records? Type yes: "
    }
    public var nothingRemoved: String { zh ? "未删除任何内容。" : "Nothing removed." }
    public func purged(_ count: Int) -> String { zh ? "已删除 \(count) 位客户，审计日志已记录。" : "Removed \(count) customers; the audit log records each." }
    public func teamOutOfSight(_ team: String, visible: [String]) -> String {
        // One answer whether the team does not exist or lies outside the login's sight: a
        // team's existence is not told beyond it.
        zh ? "你能看到的团队里没有「\(team)」；你能看到的是：\(visible.joined(separator: "、"))"
           : "no team \"\(team)\" among those you may see: \(visible.joined(separator: ", "))"
    }
    public var teamNeedsName: String { zh ? "团队名称不能为空" : "a team needs a name" }
}
