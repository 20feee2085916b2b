import Foundation

/// A forward-only stream of rows that a caller pulls one at a time, e.g. from a Lua `for` loop.
///
/// The rows come from a producer running on its own thread inside one read transaction, so the
/// caller sees a consistent snapshot however long it takes, may use the store between two
/// `next()` calls (the producer holds its own connection), and never holds more than two small
/// batches in memory. Call ``close()`` (or drop the cursor) to stop early and release the read
/// transaction.
///
/// A cursor belongs to one consumer thread: it is deliberately not `Sendable`.
public final class StoreCursor<Element: Sendable> {
    private let channel: BatchChannel<Element>
    private var buffer: [Element] = []
    private var position = 0
    private var done = false

    /// Starts `produce` on a new thread. It must hand rows to the sink in order and return when
    /// the sink refuses more (the consumer closed the cursor).
    package init(batchSize: Int = 256,
         produce: @escaping @Sendable (BatchSink<Element>) throws -> Void) {
        let channel = BatchChannel<Element>()
        self.channel = channel
        let thread = Thread {
            let sink = BatchSink(channel: channel, batchSize: batchSize)
            do {
                try produce(sink)
                sink.flush()
                channel.finish(error: nil)
            } catch {
                channel.finish(error: error)
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { close() }

    /// The next row, or `nil` at the end. Rethrows a failure of the producer once the rows it
    /// produced before failing were consumed.
    public func next() throws -> Element? {
        if position == buffer.count {
            guard !done, let batch = try channel.take() else {
                done = true
                return nil
            }
            buffer = batch
            position = 0
        }
        defer { position += 1 }
        return buffer[position]
    }

    /// Stops the producer and waits until it has released its read transaction.
    public func close() {
        done = true
        buffer = []
        position = 0
        channel.cancelAndWait()
    }
}

extension StoreCursor {
    /// Calls `body` with every remaining row, then closes the cursor.
    public func forEach(_ body: (Element) throws -> Void) throws {
        defer { close() }
        while let element = try next() { try body(element) }
    }
}

/// The producer's side of a ``StoreCursor``: collects rows into batches and hands them over.
package final class BatchSink<Element: Sendable> {
    private let channel: BatchChannel<Element>
    private let batchSize: Int
    private var batch: [Element] = []

    init(channel: BatchChannel<Element>, batchSize: Int) {
        self.channel = channel
        self.batchSize = batchSize
        batch.reserveCapacity(batchSize)
    }

    /// Adds a row; returns `false` when the consumer has closed the cursor and the producer
    /// should stop.
    package func yield(_ element: Element) -> Bool {
        batch.append(element)
        guard batch.count == batchSize else { return !channel.isCancelled }
        defer { batch = []; batch.reserveCapacity(batchSize) }
        return channel.put(batch)
    }

    func flush() {
        if !batch.isEmpty { _ = channel.put(batch) }
        batch = []
    }
}

/// A one-slot blocking hand-off between a producer thread and a consumer, so that the producer
/// prepares the next batch while the consumer works on the current one.
final class BatchChannel<Element: Sendable>: @unchecked Sendable {
    // Every property below is guarded by `condition`.
    private let condition = NSCondition()
    private var slot: [Element]?
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Blocks until the slot is free; returns `false` if the consumer cancelled.
    func put(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while slot != nil && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        slot = batch
        condition.broadcast()
        return true
    }

    func finish(error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// Blocks until a batch or the end arrives.
    func take() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while slot == nil && !finished { condition.wait() }
        if let batch = slot {
            slot = nil
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    func cancelAndWait() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        slot = nil
        condition.broadcast()
        while !finished { condition.wait() }
    }
}
