import Foundation

/// Hands alert batches to sinks without ever making the scheduler wait.
///
/// Each sink has its own bounded buffer and delivery task: a slow or failing webhook delays
/// neither the scheduler nor the other sinks. When a buffer is full the new batch is dropped and
/// counted (``SinkStatistics/dropped``); failed deliveries are retried with exponential back-off
/// per the sink's ``RetryPolicy``. Delivery tasks exist only while there is something to deliver.
public final class AlertDispatcher: Sendable {
    /// A sink with its name (as checks refer to it), buffer size and retry policy.
    public struct Registration: Sendable {
        public let name: String
        public let sink: any AlertSink
        /// Batches buffered before new ones are dropped.
        public let capacity: Int
        public let retry: RetryPolicy

        public init(name: String, sink: any AlertSink, capacity: Int = 100,
                    retry: RetryPolicy = RetryPolicy()) {
            self.name = name
            self.sink = sink
            self.capacity = max(capacity, 1)
            self.retry = retry
        }
    }

    private let workers: [String: SinkWorker]
    private let clock: any SchedulerClock

    /// - Parameters:
    ///   - clock: waits between retries and bounds ``drain(deadline:)``.
    ///   - onProblem: told of each failed attempt and each drop, for the log.
    public init(sinks: [Registration], clock: any SchedulerClock = SystemClock(),
                onProblem: @escaping @Sendable (String) -> Void = { _ in }) {
        self.clock = clock
        workers = Dictionary(sinks.map {
            ($0.name, SinkWorker(registration: $0, clock: clock, onProblem: onProblem))
        }, uniquingKeysWith: { _, last in last })
    }

    /// The names jobs may send to.
    public var sinkNames: Set<String> { Set(workers.keys) }

    /// Queues a batch for each named sink and returns at once. Unknown names are ignored (the
    /// scheduler refuses jobs naming them).
    public func submit(_ batch: AlertBatch, to sinks: [String]) {
        for name in Set(sinks) {
            workers[name]?.offer(batch)
        }
    }

    /// Per-sink counts.
    public func statistics() -> [String: SinkStatistics] {
        workers.mapValues { $0.statistics }
    }

    /// Returns once every buffer is empty and no delivery is under way.
    public func flush() async {
        for worker in workers.values { await worker.idle() }
    }

    /// Like ``flush()`` but gives up at `deadline`: deliveries still under way are cancelled and
    /// batches still buffered are counted as dropped.
    public func drain(deadline: Date) async {
        guard workers.values.contains(where: { $0.statistics.queued > 0 }) else { return }
        let workers = Array(self.workers.values)
        let clock = self.clock
        let timer = clock.spawn {
            do { try await clock.sleep(until: deadline) } catch { return }
            workers.forEach { $0.abandon() }
        }
        await flush()
        timer.cancel()
    }
}
