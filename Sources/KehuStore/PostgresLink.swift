import Foundation
import GRDB
import PostgresNIO
import Synchronization

/// One connection to a PostgreSQL server, used the way the store uses SQLite: a call
/// returns when the server has answered. Values go in and come out as the store's own
/// `DatabaseValue`, so the two engines share one vocabulary of values.
///
/// The connection is made as `login`, the kernel's name for the person running kehu:
/// over the local socket PostgreSQL checks it itself (peer authentication); over TCP it
/// asks for that role's password or certificate.
final class PostgresLink: @unchecked Sendable {
    let address: PostgresAddress
    let login: String
    private let connection: PostgresConnection
    private let logger: Logger
    /// Statements prepared on this connection (`preparedResult`), by their text and their
    /// values' types.
    private var prepared: [PreparedKey: PreparedQuery] = [:]
    /// Statements run once, unnamed, on this connection (`preparedResult`).
    private var ranOnce: Set<PreparedKey> = []

    /// A prepared statement's text and what its values are. Writing the types into the
    /// text (`typed`) to find it again walked the card's two kilobytes on every list move.
    private struct PreparedKey: Hashable {
        let sql: String
        let types: [MarkType]

        /// A text whose marks carry their types already.
        init(typedText sql: String) {
            self.sql = sql
            types = []
        }

        init(_ sql: String, _ values: [DatabaseValue]) {
            self.sql = sql
            types = values.map(MarkType.init)
        }
    }

    /// A value's type as a statement's mark is given it (`$1::int8`), so the server reads
    /// the value as it is sent; a NULL's mark is left for the server to type.
    enum MarkType: UInt8, Hashable {
        case null, integer, real, text, bytes

        init(_ value: DatabaseValue) {
            switch value.storage {
            case .null: self = .null
            case .int64: self = .integer
            case .double: self = .real
            case .string: self = .text
            case .blob: self = .bytes
            }
        }

        /// What follows the mark: `::int8`, or nothing for NULL.
        var cast: String {
            switch self {
            case .null: return ""
            case .integer: return "::int8"
            case .real: return "::float8"
            case .text: return "::text"
            case .bytes: return "::bytea"
            }
        }
    }

    /// How many statements this connection has sent (for `PostgresConnections.readOne`'s check).
    private(set) var statementsSent = 0

    /// One thread carries every connection's bytes; the callers wait on it.
    private static let loop = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// Why a connection or a statement failed, in the words the store's errors need.
    enum Failure: Error, CustomStringConvertible {
        /// The server could not be reached, or refused the login.
        case cannotConnect(String)
        /// The server answered a statement with an error (SQLSTATE and its message).
        case server(state: String, message: String, statement: String)

        var description: String {
            switch self {
            case .cannotConnect(let detail): return detail
            case .server(let state, let message, _): return "\(message) (SQLSTATE \(state))"
            }
        }

        var state: String? {
            if case .server(let state, _, _) = self { return state }
            return nil
        }

        /// The connection is over: it was lost, or the server ended it (an administrator, a
        /// shutdown, a restart: class 57P) or it failed (class 08). Which of these a
        /// statement meets depends on whether the server's last word arrived before it was
        /// sent; either way the connection must not be used again.
        var endsConnection: Bool {
            switch self {
            case .cannotConnect: return true
            case .server(let state, _, _): return state.hasPrefix("57P") || state.hasPrefix("08")
            }
        }

        /// The server gave up a transaction to keep it serializable, or to end a deadlock:
        /// running it again from the start is the cure.
        var isSerializationFailure: Bool { state == "40001" || state == "40P01" }
    }

    private init(address: PostgresAddress, login: String, connection: PostgresConnection, logger: Logger) {
        self.address = address
        self.login = login
        self.connection = connection
        self.logger = logger
    }

    static func open(_ address: PostgresAddress, login: String, home: String) throws -> PostgresLink {
        var logger = Logger(label: "kehu.postgres")
        logger.logLevel = .critical
        var configuration: PostgresConnection.Configuration
        switch address.endpoint {
        case .socket(let path):
            configuration = .init(unixSocketPath: path, username: login, password: nil, database: address.database)
        case .tcp(let host, let port):
            let password = address.password ?? address.passwordFromFile(home: home, login: login)
            configuration = .init(host: host, port: port, username: login, password: password,
                                  database: address.database, tls: try tls(for: address))
        }
        // Every kehu object lives in its own schema: said as the connection starts, not by
        // a statement after (a round trip less on each connection). Parallel appends off:
        // a search reads its tiers as one UNION ALL in order and stops at the list's limit,
        // which a parallel append (its parts run side by side) would interleave. No
        // parallel plans at all: a prepared search, once PostgreSQL plans it for any query
        // (a generic plan), read a search line by a parallel scan of every customer's
        // instead of its trigram index, 17–24 ms a keystroke for a phone's digits against
        // 2 ms (the search's slowest keystrokes, 2026-12-03); and kehu's statements are a
        // person's, many at once on one server, where workers would only take cores from
        // the colleagues.
        configuration.options.additionalStartupParameters = [("search_path", "kehu, public"), ("enable_parallel_append", "off"),
                                                             ("max_parallel_workers_per_gather", "0")]
        do {
            let connection = try PostgresConnection.connect(on: loop.next(), configuration: configuration, id: 1, logger: logger).wait()
            return PostgresLink(address: address, login: login, connection: connection, logger: logger)
        } catch let failure as Failure {
            throw failure
        } catch {
            // The usual reason in plain words: nothing listens where the address points.
            if case .socket(let path) = address.endpoint, !FileManager.default.fileExists(atPath: path) {
                throw Failure.cannotConnect("no PostgreSQL server listens at \(path)")
            }
            throw Failure.cannotConnect(Self.describe(error))
        }
    }

    private static func tls(for address: PostgresAddress) throws -> PostgresConnection.Configuration.TLS {
        guard address.tls != .disable else { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch address.tls {
        case .verifyFull: configuration.certificateVerification = .fullVerification
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        default: configuration.certificateVerification = .none
        }
        do {
            if let root = address.rootCertificate {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(root))
            }
            if let certificate = address.certificate, let key = address.key {
                configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) }
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
            }
            let context = try NIOSSLContext(configuration: configuration)
            return address.tls == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw Failure.cannotConnect(Self.describe(error))
        }
    }

    func close() {
        guard !closed.withLock({ done in defer { done = true }; return done }) else { return }
        try? connection.close().wait()
    }

    private let closed = Mutex(false)

    // A connection is closed before it goes (postgres-nio insists): a store dropped
    // without `close()` still says goodbye to the server.
    deinit { close() }

    /// Calls `heard` (on the connection's own thread) at each notification on `channel`
    /// until the connection closes; PostgreSQL is told to send them (`LISTEN`).
    func listen(_ channel: String, _ heard: @Sendable @escaping () -> Void) throws {
        connection.addListener(channel: channel) { _, _ in heard() }
        try execute("LISTEN " + channel)
    }

    /// Runs one statement; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ values: [DatabaseValue] = []) throws -> Int {
        let result = try run(sql, values)
        return result.metadata.rows ?? 0
    }

    /// The rows one statement returns, each as its values in column order.
    func rows(_ sql: String, _ values: [DatabaseValue] = []) throws -> [[DatabaseValue]] {
        try run(sql, values).rows.map { row in row.map(Self.value) }
    }

    /// The rows one statement returns with its columns' names.
    func result(_ sql: String, _ values: [DatabaseValue] = []) throws -> (columns: [String], rows: [[DatabaseValue]]) {
        let answer = try run(sql, values)
        var columns: [String] = []
        var rows: [[DatabaseValue]] = []
        rows.reserveCapacity(answer.rows.count)
        for row in answer.rows {
            if columns.isEmpty { columns = row.map(\.columnName) }
            rows.append(row.map(Self.value))
        }
        return (columns, rows)
    }

    /// The rows of a statement the store runs again and again (a card's, a list page's),
    /// prepared once on this connection: PostgreSQL then plans it once, where planning an
    /// unnamed statement took longer than running it (the timeline's: 1.1 ms planned,
    /// 0.15 ms run). Each value's type is written into the text, as the unnamed statement
    /// sends them, so both are read the same way.
    /// Its first time on a connection a statement goes unnamed, in one round trip:
    /// preparing it is a round trip of its own, and a start reads each of its first
    /// screen's statements once (it reached its first frame in 12 round trips, now 8).
    /// It is prepared the second time.
    func preparedResult(_ sql: String, _ values: [DatabaseValue]) throws -> (columns: [String], rows: [[DatabaseValue]]) {
        let key = PreparedKey(sql, values)
        guard prepared[key] != nil || !ranOnce.insert(key).inserted else { return try result(Self.typed(sql, values), values) }
        let answer = try runPrepared(key, sql, values) { Self.typed(sql, values) }
        var columns: [String] = []
        var rows: [[DatabaseValue]] = []
        rows.reserveCapacity(answer.count)
        for row in answer {
            if columns.isEmpty { columns = row.map(\.columnName) }
            // postgres-nio asks for every prepared result in binary, but labels the
            // cells with the format the statement's description gave (text).
            rows.append(row.map { cell in
                var binary = cell
                binary.format = .binary
                return Self.value(binary)
            })
        }
        return (columns, rows)
    }

    /// Sends a statement whose marks have their types written in already (a batch of rows,
    /// `PostgresRowBatch`), prepared once on this connection, without waiting for the
    /// server's answer: the writer gathers the next batch while the server writes this one.
    /// An import sends the same 500-row INSERT hundreds of times; parsed and planned anew
    /// each time, its 17,500 values cost the server more than writing the rows did, and
    /// waiting for each answer left the server idle while kehu made the next.
    /// Every other statement (and `settle`) waits for the answers first, so a batch's
    /// failure is told as its own, before anything that follows it.
    func sendPrepared(_ sql: String, _ values: [DatabaseValue]) throws {
        // At most two batches on their way: each holds its values until answered. (A
        // refused one fails this batch; the rest are waited for, ready for the ROLLBACK.)
        while unanswered.count >= 2 {
            do { try answer(unanswered.removeFirst()) } catch {
                try? settle()
                throw error
            }
        }
        let query = try preparedQuery(PreparedKey(typedText: sql), sql) { sql }
        statementsSent += 1
        unanswered.append((sql, query.execute(values.map(Self.data))))
    }

    /// Batches sent and not yet answered (`sendPrepared`), oldest first.
    private var unanswered: [(sql: String, answer: EventLoopFuture<[PostgresRow]>)] = []

    /// Ends the transaction without keeping anything: batches still on their way are
    /// waited for first, whatever they answer (a refused one is why, often).
    func rollback() throws {
        try? settle()
        try execute("ROLLBACK")
    }

    /// Waits for every batch sent; throws the first one's failure (all are waited for,
    /// so the connection is ready for a ROLLBACK after).
    func settle() throws {
        var first: Error?
        while !unanswered.isEmpty {
            do { try answer(unanswered.removeFirst()) } catch { first = first ?? error }
        }
        if let first { throw first }
    }

    private func answer(_ sent: (sql: String, answer: EventLoopFuture<[PostgresRow]>)) throws {
        _ = try told(sent.sql, key: nil) { try sent.answer.wait() }
    }

    private func runPrepared(_ key: PreparedKey, _ sql: String, _ values: [DatabaseValue], text: () -> String) throws -> [PostgresRow] {
        try settle()
        let query = try preparedQuery(key, sql, text: text)
        statementsSent += 1
        return try told(sql, key: key) { try query.execute(values.map(Self.data)).wait() }
    }

    /// The statement prepared on this connection for `key`, prepared now if need be.
    private func preparedQuery(_ key: PreparedKey, _ sql: String, text: () -> String) throws -> PreparedQuery {
        guard !connection.isClosed else { throw Failure.cannotConnect(Self.connectionLost) }
        if let known = prepared[key] { return known }
        let query = try told(sql, key: key) { try connection.prepare(query: text()).wait() }
        prepared[key] = query
        return query
    }

    /// `body`'s failure in kehu's words (`Failure`).
    private func told<T>(_ sql: String, key: PreparedKey?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError {
            if case .server(let server) = error, let state = server.fields[.sqlState] {
                // A statement prepared before the schema changed under it is prepared again.
                if state == "0A000", let key { prepared[key] = nil }
                throw Failure.server(state: state, message: server.fields[.message] ?? "", statement: sql)
            }
            throw Failure.cannotConnect("\(error)")
        } catch let error as PSQLError {
            if let server = error.serverInfo, let state = server[.sqlState] {
                throw Failure.server(state: state, message: server[.message] ?? "", statement: sql)
            }
            throw Failure.cannotConnect(Self.describe(error))
        }
    }

    /// `sql` with each mark typed as its value is (`$1::int8`); a NULL's mark is left for
    /// the server to type. Quoted text is left alone.
    static func typed(_ sql: String, _ values: [DatabaseValue]) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + values.count * 6)
        var quoted = false
        var scalars = sql.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            out.unicodeScalars.append(scalar)
            if scalar == "'" { quoted.toggle(); continue }
            guard !quoted, scalar == "$", let first = pending, ("0"..."9").contains(first) else { continue }
            var number = 0
            while let digit = pending, ("0"..."9").contains(digit) {
                out.unicodeScalars.append(digit)
                number = number * 10 + Int(digit.value - 48)
                pending = scalars.next()
            }
            guard number >= 1, number <= values.count else { continue }
            out += MarkType(values[number - 1]).cast
        }
        return out
    }

    private static func data(_ value: DatabaseValue) -> PostgresData {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return PostgresData(int64: number)
        case .double(let number): return PostgresData(double: number)
        case .string(let text): return PostgresData(string: text)
        case .blob(let bytes): return PostgresData(bytes: [UInt8](bytes))
        }
    }

    /// The first column of the first row, if any.
    func value(_ sql: String, _ values: [DatabaseValue] = []) throws -> DatabaseValue? {
        try rows(sql, values).first?.first
    }

    /// Whether the first column of the first row is true (or a non-zero number).
    func flag(_ sql: String, _ values: [DatabaseValue] = []) throws -> Bool {
        if case .int64(let number)? = try value(sql, values)?.storage { return number != 0 }
        return false
    }

    /// `body` inside one transaction: committed when it returns, rolled back when it throws.
    /// A serializable one behaves as if no one else wrote meanwhile (as SQLite's single
    /// writer does); PostgreSQL may then refuse it at a conflict (`isSerializationFailure`).
    func transaction<T>(serializable: Bool = false, readOnly: Bool = false, _ body: () throws -> T) throws -> T {
        try execute("BEGIN" + (serializable ? " ISOLATION LEVEL SERIALIZABLE" : readOnly ? " ISOLATION LEVEL REPEATABLE READ" : "")
                    + (readOnly ? " READ ONLY" : ""))
        do {
            let result = try body()
            // A batch still on its way fails the transaction here, rolled back below.
            try settle()
            try execute("COMMIT")
            return result
        } catch {
            _ = try? rollback()
            throw error
        }
    }

    /// Rows streamed into `table` with `COPY … FROM STDIN` (text format): `produce` hands
    /// over the rows' text a chunk at a time, on the caller's thread, while the connection's
    /// own sends them; a few chunks wait at most, so a table of any size streams in little memory.
    func copy(into table: String, columns: [String], _ produce: (_ send: (String) throws -> Void) throws -> Void) throws {
        try settle()
        let (chunks, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
        let room = DispatchSemaphore(value: 4), finished = DispatchSemaphore(value: 0)
        let outcome = CopyOutcome()
        let connection = connection, logger = logger
        Task.detached {
            do {
                try await connection.copyFrom(table: table.lowercased(), columns: columns.map { $0.lowercased() }, logger: logger) { writer in
                    for await chunk in chunks {
                        try await writer.write(chunk)
                        room.signal()
                    }
                }
            } catch {
                outcome.fail(error)
                room.signal()
            }
            finished.signal()
        }
        do {
            try produce { text in
                room.wait()
                if let error = outcome.error {
                    room.signal()
                    throw error
                }
                continuation.yield(ByteBuffer(string: text))
            }
        } catch {
            outcome.fail(error)
        }
        continuation.finish()
        finished.wait()
        if let error = outcome.error {
            if let error = error as? PSQLError, let server = error.serverInfo, let state = server[.sqlState] {
                throw Failure.server(state: state, message: server[.message] ?? "", statement: "COPY " + table)
            }
            throw error
        }
    }

    /// The first error of a copy, from whichever side met it.
    private final class CopyOutcome: @unchecked Sendable {
        private let lock = NSLock()
        private var first: Error?
        var error: Error? { lock.withLock { first } }
        func fail(_ error: Error) { lock.withLock { if first == nil { first = error } } }
    }

    private func run(_ sql: String, _ values: [DatabaseValue]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value.storage {
            case .null: bindings.appendNull()
            case .int64(let number): bindings.append(number)
            case .double(let number): bindings.append(number)
            case .string(let text): bindings.append(text)
            case .blob(let data): bindings.append(ByteBuffer(bytes: data))
            }
        }
        try settle()
        statementsSent += 1
        // A statement sent on a connection the server has ended is never answered
        // (postgres-nio drops it): told as a lost connection instead of waited for.
        guard !connection.isClosed else { throw Failure.cannotConnect(Self.connectionLost) }
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).wait()
        } catch let error as PSQLError {
            if let server = error.serverInfo, let state = server[.sqlState] {
                throw Failure.server(state: state, message: server[.message] ?? "", statement: sql)
            }
            throw Failure.cannotConnect(Self.describe(error))
        }
    }

    /// A cell as the store's value: integers, text, reals and bytes as SQLite keeps them,
    /// a boolean as 1 or 0, anything else as its text.
    private static func value(_ cell: PostgresCell) -> DatabaseValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8:
            return (try? cell.decode(Int64.self)).map { $0.databaseValue } ?? .null
        case .bool:
            return (try? cell.decode(Bool.self)).map { ($0 ? 1 : 0 as Int64).databaseValue } ?? .null
        case .float4, .float8:
            return (try? cell.decode(Double.self)).map { $0.databaseValue } ?? .null
        case .bytea:
            return (try? cell.decode(ByteBuffer.self)).map { Data($0.readableBytesView).databaseValue } ?? .null
        case .numeric:
            // Sums and averages of integers: a whole number as an integer, as SQLite gives it.
            guard let number = try? cell.decode(Decimal.self) else { return .null }
            var rounded = Decimal(), copy = number
            NSDecimalRound(&rounded, &copy, 0, .plain)
            if rounded == number, let whole = Int64(exactly: NSDecimalNumber(decimal: number).int64Value), Decimal(whole) == number {
                return whole.databaseValue
            }
            return NSDecimalNumber(decimal: number).doubleValue.databaseValue
        default:
            return (try? cell.decode(String.self)).map { $0.databaseValue } ?? .null
        }
    }

    static let connectionLost = "the server closed the connection"

    /// Whether the server has ended this connection (restarted, or an administrator).
    var isClosed: Bool { connection.isClosed }

    static func describe(_ error: Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return String(describing: underlying) }
            return String(describing: error.code)
        }
        return String(describing: error)
    }
}
