import Foundation
import GRDB

/// What a write does while another process holds the file's write lock (a colleague's
/// import, a backup's read of the log): it tries again every few milliseconds up to the
/// busy timeout, and once the wait is long enough to be noticed it tells whoever listens,
/// once per wait — the screen says it is waiting instead of freezing, a command says so on
/// stderr. Shared by every connection of one open database.
public final class LockWait: @unchecked Sendable {
    private let lock = NSLock()
    private var listener: (@Sendable () -> Void)?
    private let timeout: TimeInterval

    /// A wait shorter than this goes unsaid (most locks are held for milliseconds).
    static let noticeAfter: TimeInterval = 0.15
    static let retryEvery: TimeInterval = 0.02

    init(timeout: TimeInterval) {
        self.timeout = timeout
    }

    /// Called (on the waiting write's thread, while the caller is blocked in that write)
    /// when a write starts waiting for a lock noticeably long.
    public func onWaiting(_ listener: (@Sendable () -> Void)?) {
        lock.withLock { self.listener = listener }
    }

    /// SQLite asks this before each retry; false gives up with SQLITE_BUSY.
    var busyCallback: Database.BusyCallback {
        let tries = Int(timeout / Self.retryEvery)
        let noticeAt = Int(Self.noticeAfter / Self.retryEvery)
        return { [self] numberOfTries in
            guard numberOfTries < tries else { return false }
            if numberOfTries == noticeAt { lock.withLock { listener }?() }
            Thread.sleep(forTimeInterval: Self.retryEvery)
            return true
        }
    }
}
