import Foundation

/// Reads a database's write-ahead log as SQLite lays it out, before SQLite opens it:
/// SQLite takes a log that breaks off midway as ending where it breaks, so the commits
/// written after a damaged frame would vanish without a word — and the next write would
/// overwrite them for good. kehu refuses such a file instead (exit 6, restore a backup).
enum WALInspection {
    /// What is wrong with `path`'s log, or nil when it reads to its end (or ends in frames
    /// of an interrupted write, which held nothing committed).
    /// Reads frame by frame, only the log's current run (a kept log holds older frames
    /// behind it, which SQLite ignores too), so a large log costs no memory.
    static func damage(ofLogBeside path: String) -> String? {
        if everyFrameIsInTheDatabase(path) { return nil }
        guard let file = FileHandle(forReadingAtPath: path + "-wal") else { return nil }
        defer { try? file.close() }
        guard let head = try? file.read(upToCount: 32), head.count == 32 else { return nil }
        let header = [UInt8](head)
        let magic = bigEndian(header, 0)
        guard magic == 0x377F_0682 || magic == 0x377F_0683 else {
            return header.allSatisfy({ $0 == 0 }) ? nil : "the write-ahead log has no valid header"
        }
        var sum = Checksum(bigEndian: magic == 0x377F_0683)
        let pageSize = bigEndian(header, 8) == 1 ? 65536 : Int(bigEndian(header, 8))
        guard pageSize >= 512, pageSize.nonzeroBitCount == 1 else { return "the write-ahead log names no valid page size" }
        let salts = (bigEndian(header, 16), bigEndian(header, 20))
        sum.add(header, 0..<24)
        guard sum.value == (bigEndian(header, 24), bigEndian(header, 28)) else { return "the write-ahead log's header is damaged" }
        var frame = 0
        var reader = FrameReader(file: file, frameSize: 24 + pageSize)
        while let bytes = reader.next() {
            guard (bigEndian(bytes, 8), bigEndian(bytes, 12)) == salts else { return nil }   // older frames: not this run's
            sum.add(bytes, 0..<8)
            sum.add(bytes, 24..<bytes.count)
            frame += 1
            if sum.value != (bigEndian(bytes, 16), bigEndian(bytes, 20)) {
                // Broken here. Frames of this run may follow without anything being lost:
                // after a crash SQLite writes the next commit over the killed write's frames
                // from where the last commit ended, and a shorter commit leaves the rest of
                // them behind, their checksums chained to frames that are gone. What is lost
                // is a commit: a later commit frame of this run whose checksum follows from
                // the frame before it, as only a frame written whole and in order can.
                var before = (bigEndian(bytes, 16), bigEndian(bytes, 20))
                while let laterBytes = reader.next() {
                    defer { before = (bigEndian(laterBytes, 16), bigEndian(laterBytes, 20)) }
                    guard (bigEndian(laterBytes, 8), bigEndian(laterBytes, 12)) == salts, bigEndian(laterBytes, 4) != 0 else { continue }
                    var chained = Checksum(bigEndian: sum.bigEndian, value: before)
                    chained.add(laterBytes, 0..<8)
                    chained.add(laterBytes, 24..<laterBytes.count)
                    if chained.value == (bigEndian(laterBytes, 16), bigEndian(laterBytes, 20)) {
                        return "the write-ahead log is damaged at frame \(frame); what was saved after it cannot be read"
                    }
                }
                return nil
            }
        }
        return nil
    }

    /// Whether the shared-memory index says every frame of the log was copied into the
    /// database already (the last session closed cleanly, or a checkpoint ran since):
    /// then nothing can be lost, and the log need not be read at every start.
    /// Its layout: two copies of the index header (mxFrame at 16, salts at 32), then the
    /// checkpoint's nBackfill at 96 — all in this machine's byte order.
    private static func everyFrameIsInTheDatabase(_ path: String) -> Bool {
        guard let shm = FileHandle(forReadingAtPath: path + "-shm"), let index = try? shm.read(upToCount: 100), index.count == 100,
              let log = FileHandle(forReadingAtPath: path + "-wal"), let head = try? log.read(upToCount: 24), head.count == 24 else { return false }
        defer { try? shm.close(); try? log.close() }
        let bytes = [UInt8](index)
        func native(_ at: Int) -> UInt32 { bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) } }
        let copiesAgree = bytes[0..<48] == bytes[48..<96]
        let isInit = bytes[12] == 1
        let sameRun = (native(32), native(36)) == ([UInt8](head).withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self), raw.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
        })
        return copiesAgree && isInit && sameRun && native(96) == native(16)
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    /// SQLite's running checksum over the log, in the byte order its magic number names.
    private struct Checksum {
        let bigEndian: Bool
        var value = (UInt32(0), UInt32(0))

        mutating func add(_ bytes: [UInt8], _ range: Range<Int>) {
            // Words loaded straight from the bytes: a start reads a log of megabytes this
            // way when the last session left frames not yet copied into the database.
            let swap = bigEndian != (UInt32(1).bigEndian == 1)
            var (s0, s1) = value
            bytes.withUnsafeBytes { raw in
                var at = range.lowerBound
                while at < range.upperBound {
                    var a = raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)
                    var b = raw.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self)
                    if swap { a = a.byteSwapped; b = b.byteSwapped }
                    s0 = s0 &+ a &+ s1
                    s1 = s1 &+ b &+ s0
                    at += 8
                }
            }
            value = (s0, s1)
        }

    }

    /// The log's frames one after another, read a few hundred kilobytes at a time into
    /// one buffer (not a read and two copies per frame).
    private struct FrameReader {
        let file: FileHandle
        let frameSize: Int
        private var chunk: [UInt8] = []
        private var offset = 0
        private var frame: [UInt8]

        init(file: FileHandle, frameSize: Int) {
            self.file = file
            self.frameSize = frameSize
            frame = [UInt8](repeating: 0, count: frameSize)
        }

        mutating func next() -> [UInt8]? {
            if chunk.count - offset < frameSize {
                let rest = Array(chunk[offset...])
                guard let more = try? file.read(upToCount: max(frameSize, 64 * frameSize)), !more.isEmpty else { return nil }
                chunk = rest + [UInt8](more)
                offset = 0
                guard chunk.count >= frameSize else { return nil }
            }
            frame.withUnsafeMutableBytes { target in
                chunk.withUnsafeBytes { source in
                    target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + frameSize)]))
                }
            }
            offset += frameSize
            return frame
        }
    }
}
