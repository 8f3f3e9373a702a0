import Foundation
import KehuApp
import KehuCore
import KehuExchange
import KehuStore

/// Importing a 100,000-row sheet as `kehu import` does: decode, parse, read each row,
/// check duplicates and write everything in one transaction, into a fresh database.
enum ImportBenchmark {
    static func run(rows count: Int, login: String) throws -> Double {
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
        let path = folder + "/bench.db"
        let store = try KehuDatabase.create(path: path, admin: login, clock: SystemClock())
        let data = Data(csv.utf8)
        return try milliseconds {
            // The same pipeline `kehu import` runs.
            let report = try ImportPipeline.run(ImportPipeline.Request(kind: .customers, sheet: data), into: store,
                                                by: Actor(login: login, clock: SystemClock()))
            guard report.outcomes.count == count else { throw BenchError("imported \(report.outcomes.count) of \(count)") }
        }
    }
}
