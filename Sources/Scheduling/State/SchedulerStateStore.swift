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
}
