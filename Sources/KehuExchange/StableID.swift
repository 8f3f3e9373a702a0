/// A UUID-shaped identifier computed from text: the same text gives the same UUID on every
/// machine and run (two 64-bit FNV-1a hashes of it, marked as a version 8 UUID of RFC 9562).
enum StableID {
    static func uuid(_ text: String) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
        var high = fnv(0xCBF2_9CE4_8422_2325), low = fnv(0x8422_2325_CBF2_9CE4 ^ 0x5BD1_E995)
        high = (high & ~0xF000) | 0x8000                       // version 8
        low = (low & ~(0xC000 << 48)) | (0x8000 << 48)         // variant 10
        let hex = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
        let digits = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }.joined(separator: "-")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
