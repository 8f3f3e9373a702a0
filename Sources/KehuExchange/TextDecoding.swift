import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Text files as Excel in China saves them: UTF-8 (with or without a byte-order mark),
/// or GBK/GB18030 when saved as "CSV" on a Chinese Windows. Read in pieces: one look over
/// the whole file decides the encoding (a GBK file's first lines can be plain ASCII) and
/// counts its lines for the progress line; then it is handed on as UTF-8, piece by piece.
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", gb18030 = "GB18030" }

    /// What one look over the bytes found: the encoding, and about how many records
    /// (line breaks outside quotes) the text holds. Nil when it is not text (NUL bytes, or
    /// neither encoding).
    public static func scan(_ bytes: SheetBytes) throws -> (encoding: Encoding, records: Int)? {
        var isUTF8 = true, hasNUL = false
        var carried: [UInt8] = []
        var inQuotes = false, lineFeeds = 0, returns = 0
        try bytes.pieces { piece in
            guard !hasNUL else { return }
            for byte in piece {
                switch byte {
                case 0: hasNUL = true
                case 0x22: inQuotes.toggle()
                case 0x0A where !inQuotes: lineFeeds += 1
                case 0x0D where !inQuotes: returns += 1
                default: break
                }
            }
            guard isUTF8, !hasNUL else { return }
            // A piece may end inside a character: its start waits for the next piece.
            let joined = carried + piece
            let cut = completeLength(joined)
            isUTF8 = joined.withUnsafeBufferPointer { String(validating: $0[..<cut], as: UTF8.self) != nil }
            carried = Array(joined[cut...])
        }
        guard !hasNUL else { return nil }
        let records = max(lineFeeds, returns) + 1
        if isUTF8, carried.isEmpty { return (.utf8, records) }
        // Every piece must convert: a file that is neither is refused before anything is read.
        var converts = true
        do { try gb18030Pieces(bytes) { _ in } } catch { converts = false }
        return converts ? (.gb18030, records) : nil
    }

    /// The text's pieces as UTF-8, whatever its encoding.
    public static func utf8Pieces(_ bytes: SheetBytes, encoding: Encoding, _ each: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        switch encoding {
        case .utf8: try bytes.pieces(each)
        case .gb18030: try gb18030Pieces(bytes, each)
        }
    }

    struct NotGB18030: Error {}

    /// GB18030 (a superset of GBK and GB2312) to UTF-8 through the C library's iconv, a
    /// piece at a time (a character split between pieces is finished with the next).
    static func gb18030Pieces(_ bytes: SheetBytes, _ each: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { throw NotGB18030() }
        defer { iconv_close(converter) }
        var carried: [UInt8] = []
        var output = [UInt8](repeating: 0, count: 1 << 17)
        try bytes.pieces { piece in
            var input = carried + piece
            carried = []
            var inLeft = input.count
            try input.withUnsafeMutableBufferPointer { inBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                while inLeft > 0 {
                    let produced: Int = output.withUnsafeMutableBufferPointer { outBuffer in
                        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                        var outLeft = outBuffer.count
                        let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                        if result == -1, errno == EILSEQ { return -1 }
                        return outBuffer.count - outLeft
                    }
                    guard produced >= 0 else { throw NotGB18030() }
                    try output.withUnsafeBufferPointer { try each(UnsafeBufferPointer(rebasing: $0[..<produced])) }
                    // EINVAL: the piece ends inside a character, kept for the next piece.
                    if produced == 0 { break }
                }
            }
            if inLeft > 0 { carried = Array(input.suffix(inLeft)) }
        }
        guard carried.isEmpty else { throw NotGB18030() }
    }

    /// How much of `bytes` holds whole UTF-8 characters: all but a last character cut short.
    static func completeLength(_ bytes: [UInt8]) -> Int {
        var start = bytes.count
        // The last lead byte (or ASCII byte) within the last four.
        while start > 0, bytes.count - start < 4 {
            start -= 1
            let byte = bytes[start]
            guard byte & 0xC0 == 0x80 else {
                let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                return bytes.count - start < length ? start : bytes.count
            }
        }
        return bytes.count
    }
}
