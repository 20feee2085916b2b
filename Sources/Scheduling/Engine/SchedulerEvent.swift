/// What the scheduler did, published to an observer (the host logs these); the scheduler itself
/// never prints.
public enum SchedulerEvent: Sendable {
    /// A run record was written: started, finished (any status) or skipped.
    case run(RunRecord)
    /// A run raised alerts, handed to the job's sinks.
    case alerts(AlertBatch)
    /// Something failed that the scheduler survives: a store write, an unknown sink name.
    case problem(String)
}
