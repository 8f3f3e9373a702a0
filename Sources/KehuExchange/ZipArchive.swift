import Foundation

/// A zip file of stored (uncompressed) entries with UTF-8 names: all an XLSX package
/// needs, and readable by Excel, LibreOffice and every unzip.
struct ZipArchive {
    private var body = Data()
    private var directory = Data()
    private var count: UInt16 = 0

    mutating func add(_ name: String, _ content: Data) {
        let nameBytes = Data(name.utf8)
        let crc = ZipArchive.crc32(content)
        let offset = UInt32(body.count)
        var local = Data()
        local.append(le32: 0x0403_4B50)
        local.append(le16: 20); local.append(le16: 0x0800); local.append(le16: 0)   // version, UTF-8 names, stored
        local.append(le16: 0); local.append(le16: 0x21)                            // time 00:00, date 1980-01-01
        local.append(le32: crc); local.append(le32: UInt32(content.count)); local.append(le32: UInt32(content.count))
        local.append(le16: UInt16(nameBytes.count)); local.append(le16: 0)
        body.append(local); body.append(nameBytes); body.append(content)
        var central = Data()
        central.append(le32: 0x0201_4B50)
        central.append(le16: 20); central.append(le16: 20); central.append(le16: 0x0800); central.append(le16: 0)
        central.append(le16: 0); central.append(le16: 0x21)
        central.append(le32: crc); central.append(le32: UInt32(content.count)); central.append(le32: UInt32(content.count))
        central.append(le16: UInt16(nameBytes.count)); central.append(le16: 0); central.append(le16: 0)
        central.append(le16: 0); central.append(le16: 0); central.append(le32: 0); central.append(le32: offset)
        directory.append(central); directory.append(nameBytes)
        count += 1
    }

    var data: Data {
        var end = Data()
        end.append(le32: 0x0605_4B50)
        end.append(le16: 0); end.append(le16: 0); end.append(le16: count); end.append(le16: count)
        end.append(le32: UInt32(directory.count)); end.append(le32: UInt32(body.count)); end.append(le16: 0)
        return body + directory + end
    }

    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

private extension Data {
    mutating func append(le16 value: UInt16) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    mutating func append(le32 value: UInt32) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
}
