import Foundation
import GRDB
import Testing

/// The `kehu` binary this test run built: `swift test` builds it beside the test bundle
/// because this target depends on it.
let kehuBinary: String = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kehu").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/kehu").path
}()

/// Removes a Unix user (and its own group) a test made. A plain `userdel` refuses while a
/// process of the user still runs (a tmux server, or a child outliving the command the test
/// waited for), which once left two users of the PostgreSQL move test behind: the user's
/// processes are ended and the user removed all the same (`--force`); what `userdel` said
/// is printed if the user stays.
func removeUnixUser(_ login: String) {
    guard getpwnam(login) != nil else { return }
    _ = try? run("/usr/bin/pkill", ["-KILL", "-u", login])
    let result = try? run("/usr/sbin/userdel", ["--force", login])
    if getpwnam(login) != nil { print("could not remove the test user \(login): \(result?.stderr ?? "userdel did not run")") }
}

struct ProcessResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a command to the end, capturing both streams. Spawned and reaped with
/// posix_spawn and waitpid rather than Foundation's Process, whose wait stalls under the
/// test runner here; output goes to files, not pipes, because `tmux new-session` leaves
/// a server behind that would hold a pipe open for ever.
/// With `killWhen`, the running process is watched (`killWhen` asked again and again) and
/// killed with SIGKILL the moment it says so, whatever the process is doing: fault
/// injection at a point of its work, not after a time that a busy machine stretches.
func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
         killWhen: ((pid_t) -> Bool)? = nil) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    let base = NSTemporaryDirectory() + "kehu-run-" + UUID().uuidString
    defer {
        try? FileManager.default.removeItem(atPath: base + ".out")
        try? FileManager.default.removeItem(atPath: base + ".err")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    // Test threads block signals; a child must start with none blocked and default
    // handlers, or kehu in tmux would never hear SIGWINCH or SIGTERM.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE, SIGCHLD] { sigaddset(&defaults, sig) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw SpawnError(message: "cannot start \(executable): errno \(spawned)") }
    if let killWhen {
        while !processEnded(pid) && !killWhen(pid) { sched_yield() }
        kill(pid, SIGKILL)                       // nothing, if it ended first
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
    let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return ProcessResult(status: exitCode,
                         stdout: (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? "")
}

struct SpawnError: Error { let message: String }

/// Writes a program a test will run (a script standing in for an editor, `swift`, …)
/// through a descriptor closed on exec. Tests run side by side: a process another test
/// starts while such a file is open for writing keeps it open, and the kernel then
/// refuses to run the file ("Text file busy", seen once in CI).
func writeExecutable(_ path: String, _ text: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw SpawnError(message: "cannot write \(path): errno \(errno)") }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
        throw SpawnError(message: "cannot write \(path): errno \(errno)")
    }
}

/// Whether a process has ended: gone, or a zombie waiting for its parent to reap it.
func processEnded(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
}

/// Waits, watching rather than sleeping, until `pid` has ended or `seconds` pass; whether it ended.
func waitUntilEnded(_ pid: pid_t, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !processEnded(pid) {
        if Date() > deadline { return false }
        sched_yield()
    }
    return true
}

/// Bytes a process has read and written so far (/proc/PID/io): how far into its work it is.
func ioProgress(_ pid: pid_t) -> Int {
    guard let io = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else { return 0 }
    return io.split(separator: "\n").reduce(0) { total, line in
        line.hasPrefix("rchar:") || line.hasPrefix("wchar:") ? total + (Int(line.split(separator: " ").last ?? "") ?? 0) : total
    }
}

/// A private folder with its own HOME, data and config folders, so tests never touch the
/// user's files.
final class Sandbox {
    let path = NSTemporaryDirectory() + "kehu-e2e-" + UUID().uuidString
    init() { try! FileManager.default.createDirectory(atPath: path + "/config/kehu", withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A moment to stand at (`KEHU_TEST_NOW`, honoured by debug builds), or the wall clock.
    var now: String?

    var environment: [String: String] {
        var variables = ["HOME": path, "XDG_DATA_HOME": path + "/data", "XDG_CONFIG_HOME": path + "/config", "KEHU_LANG": "zh",
                         "LANG": "C.UTF-8", "TERM": "xterm-256color", "NO_COLOR": ""]
        if let now { variables["KEHU_TEST_NOW"] = now }
        return variables
    }

    func kehu(_ arguments: [String]) throws -> ProcessResult {
        try run(kehuBinary, arguments, environment: environment)
    }

    /// A demo team database at half past five on a fixed day, when a supervisor starts on
    /// the evening queue; its path.
    func eveningTeamDatabase(seed: Int) throws -> String {
        now = "2026-11-22 17:30"
        let path = path + "/team.db"
        let made = try kehu(["demo", "--db", path, "--customers", "300", "--seed", "\(seed)", "--today", "2026-11-22"])
        guard made.status == 0 else { throw SpawnError(message: "kehu demo failed: \(made.stderr)") }
        return path
    }
}

/// kehu running in a detached tmux session of its own (its own server socket), driven by
/// send-keys and read by capture-pane. Waits for the screen to show what it expects
/// instead of sleeping a fixed time.
final class TmuxSession {
    let socket = "kehu-e2e-" + UUID().uuidString.prefix(8)
    let name = "kehu"

    init(command: String, environment: [String: String], width: Int = 100, height: Int = 30) throws {
        let exports = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        // After kehu ends the shell prints its exit status and the terminal modes, then
        // waits, so the test can read both.
        let script = "env \(exports) \(command); echo KEHU-EXIT=$?; stty -a; sleep 60"
        let result = try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, script])
        guard result.status == 0 else { throw TmuxError(message: "tmux new-session failed: \(result.stderr)") }
        _ = try tmux(["set-option", "-t", name, "window-size", "manual"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    struct TmuxError: Error { let message: String }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> ProcessResult {
        try run("/usr/bin/env", ["tmux", "-u", "-L", socket] + arguments, environment: ["LANG": "C.UTF-8"])
    }

    /// Sends keys and waits for kehu to have taken them: until the screen changes, or
    /// stays the same for a settling interval (a key with nothing to show). Escape must
    /// change the screen before anything else is sent: an Escape still unread when the
    /// next key arrives is read with it as one Alt-key.
    func send(_ keys: String...) throws {
        let before = try screen()
        try tmux(["send-keys", "-t", name] + keys)
        if keys.contains("Escape") {
            try waitFor("the screen to change after Escape") { $0 != before }
        } else {
            try settle(from: before)
        }
    }

    /// Waits until the screen differs from `before`, or has not changed for `quiet`
    /// seconds (then the key changed nothing visible), for up to `seconds`.
    func settle(from before: [String], quiet: Double = 0.3, seconds: Double = 15) throws {
        var last = before
        var stillSince = Date()
        _ = try poll(seconds: seconds) { now in
            if now != before { return true }
            if now != last { last = now; stillSince = Date() }
            return Date().timeIntervalSince(stillSince) >= quiet
        }
    }

    /// The screen once it has stayed the same for `quiet` seconds: a key may draw more
    /// than one frame (a read finishing behind the screen), and tmux may show a large
    /// frame before all of it has been read.
    func steady(quiet: Double = 0.5, seconds: Double = 15) throws -> [String] {
        var last = try screen()
        var stillSince = Date()
        return try waitFor("the screen to stay the same for \(quiet) s", seconds: seconds) { now in
            if now != last { last = now; stillSince = Date() }
            return Date().timeIntervalSince(stillSince) >= quiet
        }
    }

    func resize(_ width: Int, _ height: Int) throws { try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"]) }

    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", name]).stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Reads the screen every 50 ms until `done` says so or `seconds` pass: the screen
    /// last read, and whether `done` held.
    func poll(seconds: Double, _ done: ([String]) -> Bool) throws -> (screen: [String], done: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if done(last) { return (last, true) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return (last, false)
    }

    /// Polls the screen until `condition` holds, for up to `seconds`.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 15, _ condition: ([String]) -> Bool) throws -> [String] {
        let (last, done) = try poll(seconds: seconds, condition)
        if !done { Issue.record("timed out waiting for \(what); screen was:\n\(last.joined(separator: "\n"))") }
        return last
    }

    /// Waits for kehu to end with `code` and for the shell to print the terminal modes.
    @discardableResult
    func waitForExit(_ code: Int32) throws -> [String] {
        try waitFor("exit \(code) and stty") { screen in
            let text = screen.joined(separator: "\n")
            return text.contains("KEHU-EXIT=\(code)") && text.contains("extproc")
        }
    }

    @discardableResult
    func waitFor(text: String, seconds: Double = 15) throws -> [String] {
        try waitFor("\"\(text)\"", seconds: seconds) { $0.joined(separator: "\n").contains(text) }
    }
}

extension TmuxSession {
    /// Logs a follow-up on Today's first card follow-up (text, then the level's letter) and
    /// returns that customer's code.
    func logFirstFollowUp(_ text: String, level: String) throws -> String {
        let code = try fillFirstFollowUp(text, level: level)
        try send("C-s")
        try waitFor(text: "已保存")
        return code
    }

    /// In the supervisor's evening queue, moves down to `handler`'s follow-up of a customer.
    /// In the evening queue: finds `handler`'s follow-up on `customerName` (showing
    /// `followUp`), writes `comment` and signs it.
    func signComment(handler: String, customerName: String, followUp: String, comment: String) throws {
        guard try selectInEveningQueue(handler: handler, customerName: customerName) else {
            throw TmuxError(message: "the follow-up is not in the evening queue")
        }
        try waitFor(text: followUp)
        try send("c")
        try waitFor(text: "主管批示")
        try send("-l", comment)
        try send("C-s")
        try waitFor(text: "已批示并签名")
    }

    func selectInEveningQueue(handler: String, customerName: String) throws -> Bool {
        try waitFor(text: "今日跟进 (按销售)")
        for _ in 0..<120 {
            if try screen()[1].contains("\(handler) → \(customerName.prefix(6))") { return true }
            try send("Down")
        }
        return false
    }

    /// Moves the Today selection to the first intent-card follow-up (回访 / 回电) and
    /// returns that row's customer code.
    /// The process id of kehu running in the pane (the pane's shell's child).
    func kehuPID() throws -> pid_t {
        let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try run("/usr/bin/env", ["pgrep", "-P", shell, "-f", "kehu"]).stdout.split(separator: "\n").first.flatMap { pid_t($0) }
        guard let child else { throw TmuxError(message: "kehu's process not found under pane \(shell)") }
        return child
    }

    /// Opens the follow-up form on Today's first card follow-up and fills it, unsaved;
    /// returns that customer's code.
    func fillFirstFollowUp(_ text: String, level: String) throws -> String {
        let code = try selectFirstFollowUp()
        try send("l")
        try waitFor(text: "记跟进")
        try send("-l", text)
        try send("Tab")
        try send(level)
        return code
    }

    func selectFirstFollowUp() throws -> String {
        // The list pane's rows only (the card beside it may mention a 回访 too), waited
        // for until one is drawn: the first frame may still be arriving.
        func listRows(_ screen: [String]) -> [String] {
            screen.dropFirst(2).map { $0.split(separator: "┃", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? "" }
        }
        func isFollowUp(_ row: String) -> Bool { row.contains("回访") || row.contains("回电") }
        let screen = try waitFor("a follow-up in Today") { $0.joined().contains("今日待办") && listRows($0).contains(where: isFollowUp) }
        let rows = listRows(screen)
        guard let index = rows.firstIndex(where: isFollowUp),
              let code = rows[index].split(separator: " ").first(where: { $0.contains("-") }).map(String.init) else {
            throw TmuxError(message: "no follow-up due in Today:\n\(screen.joined(separator: "\n"))")
        }
        if index > 0 { try tmux(["send-keys", "-t", name, "-N", "\(index)", "Down"]) }
        try waitFor(text: "│ \(index + 1)/")
        return code
    }
}

let tmuxAvailable: Bool = (try? run("/usr/bin/env", ["tmux", "-V"]).status == 0) ?? false

/// The login the tests run as.
func currentLoginName() throws -> String {
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { throw SpawnError(message: "no login") }
    return String(cString: name)
}

/// Makes the demo's salesperson 张伟 the login the tests run as (the demo's admin gets
/// another login), so kehu opens the database as him without `--as`.
@discardableResult
func becomeZhangWei(in path: String) throws -> String {
    let me = try currentLoginName()
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
        try db.execute(sql: "UPDATE users SET login = 'former-admin' WHERE login = ?", arguments: [me])
        try db.execute(sql: "UPDATE users SET login = ? WHERE displayName = '张伟'", arguments: [me])
    }
    try queue.close()
    return me
}
