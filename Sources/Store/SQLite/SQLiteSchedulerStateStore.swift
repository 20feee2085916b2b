import Dispatch
import Foundation
import GRDB
import Scheduling

/// The scheduler's memory in the store file itself: run history, the last scheduled time
/// handled per job, and open alert findings, so that `hostrun schedule` restarted (or run again
/// with `--once`) neither repeats nor forgets an alert.
///
/// Every call runs on the store's own serial queue, never on one of Swift concurrency's few
/// cooperative threads: a write may wait up to 30 s for another process's import to commit,
/// and the scheduler's timers must not wait with it. Alert state changes of one run are one
/// transaction.
///
/// History is pruned by age: saving a run deletes the finished runs, and the job's run claims,
/// scheduled more than `retentionDays` before it, so a scheduler left running for years keeps
/// bounded tables.
public final class SQLiteSchedulerStateStore: SchedulerStateStore {
    private let store: SQLiteStore
    private let pool: DatabasePool
    private let retention: TimeInterval
    private let queue = DispatchQueue(label: "hostrun.store.scheduler-state")

    /// - Parameter retentionDays: how long finished runs are kept (default 400 days: a year
    ///   of history and a month to compare).
    public init(store: SQLiteStore, retentionDays: Int = 400) {
        self.store = store
        pool = store.pool
        retention = TimeInterval(retentionDays) * 86_400
    }

    // MARK: Runs

    public func saveRun(_ run: RunRecord) async throws {
        let cutoff = SchedulerStateSQL.pruneCutoff(run, retention: retention)
        let claims = StatementArguments(SchedulerStateSQL.pruneClaimsValues(run, retention: retention))
        try await write("saving run \(run.id) of \(run.job)") { db in
            try db.execute(sql: SchedulerStateSQL.saveRun(.sqlite),
                           arguments: StatementArguments(SchedulerStateSQL.runValues(run)))
            try db.execute(sql: SchedulerStateSQL.pruneRuns(.sqlite), arguments: [cutoff])
            try db.execute(sql: SchedulerStateSQL.pruneClaims(.sqlite), arguments: claims)
        }
    }

    public func runs(job: String, limit: Int) async throws -> [RunRecord] {
        try await read("reading the runs of \(job)") { db in
            try Row.fetchAll(db, sql: SchedulerStateSQL.runs(.sqlite), arguments: [job, limit])
                .map { try SchedulerStateSQL.run(Array($0.databaseValues)) }
        }
    }

    public func unfinishedRuns() async throws -> [RunRecord] {
        try await read("reading unfinished runs") { db in
            try Row.fetchAll(db, sql: SchedulerStateSQL.unfinishedRuns)
                .map { try SchedulerStateSQL.run(Array($0.databaseValues)) }
        }
    }

    // MARK: Ticks

    public func lastTick(job: String) async throws -> Date? {
        try await read("reading the last tick of \(job)") { db in
            try Int64.fetchOne(db, sql: SchedulerStateSQL.lastTick(.sqlite), arguments: [job]).map(StoredInstant.date)
        }
    }

    public func setLastTick(_ tick: Date, job: String) async throws {
        try await write("recording the last tick of \(job)") { db in
            try db.execute(sql: SchedulerStateSQL.setLastTick(.sqlite),
                           arguments: [job, StoredInstant.milliseconds(tick)])
        }
    }

    // MARK: Alerts

    public func alertStates(check: String) async throws -> [AlertState] {
        try await read("reading the alert state of \(check)") { db in
            try Row.fetchAll(db, sql: SchedulerStateSQL.alertStates(.sqlite), arguments: [check])
                .map { try SchedulerStateSQL.alertState(Array($0.databaseValues)) }
        }
    }

    public func updateAlertStates(check: String, upserts: [AlertState], removals: [String]) async throws {
        try await write("saving the alert state of \(check)") { db in
            let delete = try db.cachedStatement(sql: SchedulerStateSQL.deleteAlertState(.sqlite))
            for key in removals {
                try delete.execute(arguments: [check, key])
            }
            let upsert = try db.cachedStatement(sql: SchedulerStateSQL.upsertAlertState(.sqlite))
            for state in upserts {
                try upsert.execute(arguments: StatementArguments(SchedulerStateSQL.alertValues(state, check: check)))
            }
        }
    }

    // MARK: Claims

    public func claimRun(job: String, at: Date, owner: String, lease: TimeInterval) async throws -> RunClaimOutcome {
        let store = self.store
        return try await onQueue("claiming a run of \(job)") {
            let claim = try store.claimRun(job: job, slot: RunClaim.slot(at), owner: owner, lease: lease)
            return claim.granted ? .granted : .held(by: claim.owner)
        }
    }

    public func finishRun(job: String, at: Date, owner: String) async throws {
        let store = self.store
        try await onQueue("finishing a run of \(job)") {
            try store.finishRun(job: job, slot: RunClaim.slot(at), owner: owner)
        }
    }

    // MARK: Queue

    private func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let pool = self.pool
        return try await onQueue(operation) { try pool.write(body) }
    }

    private func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let pool = self.pool
        return try await onQueue(operation) { try pool.read(body) }
    }

    private func onQueue<T: Sendable>(_ operation: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    continuation.resume(returning: try work())
                } catch let error as DatabaseError {
                    continuation.resume(throwing: StoreError.database(operation: operation, reason: error.message ?? "\(error)"))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
