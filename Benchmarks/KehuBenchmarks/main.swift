import Foundation
import KehuDemo
import KehuCore
import KehuHost
import KehuStore
import KehuApp
import TerminalBasics

// kehu's store operations timed on a demo database of the size a large sales organisation
// has. Run in a release build:
//
//     swift run -c release kehu-bench [--customers 100000] [--saves 500] [--db PATH]
//                                     [--postgres postgresql://…]
//                                     [--keys-only | --imports-only | --terminal-only
//                                      | --store-only | --list-moves N] [--theme NAME]
//
// With --postgres the demo is moved into that (empty) PostgreSQL database once and
// everything is measured there instead, through the same store (scripts/bench starts a
// throw-away cluster for it); the terminal's bytes, abook and the brief are SQLite's.
// The database is made once (about 15 s for 100,000 customers) and reused; each save is a
// transaction of its own on a real file in WAL mode, as in daily use, and stays there: the
// evening queue grows from run to run (compare engines per follow-up, or on new files).

struct Options {
    var customers = 100_000
    var saves = 500
    var path: String?
    /// Only the imports (a sheet from CSV and from XLSX into a new database), then stop:
    /// `--imports-only`, for measuring import changes without the rest of the suite.
    var importsOnly = false
    /// Only the card read and the keypresses in-process: `--keys-only`, for measuring the
    /// list and search paths quickly.
    var keysOnly = false
    /// Only the real binary in a pseudo-terminal (first paint, writes and bytes per key,
    /// memory, abook, live refresh): `--terminal-only`.
    var terminalOnly = false
    /// Only the store's operations (saves, queues, pages, cards, search), then stop:
    /// `--store-only`, for measuring query changes without the imports and the terminal.
    var storeOnly = false
    /// Measure on PostgreSQL at this address: `--postgres postgresql://…`.
    var postgres: String?
    /// Only this many list moves (↓ and ↑) and nothing else: `--list-moves N`, for counting
    /// a move's instructions, which do not vary with the machine's load as its time does:
    /// the difference between two runs under `valgrind --tool=callgrind`, divided by the
    /// difference in moves (valgrind 3.19 cannot read Swift 6.3's debug information: run
    /// it on a copy made with `strip --strip-debug`).
    var listMoves: Int?
    /// The theme the terminal's bytes are measured in: `--theme vivid` (default dark).
    var theme = "dark"

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            switch flag {
            case "--customers": customers = Int(rest.popFirst() ?? "") ?? customers
            case "--saves": saves = Int(rest.popFirst() ?? "") ?? saves
            case "--db": path = rest.popFirst()
            case "--imports-only": importsOnly = true
            case "--keys-only": keysOnly = true
            case "--terminal-only": terminalOnly = true
            case "--store-only": storeOnly = true
            case "--postgres": postgres = rest.popFirst()
            case "--list-moves": listMoves = Int(rest.popFirst() ?? "")
            case "--theme": theme = rest.popFirst() ?? theme
            default:
                FileHandle.standardError.write(Data("unknown option \(flag); see the comment at the top of main.swift\n".utf8))
                exit(2)
            }
        }
    }
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func report(_ name: String, _ samples: [Double]) {
    let sorted = samples.sorted()
    let line = [name.padding(toLength: 34, withPad: " ", startingAt: 0),
                String(format: "%6d", sorted.count),
                String(format: "%9.3f", percentile(sorted, 0.5)),
                String(format: "%9.3f", percentile(sorted, 0.99)),
                String(format: "%9.3f", sorted.last ?? 0)].joined(separator: " ")
    print(line)
}

let options = Options(CommandLine.arguments)

/// The login running the benchmark, from the kernel: the demo's admin, so the real kehu
/// lets it in, and the store's door sees the whole archive.
let kernelLogin = try VerifiedLogin.fromKernel()
let osLogin = kernelLogin.name
let postgresAddress = try options.postgres.map { try PostgresAddress($0) }

/// The real kehu, beside this benchmark (scripts/bench builds both).
let kehuBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path + "/kehu"
let home = NSTemporaryDirectory() + "kehu-bench-home"
try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "KEHU_LANG": "zh", "HOME": home, "XDG_CONFIG_HOME": home + "/config",
                   "XDG_DATA_HOME": home + "/data", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "USER": osLogin]

/// Importing a sheet of 100,000 customers, or as many as the demo has when that is more
/// (`KEHU_BENCH_IMPORT_ROWS` for another size), into a fresh database, from CSV and from
/// XLSX, by the real `kehu import`: three times each, a million rows too (a shared
/// machine varies by a fifth from one minute to the next: one run of a minute says little).
func runImports() throws {
    guard FileManager.default.isExecutableFile(atPath: kehuBinary) else {
        print("(no kehu binary beside kehu-bench: run `swift build -c release` for the imports)")
        return
    }
    let importRows = Int(ProcessInfo.processInfo.environment["KEHU_BENCH_IMPORT_ROWS"] ?? "") ?? max(100_000, options.customers)
    for (sheet, what) in [(ImportBenchmark.Sheet.csv, "from CSV (read, parse, check, write; one transaction)"),
                          (.xlsx, "from XLSX (unzip, read the sheet, check, write; one transaction)")] {
        var floor: PostgresWriteFloor?
        let measured = try ImportBenchmark.run(rows: importRows, login: osLogin, kehu: kehuBinary, environment: environment, sheet: sheet,
                                               postgres: postgresAddress, floor: sheet == .csv ? { floor = $0 } : nil)
        print("import \(importRows) rows \(what), kehu import's own process: " + ImportBenchmark.summary(measured.milliseconds)
              + String(format: ", peak memory %.0f MB", measured.peakMegabytes))
        if let floor {
            print(String(format: "PostgreSQL alone writing the same %d rows (server-side INSERT … SELECT into tables like kehu's, one run): "
                         + "indexes kept %.1f s; indexes made after %.1f s (of which making them %.1f s)",
                         floor.rows, floor.indexesKept / 1000, floor.indexesMadeAfter / 1000, floor.makingIndexes / 1000))
        }
    }
}
if options.importsOnly {
    try runImports()
    exit(0)
}
let path = options.path ?? NSTemporaryDirectory() + "kehu-bench-\(options.customers).db"
let today = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 10, minute: 0)!
if !FileManager.default.fileExists(atPath: path) {
    print("making demo database \(path) (\(options.customers) customers)…")
    let took = try milliseconds {
        _ = try DemoDatabase.create(at: path, options: DemoOptions(customers: options.customers, seed: 1, now: today, creatorLogin: osLogin))
    }
    print(String(format: "made in %.1f s", took / 1000))
}
let store: KehuDatabase
if let postgresAddress {
    // The same demo, moved into PostgreSQL once (the address's database must be empty the
    // first time; later runs find it there).
    let sqlite = try KehuDatabase.open(path: path, as: kernelLogin)
    if (try? KehuDatabase.open(postgres: postgresAddress, as: kernelLogin)) == nil {
        print("moving the demo into \(postgresAddress.shown)…")
        let took = try milliseconds { _ = try sqlite.moveToPostgres(postgresAddress, as: kernelLogin, at: today) { _, _, _ in } }
        print(String(format: "moved in %.1f s", took / 1000))
    }
    try sqlite.close()
    store = try KehuDatabase.open(postgres: postgresAddress, as: kernelLogin)
    print("engine: PostgreSQL \(postgresAddress.shown)")
} else {
    store = try KehuDatabase.open(path: path, as: kernelLogin)
}
let databaseArgument = options.postgres ?? path
let actor = Actor(login: "bench", clock: FixedClock(today))
let salespeople = try store.users().filter { $0.role == .salesperson }
let activities = try store.timelineCountTotal()
print("database: \(try store.customerCount()) customers, \(activities) activities\n")
print("operation                           count   p50 ms    p99 ms    max ms")

// What asking the database anything costs: one statement inside a read, a whole read of
// one statement (on PostgreSQL a round trip each, and BEGIN and COMMIT besides), and a
// read the store knows to be one statement (`readOne`: on PostgreSQL no transaction).
var insideRead: [Double] = [], wholeReads: [Double] = [], oneStatementReads: [Double] = []
try store.read { db in
    for _ in 0..<500 { insideRead.append(try milliseconds { _ = try Int.fetchOne(db, sql: "SELECT 1") }) }
}
for _ in 0..<500 { wholeReads.append(try milliseconds { _ = try store.read { try Int.fetchOne($0, sql: "SELECT 1") } }) }
for _ in 0..<500 { oneStatementReads.append(try milliseconds { _ = try store.readOne { try Int.fetchOne($0, sql: "SELECT 1") } }) }
report("one statement (SELECT 1)", insideRead)
report("a read of one statement", wholeReads)
report("a one-statement read (readOne)", oneStatementReads)

// Follow-ups saved by one team's salespeople on that team's customers with an open card,
// each its own transaction: tonight's evening queue for that team.
let team = try store.teams()[0]
let teamSales = salespeople.filter { $0.teamID == team.id }
if let moves = options.listMoves {
    let keypresses = try KeypressBenchmark(store: store, login: osLogin, clock: FixedClock(today))
    print("operation                           count   p50 ms    p99 ms    max ms")
    report("key: list move (↓/↑)", keypresses.listMoves(moves))
    exit(0)
}
if options.keysOnly {
    print("operation                           count   p50 ms    p99 ms    max ms")
    var shownTimes: [Double] = []
    for customerID in try store.customersWithOpenCards(limit: 200) {
        shownTimes.append(try milliseconds { _ = try store.shown(customerID: customerID, timelinePage: 60) })
    }
    report("card + timeline + count (one read)", shownTimes)
    let keypresses = try KeypressBenchmark(store: store, login: osLogin, clock: FixedClock(today))
    for (name, samples) in keypresses.run() { report(name, samples) }
    exit(0)
}
if !options.terminalOnly {
var saveTimes: [Double] = []
var rng = SeededRandom(seed: 42)
let cardCustomers = try store.customersWithOpenCards(limit: options.saves, teamID: team.id)
for customerID in cardCustomers {
    let card = try store.openCard(customerID: customerID)
    var followUp = FollowUp(customerID: customerID, cardID: card?.id)
    followUp.content = "基准测试: 电话回访，客户确认预算"
    followUp.levelJudged = rng.pick(IntentLevel.allCases)
    followUp.nextVisitOn = FollowUpCadence.standard.nextVisit(after: today.date, level: followUp.levelJudged!)
    let handler = teamSales[rng.int(in: 0...(teamSales.count - 1))].id!
    saveTimes.append(try milliseconds { _ = try store.log(followUp, handlerID: handler, by: actor) })
}
report("save follow-up (one transaction)", saveTimes)

var eveningTimes: [Double] = []
var queueSize = 0
for _ in 0..<20 {
    eveningTimes.append(try milliseconds { queueSize = try store.eveningQueue(teamID: team.id!, today: today.date).followUps.count })
}
report("evening queue (\(queueSize) follow-ups)", eveningTimes)

var todayTimes: [Double] = []
for _ in 0..<2 {
    for person in salespeople {
        todayTimes.append(try milliseconds { _ = try store.todayAgenda(ownerID: person.id!, today: today.date, maintenanceFor: person) })
    }
}
report("Today list of a salesperson", todayTimes)

var managerTimes: [Double] = []
if let manager = try store.users().first(where: { $0.role == .salesManager }) {
    for _ in 0..<5 { managerTimes.append(try milliseconds { _ = try store.maintenanceDue(for: manager, today: today.date) }) }
    report("maintenance due, sales manager", managerTimes)
}

var duplicateTimes: [Double] = []
for n in 0..<200 {
    let phone = "139" + String(format: "%08d", n * 7919 % 100_000_000)
    duplicateTimes.append(try milliseconds { _ = try store.duplicates(phone: phone, name: "王芳") })
}
report("duplicate check (phone + name)", duplicateTimes)

var pageTimes: [Double] = []
let total = try store.customerCount()
for n in 0..<200 {
    let offset = (n * 7_919) % max(1, total)
    pageTimes.append(try milliseconds { _ = try store.customerPage(offset: offset, limit: 28) })
}
report("customer list page (28 rows)", pageTimes)

var detailTimes: [Double] = []
for customerID in cardCustomers.prefix(200) {
    detailTimes.append(try milliseconds { _ = try store.shown(customerID: customerID, timelinePage: 60) })
}
report("card + timeline + count (one read)", detailTimes)

// Search as you type: each query below is one keystroke's search (what the screen shows
// after the key), from one character to a miss that scans everything.
var searchTimes: [Double] = []
let typing = ["广", "广州", "广州华", "广州华南", "华", "华南", "g", "gz", "gzh", "gzhn", "guangzhou", "1", "13", "139", "1392", "13922",
              "张", "张伟", "zhang", "Cb-粤GZ00", "火星", "xyzzy"]
for _ in 0..<5 {
    for query in typing { searchTimes.append(try milliseconds { _ = try store.searchCustomers(query, limit: 200, today: today.date) }) }
}
report("search keystroke (\(typing.count) queries)", searchTimes)
if options.storeOnly { exit(0) }

try runImports()
let exported = try ImportBenchmark.export(store)
print("export \(exported.rows) customers to XLSX (read, write, deflate): " + ImportBenchmark.summary(exported.milliseconds)
      + String(format: ", %.1f MB", Double(exported.bytes) / 1_048_576))

// Keypresses in-process: key → view-model → frame drawn and diffed, as the run loop does.
print("")
let keypresses = try KeypressBenchmark(store: store, login: osLogin, clock: FixedClock(today))
for (name, samples) in keypresses.run() { report(name, samples) }

}

// The real binary in a pseudo-terminal: first paint, bytes per key, memory.
guard FileManager.default.isExecutableFile(atPath: kehuBinary) else {
    print("\n(no kehu binary beside kehu-bench: run `swift build -c release` for the terminal measurements)")
    exit(0)
}
// The binary runs on the real date, not the demo's: the first start of a day applies the
// calendar rules after its first frame and draws again (at a million customers the first
// run of a day measured a 108 ms "first paint" and keys answered after the drain gave up).
// They are applied for today first, as `kehu demo` does, so every start measured is an
// ordinary one. So is the day's structural check: it runs behind the first screen of the
// day, reading the whole file (12 s at a million customers), and a round ended before it
// finished would leave it due for the next.
try store.applyCompanyRules(today: SystemClock().today, by: Actor(login: "kehu", clock: SystemClock()))
_ = store.checkStructure(today: SystemClock().today)
var paints: [Double] = []
var moveBytes: [Int] = [], pageBytes: [Int] = [], scrollBytes: [Int] = []
var moveWrites: [Int] = [], pageWrites: [Int] = []
var memory = (rss: 0, peak: 0)
// The same keys in-process give the cells each one changes.
let ideal = try KeypressBenchmark(store: store, login: osLogin, clock: SystemClock(), theme: options.theme)
let idealMove = ideal.changedBytes(Key(.down))
let idealPage = ideal.changedBytes(Key(.pageDown))
// Then a run of keys, as a user goes on: the encoder has learned where the screen's
// columns are (its tab stops), which the first key of a session pays for.
let runMoves = 10, runPages = 5
let idealRunMoves = (0..<runMoves).reduce(0) { sum, _ in sum + ideal.changedBytes(Key(.down)) }
let idealRunPages = (0..<runPages).reduce(0) { sum, _ in sum + ideal.changedBytes(Key(.pageDown)) }
_ = ideal.changedBytes(Key(.tab)); _ = ideal.changedBytes(Key(.tab))
let idealScroll = ideal.changedBytes(Key(.down))
var runMoveBytes: [Int] = [], runPageBytes: [Int] = []
for round in 0..<5 {
    let session = try PseudoTerminalSession(kehu: kehuBinary, arguments: ["--db", databaseArgument, "--theme", options.theme], environment: environment)
    let first = session.drain(quiet: 0.4)
    paints.append(Double(first.lastAt) / 1e6)
    session.send("\u{1B}OB")                                  // ↓ in the list
    moveBytes.append(session.drain().bytes.count)
    session.send("\u{1B}[6~")                                 // Page Down
    pageBytes.append(session.drain().bytes.count)
    var run = 0
    for _ in 0..<runMoves { session.send("\u{1B}OB"); run += session.drain().bytes.count }
    runMoveBytes.append(run)
    run = 0
    for _ in 0..<runPages { session.send("\u{1B}[6~"); run += session.drain().bytes.count }
    runPageBytes.append(run)
    session.send("\t\t")                                     // to the timeline
    _ = session.drain()
    session.send("\u{1B}OB")                                  // scroll it a line
    scrollBytes.append(session.drain().bytes.count)
    if round == 0 {
        // Memory after going through the whole list: to the end, a hundred pages back.
        session.send("\t")
        _ = session.drain()
        session.send("\u{1B}OF")
        _ = session.drain()
        for _ in 0..<100 { session.send("\u{1B}[5~") }
        _ = session.drain(quiet: 0.5)
        memory = session.memory()
    }
    session.finish()
}
// write() calls per key, counted by strace on the terminal (slower, so apart from the above).
if postgresAddress == nil, let counter = WriteCounter(kehu: kehuBinary, arguments: ["--db", path, "--theme", options.theme], environment: environment) {
    for _ in 0..<3 {
        guard let counts = try counter.writesPerKey(["\u{1B}OB", "\u{1B}[6~"]) else { break }
        moveWrites.append(counts[0]); pageWrites.append(counts[1])
    }
}
report("first full paint (spawn → screen)", paints)
if postgresAddress != nil {
    // The terminal's bytes, abook, the live refresh and the brief are the same code over
    // either engine: measured on SQLite.
    exit(0)
}
func ratio(_ bytes: [Int], _ cells: Int) -> String {
    let median = bytes.sorted()[bytes.count / 2]
    return String(format: "%5d bytes sent, changed cells %5d bytes UTF-8: %.2f×", median, cells, Double(median) / Double(max(1, cells)))
}
func writes(_ counts: [Int]) -> String {
    counts.isEmpty ? "(strace missing: writes not counted)" : "write() calls per key: \(counts.map(String.init).joined(separator: ", "))"
}
print("terminal output, list move (↓)        " + ratio(moveBytes, idealMove) + "; " + writes(moveWrites))
print("terminal output, page move (PgDn)     " + ratio(pageBytes, idealPage) + "; " + writes(pageWrites))
print("  the next \(runMoves) list moves       " + ratio(runMoveBytes, idealRunMoves))
print("  the next \(runPages) page moves        " + ratio(runPageBytes, idealRunPages))
print("terminal output, timeline scroll (↓)  " + ratio(scrollBytes, idealScroll))
print(String(format: "kehu resident memory after paging the list: %.1f MB (peak %.1f MB)", Double(memory.rss) / 1024, Double(memory.peak) / 1024))

// kehu and abook side by side in the same pseudo-terminal: start, and a list move from
// the key written to the last byte of the frame (the in-process figures above leave out
// the terminal; these include it).
if FileManager.default.isExecutableFile(atPath: AbookComparison.binary) {
    let book = home + "/addressbook"
    try AbookComparison.writeAddressBook(store, to: book)
    try "".write(toFile: home + "/abookrc", atomically: true, encoding: .utf8)
    let kehuRun = try AbookComparison.measure(program: kehuBinary, arguments: ["--db", path], environment: environment)
    let abookRun = try AbookComparison.measure(program: AbookComparison.binary,
                                               arguments: ["--datafile", book, "--config", home + "/abookrc"],
                                               environment: environment, quit: "Q")
    report("kehu start (pty, spawn → screen)", kehuRun.start)
    report("abook start (pty, same customers)", abookRun.start)
    report("kehu list move (pty, key → frame)", kehuRun.moves)
    report("abook list move (pty, key → frame)", abookRun.moves)
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    print(String(format: "kehu ÷ abook (medians): start %.2f×, list move %.2f×",
                 median(kehuRun.start) / median(abookRun.start), median(kehuRun.moves) / median(abookRun.moves)))
} else {
    print("(abook is not installed: scripts/bench installs it for the comparison)")
}

// Live refresh: another process commits, kehu's screen follows; and kehu idle.
let refreshDelays = try LiveRefreshBenchmark.commitToFrame(kehu: kehuBinary, database: path, environment: environment, store: store,
                                                           actor: actor, rounds: 20)
report("commit elsewhere → refreshed frame", refreshDelays)
let idleSeconds = Double(ProcessInfo.processInfo.environment["KEHU_BENCH_IDLE_SECONDS"] ?? "") ?? 60
let idle = try LiveRefreshBenchmark.idleCPU(kehu: kehuBinary, database: path, environment: environment, seconds: idleSeconds)
print(String(format: "idle kehu watching the file: %.2f%% of one core over %.0f s", idle, idleSeconds))

// The login brief of a salesperson (the store's work, through the door as that person),
// and the real `kehu brief` process end to end as this login.
var briefTimes: [Double] = []
if let person = salespeople.first {
    let door = try store.viewing(as: person.login)
    let profile = try door.profile()
    for _ in 0..<10 { briefTimes.append(try milliseconds { _ = try BriefPresenter.brief(door, profile: profile, today: today.date) }) }
    report("brief of a salesperson (store)", briefTimes)
    // Its parts, to see where the time goes.
    var parts: [String: [Double]] = [:]
    for _ in 0..<5 {
        parts["  Today agenda", default: []].append(try milliseconds { _ = try door.todayAgenda(ownerID: profile.user.id!, today: today.date, maintenanceFor: profile.user) })
        parts["  maintenance due", default: []].append(try milliseconds { _ = try door.maintenanceDue(for: profile.user, today: today.date) })
        parts["  unread comments", default: []].append(try milliseconds { _ = try door.unreadComments() })
        parts["  pool drops tomorrow", default: []].append(try milliseconds { _ = try door.poolDrops(on: today.date.adding(days: 1), ownerID: profile.user.id!) })
    }
    for (name, times) in parts.sorted(by: { $0.key < $1.key }) { report(name, times) }
}
func briefProcessRuns() throws -> [Double] {
    try (0..<5).map { _ in
        try milliseconds {
            let run = try PseudoTerminalSession(kehu: kehuBinary, arguments: ["brief", "--db", path], environment: environment)
            var status: Int32 = 0
            while waitpid(run.pid, &status, WNOHANG) == 0 { _ = run.drain(quiet: 0.002, limit: 0.005) }
            close(run.master)
        }
    }
}
report("kehu brief (process, as the admin)", try briefProcessRuns())
// The same process as the salesperson above: identity comes from the kernel, so this
// login is lent to them for the runs (and given back).
if let person = salespeople.first, let admin = try store.user(login: osLogin) {
    func rename(_ user: User, to login: String) throws {
        var renamed = user
        renamed.login = login
        try store.update(user: user, to: renamed, by: actor)
    }
    try rename(admin, to: osLogin + "-bench-admin")
    try rename(person, to: osLogin)
    defer {
        try? rename(try! store.user(login: osLogin)!, to: person.login)
        try? rename(try! store.user(login: osLogin + "-bench-admin")!, to: osLogin)
    }
    report("kehu brief (process, as a salesperson)", try briefProcessRuns())
}
