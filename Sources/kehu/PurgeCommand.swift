import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuStore

/// `kehu purge`: removes customers whose business was all settled longer ago than the
/// retention period (3 years by default). Admins only; asks before removing anything.
struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "List (--dry-run) or remove customers past the retention period (admins only).",
        discussion: """
            A customer is purged when all its orders are settled, the last settlement is older \
            than the retention period (setting retention.years, default 3), no card is open and \
            nothing was logged since. Each removal leaves one audit entry.
            """
    )

    @OptionGroup var common: CommonOptions
    @Flag(help: "Only list what would be removed.") var dryRun = false
    @Flag(help: "Remove without asking (for scripts).") var yes = false

    func run() throws {
        let (store, actor, strings) = try UserCommand.openAsAdmin(common)
        let today = actor.clock.today
        let zh = strings.language == .zh
        let candidates = try store.purgeCandidates(today: today)
        guard !candidates.isEmpty else {
            print(zh ? "没有超过保存期限的客户。" : "No customer is past the retention period.")
            return
        }
        let rows = candidates.map { [$0.code, $0.name, $0.lastSettled.description, String($0.orders), String($0.activities)] }
        let table = ReportTable(name: "purge", title: zh ? "超过保存期限的客户" : "Customers past the retention period",
                                sections: [.init(title: zh ? "将删除" : "To remove",
                                                 columns: zh ? ["编码", "单位名称", "最后结清", "订单", "记录"] : ["Code", "Name", "Last settled", "Orders", "Activities"],
                                                 rows: rows)],
                                emptyText: "")
        print(table.rendered(as: .text), terminator: "")
        if dryRun { return }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw fail(zh ? "没有终端可以确认；确认删除请加 --yes" : "no terminal to confirm on; add --yes to remove", code: 2)
            }
            print(zh ? "删除以上 \(candidates.count) 位客户及其全部记录？输入 yes 确认：" : "Remove these \(candidates.count) customers and all their records? Type yes: ",
                  terminator: "")
            guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                print(zh ? "未删除任何内容。" : "Nothing removed.")
                return
            }
        }
        do {
            let removed = try store.purge(today: today, by: actor)
            print(zh ? "已删除 \(removed.count) 位客户，审计日志已记录。" : "Removed \(removed.count) customers; the audit log records each.")
        } catch let error as StoreError {
            throw fail(strings.message(error), code: ExitCodes.code(for: error))
        }
    }
}
