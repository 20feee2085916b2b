import Foundation

/// Hands a connector's records from the thread running Lua to the thread writing the store, in
/// batches, so that reading the next rows and writing the last ones overlap. A few batches at
/// most wait in between, so memory stays flat whatever the size of the export.
final class RecordPipe: @unchecked Sendable {
    // Every property below is guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [[ConnectorItem?]] = []
    private var finished = false
    private var failure: (any Error)?
    private var stopped: (any Error)?
    private let capacity = 4

    /// Producer: hands over a batch, waiting while the pipe is full.
    ///
    /// - Throws: the consumer's error once it has stopped.
    func send(_ batch: [ConnectorItem?]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && stopped == nil { condition.wait() }
        if let stopped { throw stopped }
        batches.append(batch)
        condition.broadcast()
    }

    /// Producer: no more batches; `failure` says why the records end early.
    func finish(failure: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        self.failure = failure
        condition.broadcast()
    }

    /// Consumer: the next batch, or nil at the end.
    ///
    /// - Throws: the producer's failure, once the batches it sent before failing are taken.
    func receive() throws -> [ConnectorItem?]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Consumer: stops taking batches; the producer's next `send` throws `error`.
    func stop(_ error: any Error) {
        condition.lock()
        defer { condition.unlock() }
        stopped = error
        batches = []
        condition.broadcast()
    }
}

/// The producer's end of a ``RecordPipe``: collects items into batches.
struct PipeWriter {
    let pipe: RecordPipe
    /// Optional, so that the reader can move each item out (``PipeReader``).
    private var batch: [ConnectorItem?] = []
    private static let batchSize = 512

    init(pipe: RecordPipe) {
        self.pipe = pipe
        batch.reserveCapacity(Self.batchSize)
    }

    mutating func add(_ item: ConnectorItem) throws {
        batch.append(item)
        if batch.count == Self.batchSize { try flush() }
    }

    mutating func flush() throws {
        guard !batch.isEmpty else { return }
        defer { batch = []; batch.reserveCapacity(Self.batchSize) }
        try pipe.send(batch)
    }
}

/// The consumer's end of a ``RecordPipe``: items one at a time, each moved out of its batch
/// (a copy would retain and release every string of the record).
struct PipeReader {
    let pipe: RecordPipe
    private var batch: [ConnectorItem?] = []
    private var position = 0

    init(pipe: RecordPipe) { self.pipe = pipe }

    mutating func next() throws -> ConnectorItem? {
        if position == batch.count {
            guard let next = try pipe.receive() else { return nil }
            batch = next
            position = 0
        }
        defer { position += 1 }
        return batch[position].take()
    }
}
