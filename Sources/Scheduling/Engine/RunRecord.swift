import Foundation

/// Why a run was started.
public enum RunTrigger: String, Sendable, Hashable, Codable {
    /// At its scheduled time (within the scheduler's misfire tolerance).
    case scheduled
    /// Late, for a time missed while the scheduler was stopped or asleep (see ``CatchUpPolicy``).
    case catchUp = "catch_up"
}

/// How a run ended, or that it is still going.
public enum RunStatus: String, Sendable, Hashable, Codable {
    case running
    /// The job returned a check result (whatever its check status).
    case succeeded
    /// The job threw an error.
    case failed
    /// The job outlived its timeout and was cancelled and killed.
    case timedOut = "timed_out"
    /// The job was still running when shutdown's grace period ended.
    case cancelled
    /// The scheduler process stopped (crash, kill -9, power loss) while the run was going; found
    /// at the next start.
    case interrupted
    /// The scheduled time passed without a run; see ``SkipReason``.
    case skipped
}

/// Why a scheduled time passed without a run.
public enum SkipReason: String, Sendable, Hashable, Codable {
    /// The previous run of the same job was still going: runs of one job never overlap.
    case overlap
    /// The scheduler was stopped (or the machine asleep) at that time and the catch-up policy
    /// did not run it.
    case missed
    /// A catch-up run was still queued when the scheduler shut down.
    case shutdown
    /// Another scheduler sharing the store claimed the run (see
    /// ``SchedulerStateStore/claimRun(job:at:owner:lease:)``) and runs it.
    case claimed
}

/// One entry of a job's run history.
public struct RunRecord: Sendable, Hashable, Codable {
    public let id: UUID
    public let job: String
    /// The scheduled time this run is for; for a record covering several skipped times, the
    /// latest of them.
    public let scheduledAt: Date
    public let trigger: RunTrigger
    public var startedAt: Date?
    public var endedAt: Date?
    public var status: RunStatus
    /// The check's own status when the run succeeded.
    public var checkStatus: CheckStatus?
    /// Set when `status` is ``RunStatus/skipped``.
    public var skipReason: SkipReason?
    /// How many scheduled times this record stands for: 1, or more for a skipped record that
    /// summarises a stretch of missed times.
    public var ticks: Int
    /// A human explanation: the error of a failed run, the limit of a timed-out one, what a
    /// skipped record covers.
    public var message: String?

    public init(id: UUID = UUID(), job: String, scheduledAt: Date, trigger: RunTrigger,
                startedAt: Date? = nil, endedAt: Date? = nil, status: RunStatus,
                checkStatus: CheckStatus? = nil, skipReason: SkipReason? = nil, ticks: Int = 1,
                message: String? = nil) {
        self.id = id
        self.job = job
        self.scheduledAt = scheduledAt
        self.trigger = trigger
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.status = status
        self.checkStatus = checkStatus
        self.skipReason = skipReason
        self.ticks = ticks
        self.message = message
    }

    /// Seconds from start to end, once both are known.
    public var duration: TimeInterval? {
        guard let startedAt, let endedAt else { return nil }
        return endedAt.timeIntervalSince(startedAt)
    }
}
