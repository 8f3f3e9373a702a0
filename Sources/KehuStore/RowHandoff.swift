import Foundation

/// Two cores on one import: a reading thread reads the sheet and prepares each row (its
/// fields parsed, its duplicate and search keys made) while the writer's thread writes the
/// rows before it. Rows pass in batches through a short queue, so memory stays a few
/// batches whatever the sheet's size, and the reader waits when the writer falls behind.
///
/// `read` runs on a thread of its own and is given `hand`, to call for each prepared item;
/// `write` runs here for each item in order. Whichever fails first stops the other; the
/// reading thread has always finished when this returns, so neither closure outlives it.
public func handOff<Item>(read: (_ hand: (Item) throws -> Void) throws -> Void, write: (Item) throws -> Void) throws {
    let queue = Handoff<Item>()
    try withoutActuallyEscaping(read) { read in
        let reading = UncheckedBox(read)
        let thread = Thread {
            var failure: Error?
            do { try reading.value?({ item in try queue.put(item) }) } catch { failure = error }
            // Let go of the closure before saying so: it must not outlive this call (the
            // Thread object itself may be kept a while longer).
            reading.value = nil
            queue.close(error: failure)
        }
        thread.stackSize = 8 << 20
        thread.start()
        defer { queue.waitUntilClosed() }
        do {
            while let batch = try queue.take() {
                for item in batch { try write(item) }
            }
        } catch {
            queue.cancel()
            throw error
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

private final class Handoff<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Item]] = []
    private var filling: [Item] = []
    private var closed = false
    private var cancelled = false
    private var failure: Error?
    static var batchSize: Int { 256 }
    static var queued: Int { 8 }


    /// On the reading thread: keeps the item for the next batch, waiting while enough are queued.
    func put(_ item: Item) throws {
        filling.append(item)
        guard filling.count >= Self.batchSize else { return }
        try send()
    }

    private func send() throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.queued, !cancelled { condition.wait() }
        if cancelled { throw HandoffStopped() }
        batches.append(filling)
        filling = []
        condition.broadcast()
    }

    /// On the reading thread, at its end (with what stopped it, if anything).
    func close(error: Error?) {
        if error == nil, !filling.isEmpty { try? send() }
        condition.lock()
        closed = true
        if failure == nil, !(error is HandoffStopped) { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    /// On the writer's thread: the next batch, or nil at the end; what stopped the reader is thrown.
    func take() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !closed { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// On the writer's thread, when writing failed: the reader stops at its next item.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    func waitUntilClosed() {
        condition.lock()
        while !closed { condition.wait() }
        condition.unlock()
    }
}
