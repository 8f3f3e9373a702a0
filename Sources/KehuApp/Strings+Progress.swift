/// A long job's progress line (import, export, demo, backup): a bar, how far, and the
/// time left once there is enough to estimate it from.
extension Strings {
    public func progressLine(done: Int, total: Int, elapsedSeconds: Double, unit: ProgressUnit) -> String {
        let zh = language == .zh
        let width = 24
        let filled = total > 0 ? min(width, done * width / total) : 0
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        let count: String
        switch unit {
        case .rows: count = "\(done)/\(total)" + (zh ? " 行" : " rows")
        case .customers: count = "\(done)/\(total)" + (zh ? " 位客户" : " customers")
        case .percent: count = total > 0 ? "\(done * 100 / total)%" : "0%"
        }
        // An estimate needs some work done: before that, say it is being measured.
        guard done > 0, done < total, elapsedSeconds >= 0.2 else {
            return "\(bar) \(count)" + (done >= total ? "" : (zh ? " · 估算剩余时间…" : " · estimating time left…"))
        }
        let left = Int((elapsedSeconds * Double(total - done) / Double(done)).rounded(.up))
        let time = left >= 60 ? (zh ? "\(left / 60) 分 \(left % 60) 秒" : "\(left / 60) min \(left % 60) s") : (zh ? "\(left) 秒" : "\(left) s")
        return "\(bar) \(count) · " + (zh ? "剩余约 \(time)" : "about \(time) left")
    }
}

public enum ProgressUnit: Sendable { case rows, customers, percent }
