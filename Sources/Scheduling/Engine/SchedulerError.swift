/// Why a scheduler could not be built or started.
public enum SchedulerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two jobs share a name; run history and alerts are keyed by it.
    case duplicateJob(String)
    /// A job sends alerts to a sink the dispatcher does not have.
    case unknownSink(job: String, sink: String)
    /// A job's timeout is not a positive number of seconds.
    case invalidTimeout(job: String)
    /// ``Scheduler/start()`` was called twice, or after shutdown.
    case alreadyStarted

    public var description: String {
        switch self {
        case .duplicateJob(let name): "job '\(name)' is defined twice"
        case .unknownSink(let job, let sink): "job '\(job)': no sink named '\(sink)'"
        case .invalidTimeout(let job): "job '\(job)': timeout must be above 0 seconds"
        case .alreadyStarted: "the scheduler was already started"
        }
    }
}
