import Foundation

/// The day's structural check's verdict: told on the check's thread, read on the screen's
/// (nil until then; then nil inside for a whole file, or what is damaged).
final class CheckVerdict: @unchecked Sendable {
    private let lock = NSLock()
    private var settled: String?? = nil

    func settle(_ found: String?) { lock.withLock { settled = .some(found) } }

    var value: String?? { lock.withLock { settled } }
}
