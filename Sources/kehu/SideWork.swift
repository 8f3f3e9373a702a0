import Foundation

/// Work run on a thread of its own while the caller goes on; `result()` waits for it and
/// gives its value or its error. For start-up work that shares nothing with what runs
/// beside it until the result is taken.
final class SideWork<Value>: @unchecked Sendable {
    private var outcome: Result<Value, Error>?
    private let done = DispatchSemaphore(value: 0)
    /// Taken only by the thread that started the work.
    private var ended = false

    init(_ work: @escaping () throws -> Value) {
        nonisolated(unsafe) let work = work
        let thread = Thread { [self] in
            outcome = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    func result() throws -> Value {
        wait()
        return try outcome!.get()
    }

    /// Waits for the work to end; at once when it was waited for before. A command that
    /// fails waits too before it exits: the process's exit must not run beside it.
    func wait() {
        guard !ended else { return }
        done.wait()
        ended = true
    }
}
