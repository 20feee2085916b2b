import Foundation

/// Where the scheduler keeps what must survive a restart: run history, the last scheduled time
/// handled per job, and open alert findings.
///
/// The scheduler knows nothing of databases; the store layer implements this protocol over
/// SQLite or PostgreSQL, and ``InMemorySchedulerStateStore`` serves tests. Implementations must
/// be safe to call concurrently.
public protocol SchedulerStateStore: Sendable {
    /// Inserts a run record, or replaces the one with the same ``RunRecord/id``.
    func saveRun(_ run: RunRecord) async throws
    /// The most recent runs of a job, newest scheduled time first.
    func runs(job: String, limit: Int) async throws -> [RunRecord]
    /// Every record still marked ``RunStatus/running``.
    func unfinishedRuns() async throws -> [RunRecord]

    /// The latest scheduled time the scheduler handled for a job (ran, skipped or queued).
    func lastTick(job: String) async throws -> Date?
    /// Records a handled scheduled time; a time earlier than the one stored is ignored.
    func setLastTick(_ tick: Date, job: String) async throws

    /// The open findings of a check.
    func alertStates(check: String) async throws -> [AlertState]
    /// Saves `upserts` and deletes the findings whose keys are in `removals`, all at once.
    func updateAlertStates(check: String, upserts: [AlertState], removals: [String]) async throws

    /// Claims the run of `job` for the scheduled time `at`, so that of several schedulers sharing
    /// the store (on several machines) exactly one runs it and sends its alerts.
    ///
    /// The first caller gets ``RunClaimOutcome/granted``. A later caller gets
    /// ``RunClaimOutcome/held(by:)``, unless the holder neither finished the run
    /// (``finishRun(job:at:owner:)``) nor is within its `lease`: a holder that died mid-run
    /// blocks its slot only until the lease ends, and the next caller then takes the run over.
    func claimRun(job: String, at: Date, owner: String, lease: TimeInterval) async throws -> RunClaimOutcome

    /// Marks a granted claim as done: its run ended and its alerts were handed to the sinks, so
    /// the claim never expires and nobody runs that slot again.
    func finishRun(job: String, at: Date, owner: String) async throws
}

/// The answer to ``SchedulerStateStore/claimRun(job:at:owner:lease:)``.
public enum RunClaimOutcome: Sendable, Hashable {
    /// This caller holds the claim and runs the job.
    case granted
    /// Another owner claimed the run first (and finished it, or is still within its lease).
    case held(by: String)
}
