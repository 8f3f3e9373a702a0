import Foundation
import KehuApp
import KehuCore
import KehuStore

/// The live refresh as a user feels it: CPU an open, idle kehu uses while it watches the
/// file, and the delay from another process's commit to the refreshed frame; and the
/// login brief.
enum LiveRefreshBenchmark {
    /// User and system CPU of a process so far, in clock ticks (from /proc).
    static func cpuTicks(_ pid: pid_t) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state is field 3, utime 14 and stime 15 (1-based over the whole line).
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
        return user + system
    }

    /// Percent of one core an idle kehu used over `seconds`.
    static func idleCPU(kehu: String, database: String, environment: [String: String], seconds: Double) throws -> Double {
        let session = try PseudoTerminalSession(kehu: kehu, arguments: ["--db", database], environment: environment)
        defer { session.finish() }
        _ = session.drain(quiet: 0.5)
        let before = cpuTicks(session.pid)
        Thread.sleep(forTimeInterval: seconds)
        let used = Double(cpuTicks(session.pid) - before) / Double(sysconf(Int32(_SC_CLK_TCK)))
        return used / seconds * 100
    }

    /// Milliseconds from a commit in this process (a customer renamed, shown in the list)
    /// to the first byte of the refreshed frame in kehu's terminal.
    static func commitToFrame(kehu: String, database: String, environment: [String: String], store: KehuDatabase,
                              actor: Actor, rounds: Int) throws -> [Double] {
        let session = try PseudoTerminalSession(kehu: kehu, arguments: ["--db", database], environment: environment)
        defer { session.finish() }
        _ = session.drain(quiet: 0.5)
        guard let first = try store.customerPage(offset: 0, limit: 1).first, var customer = try store.customer(id: first.id) else { return [] }
        let name = customer.name
        var delays: [Double] = []
        for round in 0..<rounds {
            var renamed = customer
            renamed.name = name + (round % 2 == 0 ? "（测）" : "")
            // Commits come at any moment of kehu's quarter-second poll, not in step with it
            // (right after the last frame settled, they would all wait about as long).
            usleep(UInt32.random(in: 0..<250_000))
            let started = DispatchTime.now().uptimeNanoseconds
            _ = try store.update(customer: customer, to: renamed, by: actor)
            customer = renamed
            var poller = pollfd(fd: session.master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 3_000) > 0 else { continue }
            delays.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
            _ = session.drain(quiet: 0.3)
        }
        if customer.name != name {
            var back = customer
            back.name = name
            _ = try store.update(customer: customer, to: back, by: actor)
        }
        return delays
    }
}
