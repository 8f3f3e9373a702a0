import KehuStore

/// Messages about PostgreSQL: its addresses and `kehu migrate`.
extension Strings {
    private var zh: Bool { language == .zh }

    public func message(_ problem: PostgresAddress.Problem) -> String {
        switch problem {
        case .notAnAddress(let text):
            return zh ? "「\(text)」不是可用的 PostgreSQL 地址；例如 postgresql:///kehu?host=/var/run/postgresql 或 postgresql://服务器/kehu"
                      : "\"\(text)\" is not a PostgreSQL address kehu can use; for example postgresql:///kehu?host=/var/run/postgresql or postgresql://server/kehu"
        case .unknownParameter(let name):
            return zh ? "PostgreSQL 地址里有 kehu 不认识的参数「\(name)」（认得 host、port、dbname、sslmode、sslrootcert、sslcert、sslkey）"
                      : "the PostgreSQL address has a parameter kehu does not know: \"\(name)\" (known: host, port, dbname, sslmode, sslrootcert, sslcert, sslkey)"
        }
    }

    public func postgresOtherUser(_ user: String, login: String) -> String {
        zh ? "kehu 以你的登录名 \(login) 连接 PostgreSQL，地址里不能写别人的名字（\(user)）"
           : "kehu connects to PostgreSQL as your login, \(login); the address cannot name someone else (\(user))"
    }

    /// `kehu backup --to postgresql://…`: a backup is a file; a database is moved in by migrate.
    public func backupToAddress(_ address: String) -> String {
        zh ? "kehu backup 只写文件，不写 \(address)。要把数据库搬到 PostgreSQL：kehu migrate --to '\(address)'。"
           : "kehu backup writes a file, not \(address). To move the database into PostgreSQL: kehu migrate --to '\(address)'."
    }
    /// `kehu export --out postgresql://…`: an export is a file too.
    public func exportToAddress(_ address: String) -> String {
        zh ? "kehu export 写的是文件（CSV、XLSX 或 vCard），不写 \(address)。要把数据库搬到 PostgreSQL：kehu migrate --to '\(address)'。"
           : "kehu export writes a file (CSV, XLSX or vCard), not \(address). To move the database into PostgreSQL: kehu migrate --to '\(address)'."
    }
    public func postgresBackup(database: String) -> String {
        zh ? "PostgreSQL 数据库用 PostgreSQL 自己的工具备份。行级安全只让 PostgreSQL 的超级用户读到每一行，所以在数据库服务器上运行：sudo -u postgres pg_dump -Fc \(database) > \(database).dump（别人照常工作）；恢复：sudo -u postgres pg_restore -C -d postgres \(database).dump。"
           : "A PostgreSQL database is backed up with PostgreSQL's own tools. Row-level security lets only PostgreSQL's superuser read every row, so on the database server run: sudo -u postgres pg_dump -Fc \(database) > \(database).dump (others keep working); restore with sudo -u postgres pg_restore -C -d postgres \(database).dump."
    }

    public func message(_ problem: PostgresMoveProblem) -> String {
        switch problem {
        case .cannotConnect(let address, let detail):
            return zh ? "无法连接 \(address)：\(detail)。请检查服务器是否在运行、数据库是否存在、你的登录名是否有同名的数据库角色。"
                      : "Cannot connect to \(address): \(detail). Check that the server runs, the database exists, and a role has your login's name."
        case .targetNotEmpty(let address):
            return zh ? "\(address) 已经有 kehu 的数据；kehu 只往空数据库里迁移，什么都没有写入。"
                      : "\(address) already holds kehu's data; kehu moves only into an empty database. Nothing was written."
        case .targetTextSettings(let address, let encoding, let characterType):
            return zh ? "\(address) 的文字设置不合用（编码 \(encoding)，字符类型 \(characterType)）：kehu 需要 UTF-8 编码、认得汉字的字符类型，否则搜索无法索引中文。请这样建库：createdb -E UTF8 --lc-collate=C --lc-ctype=C.UTF-8 -T template0 名称。什么都没有写入。"
                      : "\(address) keeps text in a way kehu cannot use (encoding \(encoding), character type \(characterType)): kehu needs UTF-8 and a character type that knows Chinese characters, or search cannot index them. Create it with createdb -E UTF8 --lc-collate=C --lc-ctype=C.UTF-8 -T template0 NAME. Nothing was written."
        case .targetNewer(let address, let versions):
            return zh ? "\(address) 由更新版本的 kehu 建立（迁移 \(versions.map(String.init).joined(separator: ", "))）。请升级 kehu；什么都没有写入。"
                      : "\(address) was set up by a newer kehu (migrations \(versions.map(String.init).joined(separator: ", "))). Upgrade kehu; nothing was written."
        case .notAllowed(let address, let detail):
            return zh ? "你的数据库角色不能在 \(address) 建立 kehu 的角色和模式（\(detail)）。它需要 CREATEROLE 并拥有该数据库（或是超级用户）；什么都没有写入。"
                      : "Your database role may not make kehu's roles and schema in \(address) (\(detail)). It needs CREATEROLE and to own the database (or be a superuser); nothing was written."
        case .verificationFailed(let table, let detail):
            return zh ? "表 \(table) 复制后核对不一致（\(detail)），整个迁移已撤销，什么都没有写入。"
                      : "Table \(table) did not read back the same (\(detail)); the whole move was rolled back and nothing was written."
        case .refused(let table, let detail) where table.isEmpty:
            // A statement of no one table (roles, schema), or the connection lost midway.
            return zh ? "PostgreSQL 中止了迁移（\(detail)）；整个迁移已撤销，什么都没有写入。"
                      : "PostgreSQL stopped the move (\(detail)); the whole move was rolled back and nothing was written."
        case .refused(let table, let detail):
            return zh ? "PostgreSQL 拒绝了表 \(table) 的数据（\(detail)）；整个迁移已撤销。请先运行 kehu check。"
                      : "PostgreSQL refused table \(table)'s rows (\(detail)); the whole move was rolled back. Run kehu check first."
        }
    }

    public func movedTable(_ table: String, rows: Int, checksum: String) -> String {
        zh ? "  \(table)：\(rows) 行，SHA-256 \(checksum)… 一致" : "  \(table): \(rows) rows, SHA-256 \(checksum)… identical"
    }

    public func moved(to address: String, tables: Int, rows: Int, logins: [String]) -> String {
        let made = logins.isEmpty ? "" : (zh ? "新建登录角色：\(logins.joined(separator: "、"))。" : " Login roles made: \(logins.joined(separator: ", ")).")
        return zh ? "已迁移到 \(address)：\(tables) 张表共 \(rows) 行，逐表核对行数和校验和一致。\(made)"
                  : "Moved to \(address): \(rows) rows in \(tables) tables, each table's row count and checksum verified.\(made)"
    }
}
