import Foundation

/// The real kehu binary in a pseudo-terminal: how long until its first full screen, how
/// many bytes one key makes it write, and how much memory it holds.
final class PseudoTerminalSession {
    let master: Int32
    let pid: pid_t
    let started: UInt64

    init(kehu: String, arguments: [String], environment: [String: String], width: Int = 100, height: Int = 30) throws {
        // posix_openpt and friends are not imported into Swift here; the Linux ioctls they
        // wrap are: unlock the pair (TIOCSPTLCK) and ask for its number (TIOCGPTN).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw BenchError("no pseudo-terminal: errno \(errno)")
        }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slavePath = "/dev/pts/\(number)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, slavePath, O_RDWR, 0) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        // POSIX_SPAWN_SETSID (0x80 in glibc) is not imported either: kehu gets a session of its own.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK) | 0x80)
        let argv = ([kehu] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        started = DispatchTime.now().uptimeNanoseconds
        let result = posix_spawn(&child, kehu, &actions, &attributes, argv, envp)
        guard result == 0 else { throw BenchError("cannot start \(kehu): errno \(result)") }
        pid = child
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
    }

    /// Reads until nothing has come for `quiet` seconds (or `limit` passed). Returns the
    /// bytes and when the last one arrived (ns since spawn).
    func drain(quiet: Double = 0.25, limit: Double = 5) -> (bytes: [UInt8], lastAt: UInt64) {
        var bytes: [UInt8] = []
        var lastAt = DispatchTime.now().uptimeNanoseconds - started
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limit * 1e9)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while DispatchTime.now().uptimeNanoseconds < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(quiet * 1000))
            if ready <= 0 { if !bytes.isEmpty { break } else { continue } }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
            lastAt = DispatchTime.now().uptimeNanoseconds - started
        }
        return (bytes, lastAt)
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Resident and peak resident memory in kB, from /proc.
    func memory() -> (rss: Int, peak: Int) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func value(_ key: String) -> Int {
            status.split(separator: "\n").first { $0.hasPrefix(key) }?.split(separator: " ").compactMap { Int($0) }.first ?? 0
        }
        return (value("VmRSS:"), value("VmHWM:"))
    }

    func finish(quit: String = "q") {
        send(quit)
        var status: Int32 = 0
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) == pid { break }
            _ = drain(quiet: 0.1, limit: 0.2)
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, WNOHANG)
        close(master)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = text }
}

/// kehu in a pseudo-terminal under strace, which logs every `write()` to the terminal:
/// how many one key costs. Over SSH each write is a packet and a round of latency.
struct WriteCounter {
    let kehu: String
    let arguments: [String]
    let environment: [String: String]
    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    init?(kehu: String, arguments: [String], environment: [String: String]) {
        guard Self.strace != nil else { return nil }
        self.kehu = kehu; self.arguments = arguments; self.environment = environment
    }

    /// Writes to standard output for each key in turn, in one session; nil if strace failed.
    func writesPerKey(_ keys: [String]) throws -> [Int]? {
        let log = NSTemporaryDirectory() + "kehu-bench-writes-\(getpid()).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let session = try PseudoTerminalSession(kehu: Self.strace!, arguments: ["-f", "-e", "trace=write,writev", "-s", "0", "-o", log, kehu] + arguments,
                                                environment: environment)
        func count() -> Int {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.contains("write(1,") || $0.contains("writev(1,") }.count
        }
        // The first screen, and whatever follows it (the day's rules), before any key.
        var settled = -1
        while settled != count() {
            settled = count()
            _ = session.drain(quiet: 0.8)
        }
        var counts: [Int] = []
        for key in keys {
            let before = count()
            session.send(key)
            _ = session.drain(quiet: 0.5)
            counts.append(count() - before)
        }
        session.finish()
        return counts.allSatisfy { $0 >= 0 } && count() > 0 ? counts : nil
    }
}
