import Foundation

/// One sink's buffer and its delivery task, guarded by a lock so that offering a batch is a
/// synchronous, constant-time call.
final class SinkWorker: @unchecked Sendable {
    private let clock: any SchedulerClock
    private let registration: AlertDispatcher.Registration
    private let onProblem: @Sendable (String) -> Void
    private let lock = NSLock()
    private var buffer: [AlertBatch] = []
    private var delivering: Task<Void, Never>?
    /// Whether a delivery task is running or about to (set before it is spawned).
    private var busy = false
    private var stats = SinkStatistics()
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []

    init(registration: AlertDispatcher.Registration, clock: any SchedulerClock,
         onProblem: @escaping @Sendable (String) -> Void) {
        self.registration = registration
        self.clock = clock
        self.onProblem = onProblem
    }

    var statistics: SinkStatistics {
        lock.withLock {
            var s = stats
            s.queued = buffer.count + (busy ? 1 : 0)
            return s
        }
    }

    func offer(_ batch: AlertBatch) {
        let (accepted, start): (Bool, Bool) = lock.withLock {
            guard buffer.count < registration.capacity else {
                stats.dropped += batch.alerts.count
                return (false, false)
            }
            buffer.append(batch)
            if busy { return (true, false) }
            busy = true
            return (true, true)
        }
        if !accepted {
            onProblem("sink '\(registration.name)': buffer full, dropped \(batch.alerts.count) alert(s) of '\(batch.check)'")
        }
        if start {
            let task = clock.spawn { [self] in await run() }
            lock.withLock { delivering = task }
        }
    }

    private func run() async {
        while let batch = take() {
            let delivered = await deliver(batch)
            lock.withLock {
                if delivered { stats.delivered += batch.alerts.count }
                else { stats.failed += batch.alerts.count }
            }
        }
    }

    /// The next batch, or `nil` after marking the worker idle. A cancelled worker (see
    /// ``abandon()``) takes nothing more and counts what is left as dropped.
    private func take() -> AlertBatch? {
        let (batch, waiters): (AlertBatch?, [CheckedContinuation<Void, Never>]) = lock.withLock {
            if Task.isCancelled {
                stats.dropped += buffer.reduce(0) { $0 + $1.alerts.count }
                buffer = []
            }
            if !buffer.isEmpty { return (buffer.removeFirst(), []) }
            busy = false
            delivering = nil
            defer { idleWaiters = [] }
            return (nil, idleWaiters)
        }
        waiters.forEach { $0.resume() }
        return batch
    }

    private func deliver(_ batch: AlertBatch) async -> Bool {
        let retry = registration.retry
        for attempt in 1...retry.attempts {
            do {
                try await registration.sink.deliver(batch)
                return true
            } catch {
                onProblem("sink '\(registration.name)': attempt \(attempt) of \(retry.attempts) for '\(batch.check)' failed: \(error)")
                guard attempt < retry.attempts, !Task.isCancelled else { return false }
                let wake = clock.now().addingTimeInterval(retry.delay(afterFailure: attempt))
                do { try await clock.sleep(until: wake) } catch { return false }
            }
        }
        return false
    }

    func idle() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = lock.withLock {
                if !busy { return true }
                idleWaiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Gives up: buffered batches are counted as dropped and the delivery under way is
    /// cancelled.
    func abandon() {
        let task: Task<Void, Never>? = lock.withLock {
            stats.dropped += buffer.reduce(0) { $0 + $1.alerts.count }
            buffer = []
            return delivering
        }
        task?.cancel()
    }
}
