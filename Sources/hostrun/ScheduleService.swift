import Dispatch
import Domain
import Foundation
import Scheduling

#if canImport(Glibc)
import Glibc
#endif

/// The running `hostrun schedule`: the scheduler over the configured jobs, its state in the
/// store, its alerts through the configured sinks, its events logged to standard error.
struct ScheduleService: Sendable {
    let config: ScheduleConfig
    let source: String
    let jobs: [ScheduledJob]
    let state: any SchedulerStateStore
    let storeLocation: String
    let clock: any SchedulerClock
    let grace: TimeInterval

    func run() async throws {
        let format = AlertFormat(centreTime: config.centreTime)
        let clock = self.clock
        let log: @Sendable (String) -> Void = { line in
            writeError("[\(format.vietnamese(clock.now()))] \(line)\n")
        }
        let dispatcher = try config.makeDispatcher(clock: clock) { log("alerts: \($0)") }
        // A simulated clock (--once) stands still: durations would all read 0.
        let timed = !(clock is SimulatedClock)
        let scheduler = try Scheduler(jobs: jobs, workingDays: WorkingCalendar.vietnam, store: state,
                                      dispatcher: dispatcher, clock: clock,
                                      options: Scheduler.Options(centreTime: config.centreTime),
                                      onEvent: { log(ScheduleService.describe($0, format: format, timed: timed)) })
        if let simulated = clock as? SimulatedClock {
            try await scheduler.start()
            // Every run due now has started; the clock stands still, so once everything is
            // asleep or done, the runs and their alerts are finished.
            await simulated.waitUntilIdle()
            await scheduler.shutdown(grace: grace)
            return
        }
        // From here on a stop request is never fatal: at worst, one arriving before the signal
        // sources listen is ignored (systemd and the tests repeat it).
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let stop = Task { await ShutdownSignals.wait(for: [SIGTERM, SIGINT]) }
        try await scheduler.start()
        log("hostrun schedule: \(jobs.count) check\(jobs.count == 1 ? "" : "s") from \(source), store \(storeLocation), "
            + "sinks \(config.sinks.map(\.name).joined(separator: ", ")); " + nextRuns(format))
        let received = await stop.value
        log("hostrun schedule: \(received == SIGTERM ? "SIGTERM" : "SIGINT") received, stopping (grace \(Int(grace)) s)")
        await scheduler.shutdown(grace: grace)
        log("hostrun schedule: stopped")
    }

    /// `next: overdue 26/05/2026 07:30, source-silent 25/05/2026 18:00`.
    private func nextRuns(_ format: AlertFormat) -> String {
        let now = clock.now()
        let next = jobs.map { job -> String in
            let at = job.schedule.next(after: now, in: config.centreTime, workingDays: WorkingCalendar.vietnam)
            return job.name + " " + (at.map { format.vietnamese($0).dropLast(3) } ?? "never")
        }
        return "next: " + next.joined(separator: ", ")
    }

    /// One log line per event: `overdue: succeeded CRITICAL in 0.21 s (scheduled 26/05/2026 07:30)`.
    static func describe(_ event: SchedulerEvent, format: AlertFormat, timed: Bool) -> String {
        switch event {
        case .run(let run):
            var line = "\(run.job): \(run.status.rawValue)"
            if run.trigger == .catchUp { line += " (catch-up)" }
            if let status = run.checkStatus { line += " " + status.label }
            if timed, let duration = run.duration { line += String(format: " in %.2f s", duration) }
            if let reason = run.skipReason { line += " [\(reason.rawValue)]" }
            line += " (scheduled \(format.vietnamese(run.scheduledAt).dropLast(3)))"
            if let message = run.message { line += ": " + message }
            return line
        case .alerts(let batch):
            let kinds = Dictionary(grouping: batch.alerts, by: \.kind).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
            return "\(batch.check): alerts \(kinds.joined(separator: ", "))"
        case .problem(let message):
            return "problem: " + message
        }
    }
}
