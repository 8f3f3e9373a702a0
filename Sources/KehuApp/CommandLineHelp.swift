/// The command line's own words in Chinese, keyed by their English (the text in each
/// command's definition): summaries, option help, usage errors. `tr` in the kehu
/// executable looks them up for a Chinese session.
public enum CommandLineHelp {
    public static let chinese: [String: String] = [
        "Copy the whole database into PostgreSQL and verify every table (admins only).": "把整个数据库复制到 PostgreSQL 并逐表核对（仅管理员）。",
        "The PostgreSQL database: postgresql://… (see above).": "PostgreSQL 数据库：postgresql://…（见上文）。",
        "The target must be an empty database (createdb -E UTF8 --lc-collate=C --lc-ctype=C.UTF-8 -T template0 NAME), reached as your own login: over the local socket (postgresql:///kehu?host=/var/run/postgresql, peer authentication) or TCP (postgresql://host/kehu, password from ~/.pgpass or a certificate). Your role needs CREATEROLE and to own the database (or be a superuser): kehu makes the roles kehu_owner (owns every table, cannot log in) and kehu_user, the schema kehu with row-level security on every table, and a login role for each kehu user. Every table is read back and its row count and SHA-256 compared with SQLite's; any difference rolls everything back.": "目标必须是一个空数据库（createdb -E UTF8 --lc-collate=C --lc-ctype=C.UTF-8 -T template0 名称），以你自己的登录名连接：本机套接字（postgresql:///kehu?host=/var/run/postgresql，peer 认证）或 TCP（postgresql://主机/kehu，密码取自 ~/.pgpass，或用证书）。你的数据库角色需要 CREATEROLE 并拥有该数据库（或是超级用户）：kehu 建立角色 kehu_owner（拥有所有表，不能登录）和 kehu_user、每张表都启用行级安全的模式 kehu，并为每位 kehu 用户建立同名登录角色。每张表都会读回，行数和 SHA-256 与 SQLite 的比对；有任何不同就全部撤销。",
        "Copy the whole database to a new file while others keep working (admins only).": "把整个数据库复制到一个新文件，复制时别人照常工作（仅管理员）。",
        "Check the database: integrity, references, customer codes (admins only; reads only; exit 6 when something is wrong).": "检查数据库：完整性、引用、客户编码（仅管理员；只读；有问题时退出码 6）。",
        "The new file (mode 0600, yours); kehu never overwrites one or follows a link.": "新文件（权限 0600，属于你）；kehu 从不覆盖已有文件，也不跟随链接。",
        "The database file or postgresql:// address (default: $KEHU_DB, else $XDG_DATA_HOME/kehu/kehu.db).": "数据库文件或 postgresql:// 地址（默认：$KEHU_DB，否则 $XDG_DATA_HOME/kehu/kehu.db）。",
        "Interface language: zh or en (default: $KEHU_LANG, else the locale).": "界面语言：zh 或 en（默认：$KEHU_LANG，否则看系统语言设置）。",
        """
            Three regional teams with a supervisor, four salespeople and an assistant each, a sales \
            manager, customers across real provinces and cities, a year of calls and visits, and open \
            intent cards due around today (some overdue). The same --seed gives the same data. \
            The login running this command becomes the database's admin. An existing file is never overwritten.
            """: "三个大区团队，每队一名主管、四名销售和一名助理，一名销售经理；客户遍布真实的省市，一年的电话和拜访记录，今天前后到期的意向卡（部分逾期）。同一个 --seed 生成同样的数据。运行此命令的账号成为数据库的管理员。已有文件绝不覆盖。",
        "Print kehu's manual page (roff), written from the commands' help: kehu manual | man -l -": "打印 kehu 的手册页（roff 格式），由各命令的帮助生成：kehu manual | man -l -",
        "A new display name.": "新的显示名。",
        "A new region, e.g. 华南.": "新的大区，例如 华南。",
        "A new region, e.g. 华东.": "新的大区，例如 华东。",
        "Write a demo database of a Chinese sales company.": "生成一个中国销售公司的演示数据库。",
        "How many customers (1 to 1,000,000).": "客户数量（1 到 1,000,000）。",
        "Seed for the random choices: the same seed gives the same database.": "随机种子：同一个种子生成同样的数据库。",
        "Pretend today is this date (YYYY-MM-DD); histories end and cards fall due around it.": "把这一天当作今天（YYYY-MM-DD）；历史记录在这天结束，意向卡在这天前后到期。",
        """
            Only what your role may see, and only for roles allowed to export (setting export.roles; \
            by default admins and the general, sales and marketing managers). CSV and vCard go to \
            standard output without --out; XLSX needs --out. An existing file is never overwritten \
            unless --force.
            """: "只导出你的角色能看到的，且只限允许导出的角色（设置 export.roles；默认是管理员、总经理、销售经理和市场经理）。不加 --out 时 CSV 和 vCard 输出到标准输出；XLSX 必须加 --out。已有文件不会被覆盖，除非加 --force。",
        "Export customers, contacts, activities or intent cards as CSV (UTF-8 with BOM), XLSX or vCard 4.0 (contacts).": "导出客户、联系人、拜访记录或意向卡：CSV（带 BOM 的 UTF-8）、XLSX 或 vCard 4.0（联系人）。",
        "customers, contacts, activities or cards.": "customers（客户）、contacts（联系人）、activities（拜访记录）或 cards（意向卡）。",
        "csv, xlsx or vcf.": "csv、xlsx 或 vcf。",
        "An archive view: all, cooperating, formalVIP, potentialVIP, formalKey, potentialKey, general, image, lost, pool.": "档案视图：all、cooperating、formalVIP、potentialVIP、formalKey、potentialKey、general、image、lost、pool。",
        "The file to write (new, mode 0600; never through a link).": "要写入的文件（新文件，权限 0600；从不经由链接写入）。",
        "Replace a file already at --out.": "替换 --out 处已有的文件。",
        """
            Headers in Chinese or English (单位名称/name, 电话/phone, 联系人, 手机, 省份, 城市, 客户等级, 客户状态, \
            客户来源, 客户类型, 责任人, 团队, 客户编码, 建档日期 …), and everything kehu export writes; \
            --mapping FILE adds your own (one `header = field` a line). A title row above the headers \
            and empty rows are skipped; rows are named by their number in the sheet. Text is kept \
            exactly as written; phones, dates and codes are normalised. --dry-run says for each row \
            what would be created, updated, skipped as a duplicate (same phone or name) or rejected and \
            why. A real import is all or nothing; with --skip-bad the rejected rows go to \
            FILE.rejects.csv and the rest is imported. A 责任人 column (or --owner) gives customers to \
            that person and their team; without one they go to the importer's team pool. Contacts and \
            activities (visit history) and cards (intent cards) attach to customers found by 客户编码, \
            else 单位名称; a visit keeps its date, number, 经办人, signed comment and 意向卡号; a card \
            keeps its number, 填卡人 and every field. Admins, supervisors and sales managers only.
            """: "列名可以是中文或英文（单位名称/name、电话/phone、联系人、手机、省份、城市、客户等级、客户状态、客户来源、客户类型、责任人、团队、客户编码、建档日期……），kehu export 写出的列都认得；--mapping 文件可以补充你自己的列名（每行一条“列名 = 字段”）。表头上方的标题行和空行会跳过；行号与表格中的行号一致。文字按原样保存；电话、日期和编码会规范化。--dry-run 逐行说明会新建、更新、作为重复跳过（同电话或同名称）还是拒绝及原因。正式导入要么全部成功要么什么都不写；加 --skip-bad 时被拒的行写入 文件名.rejects.csv，其余照常导入。有“责任人”列（或 --owner）时客户归该人及其团队；没有时进入导入人所在团队的公海。联系人、拜访记录和意向卡按客户编码、否则按单位名称找到客户；拜访保留原来的日期、次数、经办人、主管批示和意向卡号；意向卡保留卡号、填卡人和全部字段。仅限管理员、主管和销售经理。",
        "Import customers (with a contact each), contacts, visit history or intent cards from an Excel workbook (.xlsx) or CSV (UTF-8 with or without BOM, or GBK/GB18030).": "从 Excel 工作簿（.xlsx）或 CSV（UTF-8，带或不带 BOM，或 GBK/GB18030）导入客户（各带一位联系人）、联系人、拜访历史或意向卡。",
        "customers, contacts, activities or cards": "customers（客户）、contacts（联系人）、activities（拜访记录）或 cards（意向卡）",
        "The workbook (.xlsx) or CSV file.": "工作簿（.xlsx）或 CSV 文件。",
        "Which sheet of an Excel workbook (default: the first).": "Excel 工作簿中的哪张工作表（默认：第一张）。",
        "Keep what columns kehu does not know hold in the notes (座机：…).": "把 kehu 不认识的列的内容记入备注（座机：……）。",
        "Take a customer whose name differs from an archived one only in company form or spacing as that customer (skip it).": "名称与档案中客户只差公司形式或空格时，当作同一客户（跳过）。",
        "The row that holds the headers (default: found by itself, below any title rows).": "表头所在的行号（默认：自动查找，可在标题行下方）。",
        "Only report what would happen.": "只说明会发生什么，不写入。",
        "Import the good rows; write the rejected ones beside the file.": "导入合格的行；被拒的行写到文件旁边。",
        "A file of `header = field` lines for headers kehu does not know.": "一个“列名 = 字段”的文件，用于 kehu 不认识的列名。",
        "Owner login for the imported customers (default: none, the pool).": "导入客户的负责人账号（默认：无，进入公海）。",
        "With --skip-bad: replace a rejects file already there.": "与 --skip-bad 一起用：替换已存在的拒绝文件。",
        "Create a new, empty database with its first admin (root may name any login; others themselves).": "新建一个空数据库并指定第一位管理员（root 可以指定任何账号，其他人只能指定自己）。",
        "The admin's operating-system login.": "管理员的系统账号。",
        "The admin's display name, e.g. 王芳.": "管理员的显示名，例如 王芳。",
        """
            Without a sub-command kehu opens the customer screen. An installed, shared kehu opens \
            the team database its PREFIX/etc/kehu/kehu.toml names (--db and $KEHU_DB for admins only). \
            Otherwise the database is --db, else $KEHU_DB, else $XDG_DATA_HOME/kehu/kehu.db (created on first use). \
            You are who the system says you are (your login), never what a variable says.
            Options of the customer screen: --db FILE the database, --demo the demo database (made on \
            first use), --lang zh|en the language, --theme and --keymap, --as LOGIN (admins). \
            kehu open --help says more; kehu --version prints the version.
            Exit codes: 0 ok, 2 usage, 3 not a kehu database, 4 newer schema, 5 locked, \
            6 damaged, 7 cannot open, 8 unknown user, 9 no usable terminal, 10 not allowed.
            """: "不带子命令时 kehu 打开客户界面。共享安装的 kehu 打开 PREFIX/etc/kehu/kehu.toml 指定的团队数据库（--db 和 $KEHU_DB 只对管理员有效）。否则数据库是 --db，否则 $KEHU_DB，否则 $XDG_DATA_HOME/kehu/kehu.db（第一次使用时创建）。你是谁由系统账号决定，与任何环境变量无关。\n打开客户界面的选项：--db 文件 指定数据库，--demo 打开演示数据库（第一次使用时生成），--lang zh|en 界面语言，--theme 和 --keymap，--as 账号（管理员）。详见 kehu open --help；kehu --version 显示版本。\n退出码：0 正常，2 用法错误，3 不是 kehu 数据库，4 更新版本的数据库，5 被锁，6 损坏，7 无法打开，8 未知用户，9 没有可用终端，10 无权操作。",
        "kehu 客户 — a keyboard-driven terminal CRM for sales teams.": "kehu 客户 —— 为销售团队打造的键盘驱动终端 CRM。",
        "Open the customer screen (what plain `kehu` does).": "打开客户界面（直接运行 kehu 就是这个）。",
        "Open the demo database in your data folder, creating it on first use.": "打开你数据目录中的演示数据库，第一次使用时创建。",
        "Colour theme: dark, vivid, light, high-contrast, mono, or one in $XDG_CONFIG_HOME/kehu/themes.": "配色主题：dark、vivid、light、high-contrast、mono，或 $XDG_CONFIG_HOME/kehu/themes 中你自己的。",
        "Keymap: default, vim, emacs, or one in $XDG_CONFIG_HOME/kehu/keymaps.": "键位：default、vim、emacs，或 $XDG_CONFIG_HOME/kehu/keymaps 中你自己的。",
        "Leave the mouse to the terminal (its own selection and copy); also `mouse = false` in $XDG_CONFIG_HOME/kehu/terminal.toml.": "鼠标留给终端（用终端自己的选择和复制）；也可在 $XDG_CONFIG_HOME/kehu/terminal.toml 中写 `mouse = false`。",
        "Admins only: open kehu as this user, to see what they see.": "仅管理员：以这个用户的身份打开 kehu，看到他看到的。",
        """
            A customer is purged when all its orders are settled, the last settlement is older \
            than the retention period (setting retention.years, default 3), no card is open and \
            nothing was logged since. Each removal leaves one audit entry.
            """: "客户的所有订单都已结清、最后一次结清早于保存期限（设置 retention.years，默认 3 年）、没有未结的意向卡、此后也没有任何记录时，才会被清除。每删除一位客户留下一条审计记录。",
        "List (--dry-run) or remove customers past the retention period (admins only).": "列出（--dry-run）或删除超过保存期限的客户（仅管理员）。",
        "Only list what would be removed.": "只列出会删除的客户。",
        "Remove without asking (for scripts).": "不再询问直接删除（用于脚本）。",
        "Print a report: churn, funnel, kpi, pareto, defeats, sources, vip-progress, leads or outstanding.": "打印报表：churn、funnel、kpi、pareto、defeats、sources、vip-progress、leads 或 outstanding。",
        "churn (lost customers by grade, owner, reason), kpi (contacts and visits against targets), funnel (open cards by stage, forecast), pareto (80/20 of order value), defeats (reasons, competitors, products), sources (leads and deals per source), vip-progress (potential VIP customers month by month), leads (the week's effective and ineffective leads), outstanding (what customers still owe on approved contracts, and contracts awaiting approval).": "churn（按等级、负责人、原因统计的流失客户）、kpi（联系和拜访对比指标）、funnel（按阶段的未结意向卡与预测）、pareto（订单金额的 80/20）、defeats（战败原因、竞争对手、所购产品）、sources（各来源的线索与成交）、vip-progress（潜在 VIP 客户逐月进展）、leads（本周的有效与无效线索）、outstanding（已批准合同的欠款，以及待审批的合同）。",
        "Only one team's customers (a team's name).": "只看一个团队的客户（团队名称）。",
        "A calendar month, e.g. 2026-10.": "一个自然月，例如 2026-10。",
        "First day of the period.": "期间的第一天。",
        "Last day of the period.": "期间的最后一天。",
        "text, csv or json.": "text、csv 或 json。",
        "List, read or change company settings (admins only).": "列出、读取或修改公司设置（仅管理员）。",
        "List every setting: key, value in force, whether the company set it, what it means.": "列出全部设置：键、当前值、是否由公司设过、含义。",
        "Print the value in force of one setting.": "显示一项设置的当前值。",
        "The setting's key, e.g. pool.claimLimit.": "设置的键，例如 pool.claimLimit。",
        "The new value.": "新的值。",
        "Change one setting, e.g. kehu settings set export.roles \"admin,salesManager,supervisor\".": "修改一项设置，例如 kehu settings set export.roles \"admin,salesManager,supervisor\"。",
        "kehu settings list shows every key with its value and meaning. A value the setting cannot take is refused with exit 2 and nothing changes.": "kehu settings list 列出每个键及其值和含义。设置不能接受的值会被拒绝（退出码 2），什么都不改。",
        "Manage the sales teams: name, region and supervisor (admins only).": "管理销售团队：名称、大区和主管（仅管理员）。",
        "Add a team: its name, region and (optionally) its supervisor's login.": "新增团队：名称、大区，以及（可选）主管的账号。",
        "List teams with region, supervisor and how many people.": "列出团队及其大区、主管和人数。",
        "Rename a team, or change its region or supervisor.": "给团队改名，或修改其大区、主管。",
        "The team's name, e.g. 华东一组.": "团队名称，例如 华东一组。",
        "Region, e.g. 华东.": "大区，例如 华东。",
        "The supervisor's login (a user of this database).": "主管的账号（本数据库的用户）。",
        "The team's current name.": "团队现在的名称。",
        "A new name.": "新名称。",
        "The supervisor's login, or none.": "主管的账号，或 none。",
        "Manage the people who use this database (admins only).": "管理使用本数据库的人员（仅管理员）。",
        "Add a user: their OS login, name, role, team and region.": "新增用户：系统账号、姓名、角色、团队和大区。",
        "List users with role, team and region.": "列出用户及其角色、团队和大区。",
        "Change a user's name, role, team, region or whether they may log in.": "修改用户的姓名、角色、团队、大区或能否登录。",
        "The operating-system login (as over SSH).": "系统账号（SSH 登录用的）。",
        "Display name, e.g. 张伟.": "显示名，例如 张伟。",
        "salesperson, assistant, supervisor, salesManager, marketingManager, generalManager or admin.": "salesperson（销售顾问）、assistant（助理）、supervisor（主管）、salesManager（销售经理）、marketingManager（市场经理）、generalManager（总经理）或 admin（管理员）。",
        "Team name.": "团队名称。",
        "Region, e.g. 华南.": "大区，例如 华南。",
        "Team name, or none.": "团队名称，或 none。",
        "true or false.": "true 或 false。",
        "--customers must be between 1 and 1000000, not %@": "--customers 应在 1 到 1000000 之间，而不是 %@",
        "--today \"%@\" is not a date like 2026-11-22": "--today「%@」不是像 2026-11-22 这样的日期",
        "unknown kind \"%@\"; one of: customers, contacts, activities, cards": "未知的种类「%@」；可选：customers、contacts、activities、cards",
        "unknown format \"%@\"; one of: csv, xlsx, vcf": "未知的格式「%@」；可选：csv、xlsx、vcf",
        "unknown view \"%@\"; one of: %@": "未知的视图「%@」；可选：%@",
        "vCard is for contacts: kehu export contacts --format vcf": "vCard 只用于联系人：kehu export contacts --format vcf",
        "an XLSX workbook needs --out FILE": "XLSX 工作簿需要 --out 文件",
        "--demo and --db name two different databases; give one": "--demo 和 --db 指的是两个不同的数据库；只给一个",
        "unknown format \"%@\"; one of: text, csv, json": "未知的格式「%@」；可选：text、csv、json",
        "unknown report \"%@\"; one of: churn, funnel, kpi, pareto, defeats, sources, vip-progress, leads, outstanding": "未知的报表「%@」；可选：churn、funnel、kpi、pareto、defeats、sources、vip-progress、leads、outstanding",
        "--month \"%@\" is not a month like 2026-10": "--month「%@」不是像 2026-10 这样的月份",
        "--%@ \"%@\" is not a date like 2026-10-01": "--%@「%@」不是像 2026-10-01 这样的日期",
        "--from %@ is after --to %@": "--from %@ 晚于 --to %@",
        "unknown role \"%@\"; one of: %@": "未知的角色「%@」；可选：%@",
        "no team named \"%@\"; teams: %@": "没有名为「%@」的团队；现有团队：%@",
        "none yet (kehu team add NAME)": "还没有（kehu team add 名称）",
        "An installed kehu creates its configured team database; otherwise --db or the default. A postgresql://… address sets kehu up in that empty database, as kehu migrate does (the same checks). An existing database is never touched.": "装好的 kehu 创建它配置的团队数据库；否则是 --db 或默认位置。postgresql://… 地址则在那个空数据库里建立 kehu（与 kehu migrate 同样的检查）。已有的数据库绝不改动。",
        "The period is --month (default: last month; for leads, this week), or --from and --to (dates like 2026-10-01 or 2026/10/1).": "期间是 --month（默认：上个月；leads 默认本周），或 --from 和 --to（日期如 2026-10-01 或 2026/10/1）。",
        "Say what is waiting for you today: due and overdue, call-backs, birthdays, new comments, customers dropping to the pool tomorrow.": "说说今天等着你的事：到期和逾期、回电、生日、新批示、明天掉入公海的客户。",
        "With --login (for a profile script at SSH login) it says nothing, and exits 0, for anyone kehu does not know, and waits at most a second for a busy database.": "加 --login（用于 SSH 登录时的 profile 脚本）时，对 kehu 不认识的人什么都不说并以 0 退出，数据库忙时最多等一秒。",
        "text or json.": "text 或 json。",
        "Quiet for people who do not use kehu; never holds up a login.": "对不用 kehu 的人保持安静；绝不拖慢登录。",
        "unknown format \"%@\"; one of: text, json": "未知的格式「%@」；可选：text、json",
    ]
}
