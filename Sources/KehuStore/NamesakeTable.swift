/// Which customers may have a given name key, for a large SQLite import that has set the
/// name key's index aside: the archive's customers and each new one, kept as a hash of
/// the key with the customer's id. The index, kept, cost a million-row import 12 s: its
/// keys start with the city, so new rows land in thousands of places across it, more
/// pages than the import's cache holds, and SQLite wrote them out again and again. Made
/// again at the end with the other indexes, it is sorted once.
///
/// A hash can be shared: the ids it gives are candidates, each read back by id (the
/// primary key, always at hand) and kept only if its name key is the same. A key never
/// inserted almost never gives one (one lookup in 4,000 at a million customers), so
/// nothing is read for a new name.
///
/// Eight bytes a customer, a 32-bit fingerprint with the id, in an open-addressing table
/// 1.4 times the customers it holds: about 11 MB for a million.
struct NamesakeTable {
    private var slots: [UInt64]
    private var count = 0
    /// Ids of 2³² and more, which do not fit beside a fingerprint: by fingerprint.
    private var wide: [UInt64: [Int64]] = [:]

    /// Room for `capacity` customers; more grow the table.
    init(capacity: Int) {
        slots = Array(repeating: 0, count: Self.slotCount(capacity))
    }

    private static func slotCount(_ capacity: Int) -> Int { max(64, capacity + capacity * 2 / 5) }

    /// The most memory an import gives the table: enough for a million customers (11.2
    /// MB), within which a million-row import stays under its 80 MB. A larger archive and
    /// sheet together keep the name key's index instead, as before: a million rows into a
    /// million customers took 97 MB with the table (75 s), 81 MB without (90 s).
    static let memoryBudget = 12 << 20

    /// Whether a table for `capacity` customers fits `memoryBudget`.
    static func fits(capacity: Int) -> Bool { slotCount(capacity) * MemoryLayout<UInt64>.size <= memoryBudget }

    mutating func insert(_ key: String, id: Int64) {
        var key = key
        key.withUTF8 { insert($0, id: id) }
    }

    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, id: Int64) {
        let print = Self.fingerprint(key)
        guard id > 0, id <= Int64(UInt32.max) else { wide[print, default: []].append(id); return }
        // Past four fifths full, a search for a new key walks long runs: grow first.
        if (count + 1) * 5 > slots.count * 4 { grow() }
        place(print << 32 | UInt64(id))
        count += 1
    }

    /// The ids of the customers whose key may be `key`, oldest first (as the index gave
    /// them); each is to be checked.
    func candidates(_ key: String) -> [Int64] {
        var key = key
        let print = key.withUTF8 { Self.fingerprint($0) }
        var found: [Int64] = []
        var slot = home(print)
        while slots[slot] != 0 {
            if slots[slot] >> 32 == print { found.append(Int64(slots[slot] & 0xffff_ffff)) }
            slot = slot + 1 == slots.count ? 0 : slot + 1
        }
        if let more = wide[print] { found += more }
        return found.count > 1 ? found.sorted() : found
    }

    /// The key's hash folded to 32 bits, never 0 (so that no entry is an empty slot).
    private static func fingerprint(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let hash = SeenKeys.hash(key)
        return max(1, (hash ^ hash >> 32) & 0xffff_ffff)
    }

    /// The slot a fingerprint's search starts at: scaled to the table (any size, no modulo).
    private func home(_ print: UInt64) -> Int { Int((print &* UInt64(slots.count)) >> 32) }

    private mutating func place(_ entry: UInt64) {
        var slot = home(entry >> 32)
        while slots[slot] != 0 { slot = slot + 1 == slots.count ? 0 : slot + 1 }
        slots[slot] = entry
    }

    /// Twice the room, every entry placed again from its fingerprint.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        for entry in old where entry != 0 { place(entry) }
    }
}
