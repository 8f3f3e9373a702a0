import Foundation

/// Work run on a thread of its own while the caller goes on; `result()` waits for it and
/// gives its value or its error. For start-up work that shares nothing with what runs
/// beside it until the result is taken.
final class SideWork<Value>: @unchecked Sendable {
    private var outcome: Result<Value, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () throws -> Value) {
        nonisolated(unsafe) let work = work
        let thread = Thread { [self] in
            outcome = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    func result() throws -> Value {
        done.wait()
        return try outcome!.get()
    }
}
