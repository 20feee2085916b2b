/// What the scheduler did, published to an observer (the host logs these); the scheduler itself
/// never prints.
public enum SchedulerEvent: Sendable {
    /// A run record was written: started, finished (any status) or skipped.
    case run(RunRecord)
    /// A run raised alerts, handed to the job's sinks.
    case alerts(AlertBatch)
    /// Something failed that the scheduler survives: a store write, an unknown sink name.
    case problem(String)

    /// One log line: `overdue 04/05/2026 07:30:00 succeeded (critical) in 1.2 s`,
    /// `overdue 05/05/2026 07:30:00 skipped (overlap ×1): the run started … was still going`.
    public func line(format: AlertFormat = AlertFormat()) -> String {
        switch self {
        case .run(let run):
            var text = "\(run.job) \(format.vietnamese(run.scheduledAt)) \(run.status.rawValue)"
            if run.trigger == .catchUp { text += " (catch-up)" }
            if let status = run.checkStatus { text += " (\(status.name))" }
            if let reason = run.skipReason { text += " (\(reason.rawValue) ×\(run.ticks))" }
            if let duration = run.duration { text += " in \(Scheduler.seconds(duration))" }
            if let message = run.message { text += ": " + message }
            return text
        case .alerts(let batch):
            return "\(batch.check) \(format.vietnamese(batch.at)) \(batch.alerts.count) alert"
                + (batch.alerts.count == 1 ? "" : "s")
        case .problem(let message):
            return "problem: " + message
        }
    }
}
