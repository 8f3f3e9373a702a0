import Foundation
import Synchronization
import Testing
@testable import KehuStore

/// The import's hand-off: rows read on one thread, prepared on several, written here in
/// the order they were read, and a failure on either side stopping the other.
struct HandoffTests {
    struct Refused: Error, Equatable { let at: Int }

    /// Batches prepared on several threads at once still reach the writer in order, all of them.
    @Test func preparedOnSeveralThreadsWrittenInOrder() throws {
        var written: [String] = []
        try handOff(read: { hand in
            for number in 0..<10_000 { try hand(number) }
        }, prepare: { numbers in
            // Uneven work, so that batches finish out of order.
            numbers.map { number in String(repeating: "x", count: number % 7 == 0 ? 300 : 1) + "\(number)" }
        }, write: { text in
            written.append(text)
        })
        #expect(written.count == 10_000)
        #expect(written.map { Int($0.drop { $0 == "x" })! } == Array(0..<10_000))
    }

    /// What stops the reader reaches the caller as it was, after the rows read before it.
    @Test func theReadersFailureAfterWhatItRead() {
        var written: [Int] = []
        #expect(throws: Refused(at: 1_000)) {
            try handOff(read: { hand in
                for number in 0..<5_000 {
                    if number == 1_000 { throw Refused(at: number) }
                    try hand(number)
                }
            }, prepare: { $0 }, write: { written.append($0) })
        }
        // Whole batches only: the rows of the batch the reader was filling are not written.
        #expect(written == Array(0..<written.count) && written.count <= 1_000)
    }

    /// The writer's failure stops the reader, which does not read on to the end.
    @Test func theWritersFailureStopsTheReader() {
        let read = Mutex(0)
        #expect(throws: Refused(at: 300)) {
            try handOff(read: { hand in
                for number in 0..<1_000_000 {
                    read.withLock { $0 = number }
                    try hand(number)
                }
            }, prepare: { $0 }, write: { number in
                if number == 300 { throw Refused(at: number) }
            })
        }
        #expect(read.withLock { $0 } < 100_000)
    }

    /// Nothing read: nothing written, and no thread left waiting.
    @Test func anEmptySheet() throws {
        var written = 0
        try handOff(read: { (_: (Int) throws -> Void) in }, prepare: { $0 }, write: { _ in written += 1 })
        #expect(written == 0)
    }
}
