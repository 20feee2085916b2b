import Dispatch
import Foundation
import GRDB
import PostgresNIO
import Scheduling
import Store

/// The scheduler's memory in the shared database, as ``Store/SQLiteSchedulerStateStore`` keeps
/// it in a file: run history, the last scheduled time handled per job, open alert findings and
/// run claims, shared by every `hostrun schedule` using the database, on any machine.
///
/// The store's calls block their thread until the server answers, so every call runs on a
/// dispatch queue of its own, never on one of Swift concurrency's few cooperative threads. The
/// alert state changes of one run are one transaction. History and run claims older than
/// `retentionDays` before a saved run are pruned, as in SQLite.
public final class PostgresSchedulerStateStore: SchedulerStateStore {
    private let store: PostgreSQLStore
    private let retention: TimeInterval
    private let queue = DispatchQueue(label: "hostrun.postgres.scheduler-state", attributes: .concurrent)

    /// - Parameter retentionDays: how long finished runs are kept (default 400 days).
    public init(store: PostgreSQLStore, retentionDays: Int = 400) {
        self.store = store
        retention = TimeInterval(retentionDays) * 86_400
    }

    // MARK: Runs

    public func saveRun(_ run: RunRecord) async throws {
        let save = try PostgresBindings(SchedulerStateSQL.runValues(run))
        let prune = try PostgresBindings([SchedulerStateSQL.pruneCutoff(run, retention: retention)])
        let pruneClaims = try PostgresBindings(SchedulerStateSQL.pruneClaimsValues(run, retention: retention))
        try await onQueue("saving run \(run.id) of \(run.job)") { store, connection in
            try connection.run(SchedulerStateSQL.saveRun(.postgres), save, logger: store.logger)
            try connection.run(SchedulerStateSQL.pruneRuns(.postgres), prune, logger: store.logger)
            try connection.run(SchedulerStateSQL.pruneClaims(.postgres), pruneClaims, logger: store.logger)
        }
    }

    public func runs(job: String, limit: Int) async throws -> [RunRecord] {
        try await rows("reading the runs of \(job)", SchedulerStateSQL.runs(.postgres),
                       [job.databaseValue, limit.databaseValue]).map(SchedulerStateSQL.run)
    }

    public func unfinishedRuns() async throws -> [RunRecord] {
        try await rows("reading unfinished runs", SchedulerStateSQL.unfinishedRuns).map(SchedulerStateSQL.run)
    }

    // MARK: Ticks

    public func lastTick(job: String) async throws -> Date? {
        try await rows("reading the last tick of \(job)", SchedulerStateSQL.lastTick(.postgres), [job.databaseValue])
            .first.flatMap { Int64.fromDatabaseValue($0[0]) }.map(StoredInstant.date)
    }

    public func setLastTick(_ tick: Date, job: String) async throws {
        try await rows("recording the last tick of \(job)", SchedulerStateSQL.setLastTick(.postgres),
                       [job.databaseValue, StoredInstant.milliseconds(tick).databaseValue])
    }

    // MARK: Alerts

    public func alertStates(check: String) async throws -> [AlertState] {
        try await rows("reading the alert state of \(check)", SchedulerStateSQL.alertStates(.postgres),
                       [check.databaseValue]).map(SchedulerStateSQL.alertState)
    }

    public func updateAlertStates(check: String, upserts: [AlertState], removals: [String]) async throws {
        let deletions = try removals.map { try PostgresBindings([check.databaseValue, $0.databaseValue]) }
        let upserts = try upserts.map { try PostgresBindings(SchedulerStateSQL.alertValues($0, check: check)) }
        try await onQueue("saving the alert state of \(check)") { store, connection in
            try connection.run("BEGIN", logger: store.logger)
            do {
                for binds in deletions {
                    try connection.run(SchedulerStateSQL.deleteAlertState(.postgres), binds, logger: store.logger)
                }
                for binds in upserts {
                    try connection.run(SchedulerStateSQL.upsertAlertState(.postgres), binds, logger: store.logger)
                }
                try connection.run("COMMIT", logger: store.logger)
            } catch {
                _ = try? connection.run("ROLLBACK", logger: store.logger)
                throw error
            }
        }
    }

    // MARK: Claims

    public func claimRun(job: String, at: Date, owner: String, lease: TimeInterval) async throws -> RunClaimOutcome {
        let store = self.store
        return try await onQueue {
            let claim = try store.claimRun(job: job, slot: RunClaim.slot(at), owner: owner, lease: lease)
            return claim.granted ? .granted : .held(by: claim.owner)
        }
    }

    public func finishRun(job: String, at: Date, owner: String) async throws {
        let store = self.store
        try await onQueue { try store.finishRun(job: job, slot: RunClaim.slot(at), owner: owner) }
    }

    // MARK: Queue

    /// Runs one statement with `values` bound in order; returns its rows as store values.
    @discardableResult
    private func rows(_ operation: String, _ sql: String,
                      _ values: [DatabaseValue] = []) async throws -> [[DatabaseValue]] {
        let binds = try PostgresBindings(values)
        return try await onQueue(operation) { store, connection in
            try connection.run(sql, binds, logger: store.logger).rows.map { try $0.databaseValues() }
        }
    }

    /// Runs `body` with a pooled connection on the queue, server failures reported as
    /// ``Store/StoreError/database(operation:reason:)``.
    private func onQueue<T: Sendable>(_ operation: String,
                                      _ body: @escaping @Sendable (PostgreSQLStore, PostgresConnection) throws -> T)
        async throws -> T {
        let store = self.store
        return try await onQueue { try store.read(operation) { try body(store, $0) } }
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
