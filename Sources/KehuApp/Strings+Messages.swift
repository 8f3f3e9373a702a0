import KehuCore
import KehuStore

/// Messages for the command line and the status line: the terminal's size, users, problems in files.
extension Strings {
    public func tooSmall(needWidth: Int, needHeight: Int, width: Int, height: Int) -> String {
        language == .zh ? "终端太小: 需要至少 \(needWidth)×\(needHeight)，当前 \(width)×\(height)"
                        : "Terminal too small: needs \(needWidth)×\(needHeight), now \(width)×\(height)"
    }

    public func unknownUser(_ login: String, database path: String) -> String {
        language == .zh ? "用户 \(login) 未在 \(path) 中登记。请管理员为你添加账号。"
                        : "User \(login) is not registered in \(path). Ask an admin to add you."
    }

    /// `kehu demo` given a PostgreSQL address: a demo is a file, moved in by `kehu migrate`.
    public func demoIsAFile(_ address: String) -> String {
        language == .zh ? "kehu demo 只写 SQLite 文件，不写 \(address)。要在 PostgreSQL 上试用：kehu demo --db demo.db，再 kehu migrate --db demo.db --to '\(address)'（会为演示的每个人建数据库角色）。"
           : "kehu demo writes an SQLite file, not \(address). To try kehu on PostgreSQL: kehu demo --db demo.db, then kehu migrate --db demo.db --to '\(address)' (which makes a database role for each demo person)."
    }
    public func demoWritten(_ path: String, customers: Int, contacts: Int, activities: Int, cards: Int, users: Int) -> String {
        language == .zh ? "已生成演示数据库 \(path)：客户 \(customers)，联系人 \(contacts)，拜访 \(activities)，意向卡 \(cards)，用户 \(users)。"
                        : "Wrote demo database \(path): \(customers) customers, \(contacts) contacts, \(activities) visits, \(cards) cards, \(users) users."
    }

    public func onlyAdmins(_ login: String) -> String {
        language == .zh ? "只有管理员可以这样做（当前用户 \(login)）" : "Only an admin may do this (you are \(login))"
    }
    public var nothingToCopy: String { language == .zh ? "没有选中的客户，无可复制" : "No customer selected: nothing to copy" }
    public func noPhoneToCopy(_ name: String) -> String {
        language == .zh ? "\(name) 没有电话，联系人也没有" : "\(name) has no phone, nor has any contact"
    }
    /// Said after `y` or `Y`: what went to the clipboard, and how.
    public func copied(_ text: String) -> String {
        language == .zh ? "已复制到剪贴板：\(text)（经终端的 OSC 52；tmux 需 set-clipboard on）"
                        : "Copied to the clipboard: \(text) (through the terminal, OSC 52; tmux needs set-clipboard on)"
    }
    /// TERM names a terminal that cannot place the cursor: kehu cannot draw its screen there.
    public func terminalCannotDraw(_ term: String) -> String {
        language == .zh ? "终端类型 TERM=\(term) 不能定位光标，kehu 无法在其中显示界面；请在真正的终端里运行，或设置 TERM=xterm-256color（命令行用法见 kehu --help）"
                        : "The terminal type TERM=\(term) cannot place the cursor, so kehu cannot draw its screen; run it in a real terminal or set TERM=xterm-256color (see kehu --help for commands)"
    }
    public func terminalFallback(_ term: String, as fallback: String) -> String {
        language == .zh ? "本机没有终端 \(term) 的描述，按 \(fallback) 显示（安装 ncurses-term 可得到它的描述）"
                        : "This system has no description of the terminal \(term); drawing as \(fallback) (installing ncurses-term adds it)"
    }
    public func asRefused(_ login: String) -> String {
        language == .zh ? "只有管理员可以用 --as 以他人身份打开 kehu（当前用户 \(login)）" : "Only an admin may open kehu as someone else with --as (you are \(login))"
    }
    public func userExists(_ login: String) -> String { language == .zh ? "用户 \(login) 已存在" : "User \(login) already exists" }
    public func userAdded(_ login: String) -> String { language == .zh ? "已添加用户 \(login)" : "Added user \(login)" }
    public func userChanged(_ login: String) -> String { language == .zh ? "已修改用户 \(login)" : "Changed user \(login)" }
    public func noSuchUser(_ login: String) -> String { language == .zh ? "没有用户 \(login)" : "No user \(login)" }
    public var inactive: String { language == .zh ? "已停用" : "inactive" }

    public func unknownLanguage(_ code: String) -> String {
        language == .zh ? "未知界面语言 \"\(code)\"（可用 zh、en），已用中文" : "Unknown language \"\(code)\" (zh or en); using Chinese"
    }

    /// A validation error as a sentence naming the field and what is wrong with it.
    public func message(_ error: ValidationError) -> String {
        let field = label(error.field)
        switch (language, error) {
        case (.zh, .required): return "\(field)不能为空"
        case (.en, .required): return "\(field) is required"
        case (.zh, .badPhone(_, let v)): return "\(field)「\(v)」不是有效的电话号码"
        case (.en, .badPhone(_, let v)): return "\(field) \"\(v)\" is not a valid phone number"
        case (.zh, .badMobile(_, let v)): return "\(field)「\(v)」不是 11 位手机号"
        case (.en, .badMobile(_, let v)): return "\(field) \"\(v)\" is not an 11-digit mobile number"
        case (.zh, .badEmail(_, let v)): return "\(field)「\(v)」不是有效的邮箱地址"
        case (.en, .badEmail(_, let v)): return "\(field) \"\(v)\" is not a valid email address"
        case (.zh, .badDate(_, let v)): return "\(field)「\(v)」不是日期（例如 2026-03-05）"
        case (.en, .badDate(_, let v)): return "\(field) \"\(v)\" is not a date (e.g. 2026-03-05)"
        case (.zh, .dateBefore(_, let v, let earliest)): return "\(field) \(v) 早于 \(earliest)"
        case (.en, .dateBefore(_, let v, let earliest)): return "\(field) \(v) is before \(earliest)"
        case (.zh, .negative): return "\(field)不能为负数"
        case (.en, .negative): return "\(field) cannot be negative"
        case (.zh, .outOfRange(_, let v)): return "\(field)「\(v)」超出范围"
        case (.en, .outOfRange(_, let v)): return "\(field) \"\(v)\" is out of range"
        }
    }

    /// A keymap or theme problem as `file:line: what`.
    public func message(_ problem: ConfigProblem) -> String { message(problem, short: false) }

    /// `short` names the file without its folder, for the status line where the line
    /// number must stay in sight.
    public func message(_ problem: ConfigProblem, short: Bool) -> String {
        let zh = language == .zh
        let what: String
        switch problem.kind {
        case .malformedLine: what = zh ? "无法识别这一行（应为 键 = \"值\" 或 [表名]）" : "cannot read this line (expected key = \"value\" or [table])"
        case .missingValue: what = zh ? "等号后缺少值" : "missing value after ="
        case .unterminatedString: what = zh ? "字符串缺少结束引号" : "string has no closing quote"
        case .badEscape: what = zh ? "字符串中有无效的转义" : "invalid escape in string"
        case .unquotedString(let w): what = zh ? "值 \(w) 需要加引号" : "value \(w) must be quoted"
        case .duplicateKey(let k, let first): what = zh ? "\(k) 重复（第 \(first) 行已定义）" : "\(k) repeated (already on line \(first))"
        case .duplicateTable(let n, let first): what = zh ? "表 [\(n)] 重复（第 \(first) 行已定义）" : "table [\(n)] repeated (already on line \(first))"
        case .unknownContext(let c): what = zh ? "未知的表 \"\(c)\"" : "unknown table \"\(c)\""
        case .unknownAction(let a): what = zh ? "未知动作 \"\(a)\"" : "unknown action \"\(a)\""
        case .malformedKey(let k): what = zh ? "无法识别的按键 \"\(k)\"" : "malformed key \"\(k)\""
        case .duplicateBinding(let k, let first): what = zh ? "按键 \(k) 重复绑定（第 \(first) 行已绑定）" : "key \(k) bound twice (first on line \(first))"
        case .expectedString: what = zh ? "值应为带引号的字符串" : "value must be a quoted string"
        case .unknownRole(let r): what = zh ? "未知的主题角色 \"\(r)\"" : "unknown theme role \"\(r)\""
        case .badStyle(let s): what = zh ? "无法识别的样式 \"\(s)\"" : "cannot read style \"\(s)\""
        case .fileUnreadable(let d): what = zh ? "无法读取文件: \(d)" : "cannot read the file: \(d)"
        case .notFound(let n): what = zh ? "找不到 \"\(n)\"" : "\"\(n)\" not found"
        case .unknownSetting(let k): what = zh ? "未知的设置 \"\(k)\"" : "unknown setting \"\(k)\""
        case .expectedBoolean: what = zh ? "值应为 true 或 false" : "value must be true or false"
        case .noQuitKey: what = zh ? "[global] 里没有任何键绑定 quit，无法退出；沿用默认键位" : "no key in [global] is bound to quit, so there would be no way out; the default keymap is kept"
        }
        let file = short ? String(problem.file.split(separator: "/").last ?? Substring(problem.file)) : problem.file
        return problem.line > 0 ? "\(file):\(problem.line): \(what)" : "\(file): \(what)"
    }
}
