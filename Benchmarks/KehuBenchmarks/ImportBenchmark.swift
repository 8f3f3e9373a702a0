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

    /// The times of `runs` imports of the same sheet, each into a new database (a shared
    /// machine's speed varies by a fifth from one minute to the next: the median of a few
    /// says more than one), and the process's peak resident memory during one.
    static func run(rows count: Int, login: String, sheet kind: Sheet = .csv, runs: Int = 3,
                    postgres: PostgresAddress? = nil) throws -> (milliseconds: [Double], peakMegabytes: Double) {
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
            if var address = postgres {
                // A new PostgreSQL database beside the benchmark's own, for each run.
                address.database = "kehu_import_bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
                let home = kernelLogin.home ?? "/"
                try KehuDatabase.makePostgresDatabase(address.database, near: address, login: login, home: home)
                made = address.database
                store = try KehuDatabase.create(postgres: address, admin: login, home: home, clock: SystemClock())
            } else {
                store = try KehuDatabase.create(path: folder + "/bench\(run).db", admin: login, clock: SystemClock())
            }
            let file = try UserFiles.openForReading(sheetPath)
            // The peak from here on (Linux resets it on "5" written to clear_refs).
            try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
            times.append(try milliseconds {
                // The same pipeline `kehu import` runs.
                let sheet = SheetBytes(count: file.size) { each in try file.pieces(each) }
                let report = try ImportPipeline.run(ImportPipeline.Request(kind: .customers, sheet: sheet), into: store,
                                                    by: Actor(login: login, clock: SystemClock()))
                guard report.count(.created) == count else { throw BenchError("imported \(report.count(.created)) of \(count)") }
            })
            peak = max(peak, peakResidentMegabytes())
            if let postgres, let made {
                try store.close()
                try KehuDatabase.dropPostgresDatabase(made, near: postgres, login: login, home: kernelLogin.home ?? "/")
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

    /// VmHWM of /proc/self/status: the most memory the process has held at once (since
    /// the last reset).
    static func peakResidentMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
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
