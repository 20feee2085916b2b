import Domain
import Foundation
import Scheduling

/// A thread-safe list, for what jobs, sinks and observers see from their own tasks.
final class Recorder<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []

    func append(_ item: Element) { lock.withLock { items.append(item) } }
    var all: [Element] { lock.withLock { items } }
    func removeAll() { lock.withLock { items = [] } }
}

/// A sink that keeps what it is given.
struct RecordingSink: AlertSink {
    let batches = Recorder<AlertBatch>()
    func deliver(_ batch: AlertBatch) async throws { batches.append(batch) }
}

/// One simulated scheduler world: a clock, a store that outlives scheduler instances (for
/// restarts), a recording sink and the events of every instance.
final class Harness: Sendable {
    let clock: SimulatedClock
    let store: InMemorySchedulerStateStore
    let sink = RecordingSink()
    let events = Recorder<SchedulerEvent>()

    init(start: Date, historyLimit: Int = 1_000) {
        let clock = SimulatedClock(start: start)
        self.clock = clock
        store = InMemorySchedulerStateStore(historyLimit: historyLimit, now: { clock.now() })
    }

    /// A scheduler over the world's store; `owner` names it when several share the store.
    func scheduler(_ jobs: [ScheduledJob], owner: String = Scheduler.Options.processOwner) throws -> Scheduler {
        let dispatcher = AlertDispatcher(
            sinks: [.init(name: "test", sink: sink)], clock: clock)
        let events = self.events
        return try Scheduler(jobs: jobs, workingDays: TestCalendar2026(), store: store,
                             dispatcher: dispatcher, clock: clock, options: Scheduler.Options(owner: owner)) {
            events.append($0)
        }
    }

    /// Shuts a scheduler down while moving simulated time through the grace period, so that
    /// runs still sleeping on the clock can finish or be cancelled.
    func stop(_ scheduler: Scheduler, grace: TimeInterval) async {
        let stopping = Task { await scheduler.shutdown(grace: grace) }
        while await scheduler.phase == .running { await Task.yield() }
        await clock.advance(by: grace)
        await stopping.value
    }

    /// Every alert raised so far, as `dd/MM/yyyy HH:mm kind key`.
    var alertLines: [String] {
        events.all.flatMap { event -> [String] in
            guard case .alerts(let batch) = event else { return [] }
            return batch.alerts.map { "\(show($0.at)) \($0.kind.rawValue) \($0.key)" }
        }
    }

    /// The run history of a job, oldest first, as `dd/MM/yyyy HH:mm status[ reason×ticks]`.
    func history(_ job: String) async -> [String] {
        await store.runs(job: job, limit: 10_000).reversed().map { run in
            var line = "\(show(run.scheduledAt)) \(run.status.rawValue)"
            if let reason = run.skipReason { line += " \(reason.rawValue)×\(run.ticks)" }
            if run.trigger == .catchUp { line += " catch-up" }
            return line
        }
    }
}

/// A job whose run takes `duration` simulated seconds and reports `status`.
func job(_ name: String, _ schedule: String, timeout: TimeInterval = 300,
         catchUp: CatchUpPolicy = .once, repeatAfter: TimeInterval? = nil,
         clock: SimulatedClock, duration: TimeInterval = 0, seen: Recorder<String>? = nil,
         result: @escaping @Sendable (JobContext) throws -> CheckResult = { _ in
             try CheckResult(status: .ok, summary: "fine")
         }) throws -> ScheduledJob {
    ScheduledJob(
        name: name, schedule: try Schedule(schedule), timeout: timeout, catchUp: catchUp,
        repeatAfter: repeatAfter, sinks: ["test"],
        run: { context in
            seen?.append("\(show(context.scheduledAt)) at \(show(clock.now()))")
            if duration > 0 { try await clock.sleep(until: clock.now() + duration) }
            return try result(context)
        })
}
