import KehuApp

/// The parts of kehu(1) no command's help holds — the shared server, exit status,
/// environment, files — and the page's headings, in the session's language. Written as
/// roff; ManualPage puts the commands' own help between them.
struct ManualSections {
    let language: Language
    private var zh: Bool { language == .zh }

    var manualTitle: String { zh ? "用户命令" : "User Commands" }
    var name: String { zh ? "名称" : "NAME" }
    var synopsis: String { zh ? "概要" : "SYNOPSIS" }
    var description: String { zh ? "说明" : "DESCRIPTION" }
    var commands: String { zh ? "子命令" : "COMMANDS" }
    var keys: String { zh ? "按键（默认键位）" : "KEYS (default keymap)" }

    func defaultValue(_ value: String) -> String { zh ? "（默认：\(value)）" : "(default: \(value))" }

    var sharedServer: [String] {
        zh ? [
            ".SH 共享服务器",
            "安装好的 kehu，若 \\fIPREFIX\\fR/etc/kehu/kehu.toml 属于 root 且别人不可写，就为每个人打开其中指定的团队数据库。"
                + "程序以一个没有任何人所属的组 setgid 运行，数据库只有这个组能读写，所以只能通过 kehu 进入。"
                + "\\fB\\-\\-db\\fR 和 \\fBKEHU_DB\\fR 只对管理员有效，其他人会被告知已忽略。"
                + "你指定的文件（导入文件、\\fB\\-\\-out\\fR、拒绝文件、备份、键位和主题）都以你自己的权限打开，编辑器也以你的权限运行。",
        ] : [
            ".SH SHARED SERVER",
            "An installed kehu whose \\fIPREFIX\\fR/etc/kehu/kehu.toml is owned by root and writable by",
            "nobody else opens the team database named there for everyone. The binary is setgid to a",
            "group no person belongs to, and the database is readable by that group only, so kehu is",
            "the only way in. \\fB\\-\\-db\\fR and \\fBKEHU_DB\\fR are honoured for admins only; others are told",
            "they are ignored. Files you name (import files, \\fB\\-\\-out\\fR, rejects files, backups,",
            "keymaps, themes) are opened with your own rights, and your editor runs with them.",
        ]
    }

    /// Exit status, environment, files, see also.
    var rest: [String] {
        zh ? [
            ".SH 退出码",
            // One source line: groff joins lines with a space, which Chinese does not want.
            "0 正常，2 或 64 用法错误，3 不是 kehu 数据库，4 由更新版本的 kehu 写入，5 被锁，6 损坏，"
                + "7 无法打开或写入（文件已存在、磁盘已满、只读文件），8 未知用户，9 没有可用终端，10 无权操作，"
                + "65 无法作为数据读取的文件，128+N 被信号 N 结束（终端断开而没有信号时也是 129；打开的表单保存为草稿）。",
            ".SH 环境变量",
            ".TP", ".B KEHU_DB", "数据库文件（共享安装中只对管理员有效）。",
            ".TP", ".B KEHU_LANG", "界面语言 zh 或 en；没有时看 LC_ALL、LC_MESSAGES、LANG。",
            ".TP", ".B XDG_CONFIG_HOME, XDG_DATA_HOME", "你自己的键位、主题和设置；单人数据库和演示数据库。",
            ".TP", ".B EDITOR, VISUAL", "表单中 C\\-o 打开的编辑器。",
            ".TP", ".B NO_COLOR", "不用颜色（mono 主题）。",
            ".SH 文件",
            ".TP", ".I PREFIX/etc/kehu/kehu.toml", "共享安装的 database = \"/srv/kehu/kehu.db\"。",
            ".TP", ".I PREFIX/share/kehu/keymaps, PREFIX/share/kehu/themes", "随附的键位和主题；$XDG_CONFIG_HOME/kehu 中你自己的会覆盖它们。",
            ".TP", ".I $XDG_DATA_HOME/kehu/kehu.db", "单人数据库（权限 0600），旁边是 demo.db。",
            ".SH 另见",
            "sqlite3(1), runuser(1)",
        ] : [
            ".SH EXIT STATUS",
            "0 ok, 2 or 64 usage, 3 not a kehu database, 4 written by a newer kehu, 5 locked, 6 damaged,",
            "7 cannot open or write (a file already there, a full disk, a read-only file), 8 unknown user, 9 no usable terminal, 10 not allowed,",
            "65 a file kehu cannot read as data, 128+N ended by signal N (129 also when the terminal",
            "went away without one; an open form is kept as a draft).",
            ".SH ENVIRONMENT",
            ".TP", ".B KEHU_DB", "The database file (for admins only in a shared install).",
            ".TP", ".B KEHU_LANG", "The language, zh or en; without it LC_ALL, LC_MESSAGES, LANG.",
            ".TP", ".B XDG_CONFIG_HOME, XDG_DATA_HOME", "Your keymaps, themes and settings; a single user's and the demo database.",
            ".TP", ".B EDITOR, VISUAL", "The editor C\\-o opens from a form.",
            ".TP", ".B NO_COLOR", "No colours (the mono theme).",
            ".SH FILES",
            ".TP", ".I PREFIX/etc/kehu/kehu.toml", "database = \"/srv/kehu/kehu.db\" for a shared install.",
            ".TP", ".I PREFIX/share/kehu/keymaps, PREFIX/share/kehu/themes", "Shipped keymaps and themes; yours in $XDG_CONFIG_HOME/kehu override them.",
            ".TP", ".I $XDG_DATA_HOME/kehu/kehu.db", "A single user's database (mode 0600), and demo.db beside it.",
            ".SH SEE ALSO",
            "sqlite3(1), runuser(1)",
        ]
    }
}
