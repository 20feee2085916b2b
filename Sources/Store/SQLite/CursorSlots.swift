import Foundation

/// Counts the cursors a store has open, each holding one reader connection on its producer
/// thread, and refuses one too many.
///
/// Without a limit, a script that leaves cursors open would take every reader, and its next
/// read would wait forever for a reader that only its own unfinished cursors can give back. One
/// reader always stays free for plain reads.
package final class CursorSlots: @unchecked Sendable {
    package let limit: Int
    // Guarded by `lock`.
    private let lock = NSLock()
    private var open = 0

    package init(readers: Int) { limit = readers - 1 }

    /// Takes a slot, or throws ``StoreError/tooManyOpenCursors(limit:)``.
    package func take() throws {
        lock.lock()
        defer { lock.unlock() }
        guard open < limit else { throw StoreError.tooManyOpenCursors(limit: limit) }
        open += 1
    }

    package func give() {
        lock.lock()
        defer { lock.unlock() }
        open -= 1
    }
}
