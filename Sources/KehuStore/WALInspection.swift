import Foundation

/// Reads a database's write-ahead log as SQLite lays it out, before SQLite opens it:
/// SQLite takes a log that breaks off midway as ending where it breaks, so the commits
/// written after a damaged frame would vanish without a word — and the next write would
/// overwrite them for good. kehu refuses such a file instead (exit 6, restore a backup).
enum WALInspection {
    /// What is wrong with `path`'s log, or nil when it reads to its end (or ends in the
    /// torn last frame of an interrupted write, which held nothing committed).
    static func damage(ofLogBeside path: String) -> String? {
        guard let log = FileManager.default.contents(atPath: path + "-wal"), log.count >= 32 else { return nil }
        let bytes = [UInt8](log)
        func u32(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
        }
        let magic = u32(0)
        guard magic == 0x377F_0682 || magic == 0x377F_0683 else {
            return bytes[0..<32].allSatisfy({ $0 == 0 }) ? nil : "the write-ahead log has no valid header"
        }
        let bigEndian = magic == 0x377F_0683
        let pageSize = Int(u32(8)) == 1 ? 65536 : Int(u32(8))
        guard pageSize >= 512, pageSize.nonzeroBitCount == 1 else { return "the write-ahead log names no valid page size" }
        let salts = (u32(16), u32(20))
        var sums = (UInt32(0), UInt32(0))
        func add(_ range: Range<Int>) {
            var at = range.lowerBound
            while at < range.upperBound {
                let a = bigEndian ? u32(at) : UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
                let b = bigEndian ? u32(at + 4) : UInt32(bytes[at + 4]) | UInt32(bytes[at + 5]) << 8 | UInt32(bytes[at + 6]) << 16 | UInt32(bytes[at + 7]) << 24
                sums.0 = sums.0 &+ a &+ sums.1
                sums.1 = sums.1 &+ b &+ sums.0
                at += 8
            }
        }
        add(0..<24)
        guard sums == (u32(24), u32(28)) else { return "the write-ahead log's header is damaged" }
        let frameSize = 24 + pageSize
        var frame = 0
        var at = 32
        while at + frameSize <= bytes.count {
            guard (u32(at + 8), u32(at + 12)) == salts else { return nil }      // older frames: not this log's
            add(at..<(at + 8))
            add((at + 24)..<(at + frameSize))
            guard sums == (u32(at + 16), u32(at + 20)) else {
                // Broken here. Nothing lost if no later frame belongs to this log.
                var later = at + frameSize
                while later + frameSize <= bytes.count {
                    if (u32(later + 8), u32(later + 12)) == salts {
                        return "the write-ahead log is damaged at frame \(frame + 1); what was saved after it cannot be read"
                    }
                    later += frameSize
                }
                return nil
            }
            frame += 1
            at += frameSize
        }
        return nil
    }
}
