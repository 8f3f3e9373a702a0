import Foundation

/// Where a SQLite store's reads run. Normally on the pool's reader connections; while the
/// customer screen reads its first screen, on the writer connection the pool opened
/// anyway. A reader connection is a second reading of the whole schema by SQLite and
/// GRDB's setting up of the connection: 3.8 of the 34 million instructions before the
/// first frame. The screen says when its first frame is drawn (`firstScreenDrawn()`) and
/// the readers open then, before any key is read. Shared by every scoped copy of a store.
final class ReadPlace: @unchecked Sendable {
    private let lock = NSLock()
    private var writer: Bool

    init(onWriter: Bool = false) { writer = onWriter }

    var onWriter: Bool { lock.withLock { writer } }

    /// Returns whether reads were on the writer until now.
    func moveToReaders() -> Bool {
        lock.withLock {
            defer { writer = false }
            return writer
        }
    }
}
