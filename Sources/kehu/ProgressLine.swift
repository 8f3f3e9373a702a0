import Foundation
import KehuApp

/// A long job's progress on stderr, drawn from its first moment and at most five times a
/// second, with the time left (see `Strings.progressLine`). Only on a terminal: a script
/// or a log gets none of it.
final class ProgressLine: @unchecked Sendable {
    private let strings: Strings
    private let unit: ProgressUnit
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var shown = false
    private let lock = NSLock()

    /// Nil when stderr is not a terminal.
    init?(strings: Strings, unit: ProgressUnit) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.strings = strings
        self.unit = unit
    }

    func update(_ done: Int, of total: Int) {
        lock.withLock {
            let now = Date()
            guard done >= total || now.timeIntervalSince(lastDrawn) >= 0.2 else { return }
            lastDrawn = now
            shown = true
            let line = strings.progressLine(done: done, total: total, elapsedSeconds: now.timeIntervalSince(started), unit: unit)
            FileHandleStandardError.write("\r\u{1B}[K" + line)
        }
    }

    /// Clears the line, so what is printed next starts on a clean one.
    func finish() {
        lock.withLock { if shown { FileHandleStandardError.write("\r\u{1B}[K") }; shown = false }
    }
}
