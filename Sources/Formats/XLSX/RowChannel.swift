import Foundation

/// Hands batches of rows from the thread running `XMLParser` (which pushes) to the reader's
/// caller (who pulls), holding at most `capacity` batches so memory stays bounded.
final class RowChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[XLSXRow]] = []
    private var finished = false
    private var failure: FormatError?
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Producer: blocks while full; returns `false` if the consumer has gone away.
    func put(_ batch: [XLSXRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// Producer: no more rows, with the error that stopped them if any.
    func finish(_ error: FormatError?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: the next batch, `nil` at the end; throws the producer's error after its rows.
    func take() throws(FormatError) -> [XLSXRow]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Consumer: stop the producer (the reader was released early).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
