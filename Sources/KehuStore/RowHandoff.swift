import Foundation

/// Every core on one import: a reading thread reads the sheet into raw rows, preparing
/// threads (one per core) make each row ready to write (its fields parsed, its duplicate and
/// search keys made), and the writer's thread writes them in the sheet's order while the
/// rows after them are read and prepared. Rows pass in numbered batches through a short
/// queue, so memory stays a few batches whatever the sheet's size, and the reader waits
/// when the writer falls behind.
///
/// `read` runs on a thread of its own and is given `hand`, to call for each raw row;
/// `prepare` makes a batch of raw rows ready, one prepared row for each, on any of the
/// preparing threads, several at once, so it must keep to its argument; `write` runs here
/// for each prepared row, in the order `read` handed them.
/// Whichever side fails first stops the others; every thread has finished when this
/// returns, so no closure outlives it.
public func handOff<Raw, Item>(read: (_ hand: (Raw) throws -> Void) throws -> Void,
                               prepare: ([Raw]) -> [Item],
                               write: (Item) throws -> Void) throws {
    let queue = Handoff<Raw, Item>()
    try withoutActuallyEscaping(read) { read in
        try withoutActuallyEscaping(prepare) { prepare in
            let reading = UncheckedBox(read)
            let preparing = UncheckedBox(prepare)
            var threads = [Thread {
                var failure: Error?
                do { try reading.value?({ raw in try queue.put(raw) }) } catch { failure = error }
                // Let go of the closure before saying so: it must not outlive this call
                // (the Thread object itself may be kept a while longer).
                reading.value = nil
                queue.close(error: failure)
            }]
            for _ in 0..<Handoff<Raw, Item>.preparers {
                threads.append(Thread {
                    while let (number, raws) = queue.nextToPrepare() {
                        // The box is emptied only after every preparer has left.
                        guard let prepare = preparing.value else { break }
                        queue.prepared(number, prepare(raws))
                    }
                    queue.preparerLeft()
                })
            }
            for thread in threads {
                thread.stackSize = 8 << 20
                thread.start()
            }
            defer {
                queue.cancel()
                queue.waitUntilAllLeft()
                preparing.value = nil
            }
            while let batch = try queue.take() {
                for item in batch { try write(item) }
                queue.written(batch)
            }
        }
    }
}

/// Thrown to the reading thread when the writer has stopped: nothing more is wanted.
public struct HandoffStopped: Error {}

/// Lets a closure that is only called while its caller waits cross to another thread.
private final class UncheckedBox<Value>: @unchecked Sendable {
    var value: Value?
    init(_ value: Value) { self.value = value }
}

private final class Handoff<Raw, Item>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Batches read and waiting for a preparer, by number, oldest first.
    private var waiting: [(Int, [Raw])] = []
    /// Batches prepared and waiting for the writer, by number (they may finish out of order).
    private var ready: [Int: [Item]] = [:]
    private var filling: [Raw] = []
    /// Batches written, for a preparer to free: freeing a row's many small values costs
    /// the writer's thread time it is short of, and the preparers made them.
    private var spent: [[Item]] = []
    /// Batches handed on by the reader, and the number of the next the writer takes.
    private var sent = 0
    private var written = 0
    private var closed = false
    private var cancelled = false
    private var failure: Error?
    private var preparersLeft = 0
    private var readerLeft = false
    static var batchSize: Int { 128 }
    /// Batches read but not yet written, at most: memory stays a few batches.
    static var inFlight: Int { 6 }
    /// One preparer per core, so reading, preparing and writing share every core.
    static var preparers: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)) }

    /// On the reading thread: keeps the row for the next batch, waiting while enough are in flight.
    func put(_ raw: Raw) throws {
        filling.append(raw)
        guard filling.count >= Self.batchSize else { return }
        try send()
    }

    private func send() throws {
        condition.lock()
        defer { condition.unlock() }
        while sent - written >= Self.inFlight, !cancelled { condition.wait() }
        if cancelled { throw HandoffStopped() }
        waiting.append((sent, filling))
        sent += 1
        filling = []
        condition.broadcast()
    }

    /// On the reading thread, at its end (with what stopped it, if anything).
    func close(error: Error?) {
        if error == nil, !filling.isEmpty { try? send() }
        condition.lock()
        closed = true
        readerLeft = true
        if failure == nil, !(error is HandoffStopped) { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    /// On a preparing thread: the oldest batch nobody prepares yet, or nil when there will be none.
    func nextToPrepare() -> (Int, [Raw])? {
        condition.lock()
        var freeing = spent
        spent = []
        while waiting.isEmpty, !closed, !cancelled { condition.wait() }
        let next = cancelled || waiting.isEmpty ? nil : waiting.removeFirst()
        condition.unlock()
        // Freed here, outside the lock.
        freeing.removeAll()
        return next
    }

    /// On the writer's thread: a batch written, handed back to be freed by a preparer.
    func written(_ batch: [Item]) {
        condition.lock()
        spent.append(batch)
        condition.unlock()
    }

    func prepared(_ number: Int, _ items: [Item]) {
        condition.lock()
        ready[number] = items
        condition.broadcast()
        condition.unlock()
    }

    func preparerLeft() {
        condition.lock()
        preparersLeft += 1
        condition.broadcast()
        condition.unlock()
    }

    /// On the writer's thread: the next batch in the reader's order, or nil at the end;
    /// what stopped the reader is thrown.
    func take() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while ready[written] == nil, !(closed && written == sent) { condition.wait() }
        if let batch = ready.removeValue(forKey: written) {
            written += 1
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// On the writer's thread, when it is done or failed: the others stop at their next step.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    func waitUntilAllLeft() {
        condition.lock()
        while !readerLeft || preparersLeft < Self.preparers { condition.wait() }
        condition.unlock()
    }
}
