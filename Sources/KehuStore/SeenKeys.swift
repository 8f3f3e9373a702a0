/// The duplicate keys a large import has met — the archive's, then each row's as it is
/// written — kept as a Bloom filter: it can say a key is surely new, and then the row's
/// lookup in the database (two index searches, for phone and name) is skipped. A key it
/// may have seen is asked of the database as before, so a rare false "maybe" costs a
/// lookup and never a wrong answer. Sixteen bits a key: about one key in 200 is a
/// false "maybe", in 2 MB for a million keys.
struct SeenKeys {
    private var bits: [UInt64]
    private let mask: UInt64

    /// Room for `capacity` keys (more only makes false "maybe"s likelier).
    init(capacity: Int) {
        var size = 1 << 16
        while size < capacity * 16 { size <<= 1 }
        bits = Array(repeating: 0, count: size / 64)
        mask = UInt64(size - 1)
    }

    mutating func insert(_ key: String) {
        var key = key
        key.withUTF8 { insert($0) }
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) {
        let (first, step) = Self.hashes(bytes)
        for round in 0..<Self.places {
            let bit = (first &+ UInt64(round) &* step) & mask
            bits[Int(bit >> 6)] |= 1 << (bit & 63)
        }
    }

    /// False only when `key` was surely never inserted.
    func mayContain(_ key: String) -> Bool {
        var key = key
        let (first, step) = key.withUTF8 { Self.hashes($0) }
        for round in 0..<Self.places {
            let bit = (first &+ UInt64(round) &* step) & mask
            if bits[Int(bit >> 6)] & (1 << (bit & 63)) == 0 { return false }
        }
        return true
    }

    /// Each key sets three bits, at `first + k·step` (two hashes combined, as Kirsch and
    /// Mitzenmacher show is as good as three).
    private static let places = 3

    /// Both from one hash of the key's bytes.
    private static func hashes(_ bytes: UnsafeBufferPointer<UInt8>) -> (first: UInt64, step: UInt64) {
        let hash = Self.hash(bytes)
        return (hash & 0xffff_ffff, (hash >> 32) | 1)
    }

    /// A 64-bit FNV-1a hash of a key's bytes, mixed (FNV's low bits mix poorly): also the
    /// namesake table's (`NamesakeTable`).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        return hash
    }
}
