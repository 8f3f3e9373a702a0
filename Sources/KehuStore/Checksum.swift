import Crypto
import Foundation
import GRDB

/// SHA-256 of rows written in one form whichever engine they came from: each value's
/// kind, its length where it has one, and its bytes.
struct Checksum {
    private var hash = SHA256()

    mutating func add(_ row: [DatabaseValue]) {
        var bytes: [UInt8] = []
        for value in row {
            switch value.storage {
            case .null: bytes.append(0)
            case .int64(let number):
                bytes.append(1)
                withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
            case .double(let number):
                bytes.append(2)
                withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            case .string(let text):
                bytes.append(3)
                withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
                bytes.append(contentsOf: text.utf8)
            case .blob(let data):
                bytes.append(4)
                withUnsafeBytes(of: UInt32(data.count).littleEndian) { bytes.append(contentsOf: $0) }
                bytes.append(contentsOf: data)
            }
        }
        hash.update(data: bytes)
    }

    var hex: String { hash.finalize().map { String(format: "%02x", $0) }.joined() }
}
