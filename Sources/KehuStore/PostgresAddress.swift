import Foundation

/// Where a PostgreSQL database is, read from a `postgresql://` address as libpq writes
/// them: `postgresql:///kehu?host=/var/run/postgresql` (the local socket, with peer
/// authentication) or `postgresql://db.example.com:5432/kehu?sslmode=verify-full`
/// (TCP, with a password from the address or `~/.pgpass`, or a client certificate).
///
/// Who connects is not the address's to say: kehu connects as the kernel's login, and
/// an address naming someone else is refused.
public struct PostgresAddress: Hashable, Sendable {
    public enum Endpoint: Hashable, Sendable {
        /// The socket file itself (`<folder>/.s.PGSQL.<port>`).
        case socket(path: String)
        case tcp(host: String, port: Int)
    }

    /// How TCP is protected (libpq's `sslmode`, without the modes that trust anything).
    public enum TLSMode: String, Hashable, Sendable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var endpoint: Endpoint
    public var database: String
    /// The role named in the address, if any (it must be the login).
    public var user: String?
    public var password: String?
    public var tls: TLSMode
    /// PEM files: the authorities the server's certificate must chain to, and the client's
    /// own certificate and key (certificate authentication).
    public var rootCertificate: String?
    public var certificate: String?
    public var key: String?

    /// The folder Debian's PostgreSQL puts its socket in.
    public static let defaultSocketFolder = "/var/run/postgresql"

    public enum Problem: Error, Hashable, Sendable {
        /// Not a `postgresql://` (or `postgres://`) address, or not one kehu can read.
        case notAnAddress(String)
        /// A query parameter kehu does not know (a typo must not be ignored).
        case unknownParameter(String)
    }

    /// Whether `text` is meant as a PostgreSQL address rather than a file.
    public static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init(_ text: String) throws {
        guard Self.isAddress(text), var parts = URLComponents(string: text) else { throw Problem.notAnAddress(text) }
        parts.scheme = "postgresql"
        var host = parts.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        var port = parts.port ?? 5432
        var database = String(parts.path.drop(while: { $0 == "/" }))
        user = parts.user.flatMap { $0.isEmpty ? nil : $0 }
        password = parts.password
        var tls: TLSMode = .prefer
        for item in parts.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "host": host = value
            case "port":
                guard let number = Int(value), (1...65535).contains(number) else { throw Problem.notAnAddress(text) }
                port = number
            case "dbname": database = value
            case "user": user = value.isEmpty ? nil : value
            case "password": password = value
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else { throw Problem.unknownParameter("sslmode=" + value) }
                tls = mode
            case "sslrootcert": rootCertificate = value
            case "sslcert": certificate = value
            case "sslkey": key = value
            case "application_name", "connect_timeout": continue
            default: throw Problem.unknownParameter(item.name)
            }
        }
        guard !database.isEmpty, !database.contains("/") else { throw Problem.notAnAddress(text) }
        self.database = database
        self.tls = tls
        if host.isEmpty || host.hasPrefix("/") {
            let folder = host.isEmpty ? Self.defaultSocketFolder : host
            endpoint = .socket(path: folder + "/.s.PGSQL.\(port)")
            // A socket is not encrypted; its safety is the folder's.
            self.tls = .disable
        } else {
            endpoint = .tcp(host: host, port: port)
        }
    }

    /// The address again, without its password: for messages and the status line.
    public var shown: String {
        var text = "postgresql://"
        switch endpoint {
        case .tcp(let host, let port):
            text += (user.map { $0 + "@" } ?? "") + host + (port == 5432 ? "" : ":\(port)") + "/" + database
            if tls != .prefer { text += "?sslmode=" + tls.rawValue }
        case .socket(let path):
            let folder = String(path[..<(path.range(of: "/.s.PGSQL.", options: .backwards)?.lowerBound ?? path.endIndex)])
            text += "/" + database + (folder == Self.defaultSocketFolder ? "" : "?host=" + folder)
        }
        return text
    }

    /// The password for `login` from `~/.pgpass` (libpq's format: host:port:database:user:password,
    /// `*` for any, `\` escaping), read only when the file is the user's alone, as libpq insists.
    public func passwordFromFile(home: String, login: String) -> String? {
        guard case .tcp(let host, let port) = endpoint else { return nil }
        let path = home + "/.pgpass"
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_mode & 0o077 == 0,
              info.st_uid == getuid(), let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.pgpassFields(line)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, login]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    static func pgpassFields(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", escaped = false
        for character in line {
            if escaped { field.append(character); escaped = false }
            else if character == "\\" { escaped = true }
            else if character == ":" { fields.append(field); field = "" }
            else { field.append(character) }
        }
        fields.append(field)
        return fields
    }
}
