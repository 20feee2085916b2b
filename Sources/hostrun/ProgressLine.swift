import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A one-line counter on standard error, rewritten in place a few times a second, shown only
/// when standard error is a terminal (never in logs or pipes).
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) != 0
    // Guarded by `lock`: the store's thread updates, the main thread clears.
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(label: String) { self.label = label }

    /// Shows `count`, at most every quarter of a second.
    func update(_ count: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.25 else { return }
        lastDrawn = now
        drawn = true
        writeError("\r\(label): \(count) records…\u{1B}[K")
    }

    /// Removes the line before the command prints its result.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { writeError("\r\u{1B}[K") }
        drawn = false
    }
}
