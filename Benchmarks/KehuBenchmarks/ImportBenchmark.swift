import Foundation
import KehuApp
import KehuCore
import KehuExchange
import KehuHost
import KehuStore

/// Importing a 100,000-row sheet as `kehu import` does: decode (or unzip and read the
/// workbook), parse, read each row, check duplicates and write everything in one
/// transaction, into a fresh database — from CSV and from the same rows as an Excel
/// workbook. And exporting the archive to a workbook.
enum ImportBenchmark {
    enum Sheet { case csv, xlsx }

    /// The words an export is written in, as the command line makes them.
    static let words: ExportVocabulary = {
        let s = Strings(.zh)
        return ExportVocabulary(chinese: true, grade: { s.label($0) }, status: { s.label($0) }, type: { s.label($0) },
                                source: { s.label($0) }, method: { s.label($0) })
    }()

    /// The times of `runs` imports of the same sheet by the real `kehu import`, each into a
    /// new database (a shared machine's speed varies by a fifth from one minute to the
    /// next: the median of a few says more than one), and the most memory its process held
    /// (the kernel's count: the benchmark's own sheets are not in it).
    static func run(rows count: Int, login: String, kehu: String, environment: [String: String], sheet kind: Sheet = .csv,
                    runs: Int = 3, postgres: PostgresAddress? = nil, floor: ((PostgresWriteFloor) -> Void)? = nil)
        throws -> (milliseconds: [Double], peakMegabytes: Double) {
        let folder = NSTemporaryDirectory() + "kehu-import-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cities = CityDirectory.entries.filter { !$0.isAbroad }
        var csv = "\u{FEFF}单位名称,电话,联系人,手机,省份,城市,客户等级,建档日期,备注\r\n"
        let trades = ["华南", "宏达", "恒信", "鑫源", "金利", "永盛", "东方", "远大", "瑞丰", "同创"]
        for n in 0..<count {
            let city = cities[n % cities.count]
            csv += "\(city.name)\(trades[n % trades.count])机电\(n)号有限公司,0\(20 + n % 70)-\(String(format: "%08d", 10_000_000 + n)),联系人\(n % 97),"
                + "139\(String(format: "%08d", n)),\(city.province),\(city.name),\(["A", "B", "C", "一般"][n % 4]),2025/\(1 + n % 12)/\(1 + n % 28),\"导入, 第\(n)行\"\r\n"
        }
        var data = Data(csv.utf8)
        if kind == .xlsx {
            // The same rows, written as a workbook (all text cells, as a sheet typed by hand).
            let rows = try CSVReader.rows(csv)
            let columns = ["name", "phone", "contact", "mobile", "province", "city", "grade", "createdAt", "notes"]
            let table = ExportTable(kind: .customers, columns: columns,
                                    rows: rows.dropFirst().map { $0.fields.map { ExportValue.text($0) } })
            data = ExportWriter.data(table, format: .xlsx, words: words)
        }
        // The sheet from a file, read in pieces as `kehu import` reads it.
        let sheetPath = folder + (kind == .csv ? "/sheet.csv" : "/sheet.xlsx")
        try data.write(to: URL(fileURLWithPath: sheetPath))
        data = Data()
        csv = ""
        var times: [Double] = [], peak = 0.0
        for run in 0..<runs {
            let store: KehuDatabase
            var made: String?
            let database: String
            if var address = postgres {
                // A new PostgreSQL database beside the benchmark's own, for each run.
                address.database = "kehu_import_bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
                let home = kernelLogin.home ?? "/"
                try KehuDatabase.makePostgresDatabase(address.database, near: address, login: login, home: home)
                made = address.database
                store = try KehuDatabase.create(postgres: address, admin: login, home: home, clock: SystemClock())
                database = address.shown
            } else {
                database = folder + "/bench\(run).db"
                store = try KehuDatabase.create(path: database, admin: login, clock: SystemClock())
            }
            let imported = try spawnMeasured(kehu, ["import", "customers", sheetPath, "--db", database], environment: environment)
            guard imported.status == 0 else { throw BenchError("kehu import exited \(imported.status): \(imported.output)") }
            let created = try store.customerCount()
            guard created == count else { throw BenchError("imported \(created) of \(count)") }
            times.append(imported.milliseconds)
            peak = max(peak, imported.peakMegabytes)
            if let postgres, let made {
                try store.close()
                // After the first run, what PostgreSQL alone takes to write the same rows.
                if run == 0, let floor {
                    var address = postgres
                    address.database = made
                    floor(try PostgresWriteFloor.measure(address, login: login, home: kernelLogin.home ?? "/"))
                }
                try KehuDatabase.dropPostgresDatabase(made, near: postgres, login: login, home: kernelLogin.home ?? "/")
            } else {
                // Gone before the next run: a million rows leave 1.6 GB, whose writing back
                // to the disk the next run would otherwise share the machine with.
                try store.close()
                for side in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + side) }
            }
        }
        return (times, peak)
    }

    /// "median 8.4 s (7.9–9.1)" for a few runs' milliseconds.
    static func summary(_ milliseconds: [Double]) -> String {
        let sorted = milliseconds.sorted()
        return String(format: "median %.1f s (%.1f–%.1f over %d runs)", sorted[sorted.count / 2] / 1000, sorted.first! / 1000,
                      sorted.last! / 1000, sorted.count)
    }

    /// Runs `program` to its end: the time from its start to its exit, the most memory it
    /// held at once, its exit status and what it wrote. The memory is the kernel's high-water
    /// mark of the program's own memory (VmHWM), read every 10 ms while it runs: wait4's
    /// maximum resident size would count this benchmark's memory too (a spawned process
    /// starts in its parent's memory, and Linux keeps that peak across the exec).
    static func spawnMeasured(_ program: String, _ arguments: [String], environment: [String: String]) throws
        -> (milliseconds: Double, peakMegabytes: Double, status: Int32, output: String) {
        let output = NSTemporaryDirectory() + "kehu-bench-output-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(program): errno \(spawned)") }
        var status: Int32 = 0
        var peakKilobytes = 0
        while true {
            let ended = waitpid(pid, &status, WNOHANG)
            if ended == pid || (ended == -1 && errno != EINTR) { break }
            peakKilobytes = max(peakKilobytes, highWaterKilobytes(of: pid))
            usleep(10_000)
        }
        let took = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (took, Double(peakKilobytes) / 1024, exitCode, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    /// VmHWM of a running process, in kB (0 once it has ended).
    static func highWaterKilobytes(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// The whole archive as an Excel workbook, as `kehu export customers --format xlsx`
    /// makes it: rows read, cells written, the zip deflated.
    static func export(_ store: KehuDatabase, runs: Int = 3) throws -> (milliseconds: [Double], rows: Int, bytes: Int) {
        var rows = 0, bytes = 0
        let times = try (0..<runs).map { _ in
            try milliseconds {
                let table = try store.exportTable(.customers)
                rows = table.rows.count
                bytes = ExportWriter.data(table, format: .xlsx, words: words).count
            }
        }
        return (times, rows, bytes)
    }
}
