import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Text files as Excel in China saves them: UTF-8 (with or without a byte-order mark),
/// or GBK/GB18030 when saved as "CSV" on a Chinese Windows.
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", gb18030 = "GB18030" }

    /// The text and the encoding it was in; nil when it is neither (a binary file, say).
    public static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.contains(0) { return nil }   // no text file of ours holds NUL bytes
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return gb18030(bytes).map { ($0, .gb18030) }
    }

    /// GB18030 (a superset of GBK and GB2312) to a String, through the C library's iconv.
    static func gb18030(_ data: Data) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [CChar](unsafeUninitializedCapacity: data.count) { buffer, count in
            _ = data.copyBytes(to: UnsafeMutableRawBufferPointer(buffer))
            count = data.count
        }
        var output = [CChar](repeating: 0, count: data.count * 2 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft > 0 ? nil : outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(decoding: output.prefix(converted).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
