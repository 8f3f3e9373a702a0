import KehuCore
import KehuStore

extension Strings {
    /// The same for the status line, where a long path would push the words out of
    /// sight: the file is the one on screen, so errors about the file leave its path out.
    public func screenMessage(_ error: Error) -> String {
        guard let storeError = error as? StoreError else { return message(error) }
        let zh = language == .zh
        switch storeError {
        case .locked:
            return zh ? "数据库被另一个进程占用，等待超时，改动未保存。请稍后再试。"
                      : "The database stayed locked by another process; nothing was saved. Try again shortly."
        case .diskFull:
            return zh ? "数据库所在的磁盘已满，这次的改动整个没有写入。请腾出空间后再试。"
                      : "The disk holding the database is full; nothing of this change was written. Free some space and try again."
        case .readOnly:
            return zh ? "数据库对你是只读的，改动不能保存。" : "The database is read-only for you; changes cannot be saved."
        case .damaged:
            return self[.databaseDamaged]
        default:
            return message(error)
        }
    }

    /// Any error as one sentence for the status line or the command line; store errors
    /// name the file and what to do.
    public func message(_ error: Error) -> String {
        if let problem = error as? ConfigProblem { return message(problem) }
        if let invalid = error as? ValidationError { return message(invalid) }
        guard let storeError = error as? StoreError else { return String(describing: error) }
        let zh = language == .zh
        switch storeError {
        case .notAKehuDatabase(let path, let detail):
            return zh ? "\(path) 不是 kehu 数据库（\(detail)）。请用 --db 指定 kehu 数据库，或指定一个新文件名。"
                      : "\(path) is not a kehu database (\(detail)). Name a kehu database with --db, or a new file name."
        case .newerSchema(let path, let unknown):
            return zh ? "\(path) 由更新版本的 kehu 创建（未知的迁移: \(unknown.joined(separator: ", "))）。请升级 kehu；文件未做任何改动。"
                      : "\(path) was written by a newer kehu (unknown migrations: \(unknown.joined(separator: ", "))). Upgrade kehu; the file was not changed."
        case .locked(let path):
            return zh ? "\(path) 被另一个进程锁住，等待超时。请稍后再试，或检查是否有卡住的 kehu/sqlite3 进程。"
                      : "\(path) is locked by another process and did not come free in time. Try again, or look for a stuck kehu or sqlite3 process."
        case .damaged(let path, let detail):
            return zh ? "\(path) 已损坏（\(detail)）。kehu 不再写入它；请运行 kehu check 查看详情，并从备份恢复。"
                      : "\(path) is damaged (\(detail)). kehu writes nothing more to it; run kehu check for the details and restore it from a backup."
        case .cannotOpen(let path, let detail):
            return zh ? "无法打开 \(path): \(detail)" : "Cannot open \(path): \(detail)"
        case .diskFull(let path):
            return zh ? "\(path) 所在的磁盘已满，这次的改动整个没有写入。请腾出空间后再试。"
                      : "The disk holding \(path) is full; nothing of this change was written. Free some space and try again."
        case .readOnly(let path):
            return zh ? "\(path) 对你是只读的，不能写入。请让管理员检查文件和所在文件夹的权限。"
                      : "\(path) is read-only for you and cannot be written. Ask the admin to check the file's and its folder's permissions."
        case .conflict(let table, _, let fields):
            let list = fields.map { "\(columnLabel(table, $0.column)): \(storedValue(table, $0.column, $0.theirs))" }
                .joined(separator: zh ? "；" : ", ")
            return zh ? "别人刚修改了同一字段，未覆盖: \(list)" : "Someone else just changed the same field; nothing was overwritten: \(list)"
        case .notFound(let table, let id):
            return zh ? "记录已不存在（\(table) #\(id)）" : "The record no longer exists (\(table) #\(id))"
        case .invalid(let problems):
            return problems.map { message($0) }.joined(separator: zh ? "；" : "; ")
        case .refused(.claimLimit(let n)):
            return zh ? "已达认购上限（最多 \(n) 个潜在客户）" : "Claim limit reached (at most \(n) prospects)"
        case .refused(.cooldown(let until)):
            return zh ? "刚从你名下掉入公海，\(until) 之后才能再认购" : "It left you for the pool recently; you may claim it again from \(until)"
        case .refused(.notInPool):
            return zh ? "这个客户不在公海" : "This customer is not in the pool"
        case .refused(.roleMayNot):
            return zh ? "你的角色不能这样做" : "Your role may not do this"
        case .refused(.ownContract):
            return zh ? "自己录入的合同不能由自己审批" : "A contract is not approved by the person who recorded it"
        case .refused(.contractNotApproved):
            return zh ? "合同尚未审批通过，不能登记发货或回款" : "The contract is not approved yet: no shipment or payment can be booked"
        case .refused(.sameCustomer):
            return zh ? "不能把客户并入它自己" : "A customer cannot be merged into itself"
        case .unknownUser(let login, let path):
            return unknownUser(login, database: path)
        case .badSetting(let key, let problem):
            return settingRefused(key, problem)
        }
    }

    /// A stored value as the user knows it: a card's state, a grade, a decision.
    func storedValue(_ table: String, _ column: String, _ value: String) -> String {
        switch (table, column) {
        case ("intentCards", "state"): return CardState(rawValue: value).map { label($0) } ?? value
        // A card that moved to another customer (a merge) while a follow-up was written on
        // it: the other customer's id says nothing to the writer.
        case ("intentCards", "customerID"): return language == .zh ? "已归到另一个客户" : "now another customer's"
        case (_, "grade"): return CustomerGrade(rawValue: value).map { label($0) } ?? value
        case ("gradeProposals", "state"):
            switch value {
            case "approved": return language == .zh ? "已批准" : "approved"
            case "rejected": return language == .zh ? "已驳回" : "rejected"
            default: return value
            }
        default: return value
        }
    }
}
