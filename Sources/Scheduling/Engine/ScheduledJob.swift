import Foundation

/// What a job run is told about itself.
public struct JobContext: Sendable {
    public let runID: UUID
    public let job: String
    /// The scheduled time the run is for: the time a check should treat as "now" when it asks
    /// which dossiers are overdue, so that a catch-up run reports as of its missed time.
    public let scheduledAt: Date
    public let trigger: RunTrigger

    public init(runID: UUID = UUID(), job: String, scheduledAt: Date, trigger: RunTrigger) {
        self.runID = runID
        self.job = job
        self.scheduledAt = scheduledAt
        self.trigger = trigger
    }
}

/// A check the scheduler runs: when, within which limits, and where its alerts go.
///
/// The host builds one per configured check: `run` executes the Lua check in a sandbox and
/// converts what it returns into a ``CheckResult``; `kill` interrupts that sandbox (its wall-time
/// limit), because Lua code does not notice Swift task cancellation.
public struct ScheduledJob: Sendable {
    public let name: String
    public let schedule: Schedule
    /// Seconds a run may take before it is cancelled, killed and recorded as timed out.
    public let timeout: TimeInterval
    public let catchUp: CatchUpPolicy
    /// Seconds after which a still-open finding is reported again; `nil` never.
    public let repeatAfter: TimeInterval?
    /// Names of the ``AlertDispatcher`` sinks that receive this job's alerts.
    public let sinks: [String]
    public let run: @Sendable (JobContext) async throws -> CheckResult
    /// Called on the scheduler when a run outlives its timeout or shutdown's grace period,
    /// after its task was cancelled: must not block, and must make `run` return soon (set the
    /// sandbox's interrupt flag). Until `run` returns, the job's next times are skipped as
    /// overlapping: two runs of one check never execute at once.
    public let kill: @Sendable (JobContext) -> Void

    public init(name: String, schedule: Schedule, timeout: TimeInterval,
                catchUp: CatchUpPolicy = .once, repeatAfter: TimeInterval? = nil,
                sinks: [String] = [],
                run: @escaping @Sendable (JobContext) async throws -> CheckResult,
                kill: @escaping @Sendable (JobContext) -> Void = { _ in }) {
        self.name = name
        self.schedule = schedule
        self.timeout = timeout
        self.catchUp = catchUp
        self.repeatAfter = repeatAfter
        self.sinks = sinks
        self.run = run
        self.kill = kill
    }
}
