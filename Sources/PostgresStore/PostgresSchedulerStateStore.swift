import Dispatch
import Foundation
import PostgresNIO
import Scheduling
import Store

/// The scheduler's memory in the shared database, as ``Store/SQLiteSchedulerStateStore`` keeps
/// it in a file: run history, the last scheduled time handled per job, open alert findings and
/// run claims, shared by every `hostrun schedule` using the database, on any machine.
///
/// The store's calls block their thread until the server answers, so every call runs on a
/// dispatch queue of its own, never on one of Swift concurrency's few cooperative threads. The
/// alert state changes of one run are one transaction. History older than `retentionDays`
/// before a saved run is pruned, as in SQLite.
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
        let cutoff = StoredInstant.milliseconds(run.scheduledAt.addingTimeInterval(-retention))
        try await onQueue("saving run \(run.id) of \(run.job)") { store, connection in
            var binds = PostgresBindings()
            binds.append(run.id.uuidString)
            binds.append(run.job)
            binds.append(StoredInstant.milliseconds(run.scheduledAt))
            binds.append(run.trigger.rawValue)
            binds.append(run.startedAt.map(StoredInstant.milliseconds))
            binds.append(run.endedAt.map(StoredInstant.milliseconds))
            binds.append(run.status.rawValue)
            binds.append(run.checkStatus?.name)
            binds.append(run.skipReason?.rawValue)
            binds.append(run.ticks)
            binds.append(run.message)
            try connection.run("""
                INSERT INTO scheduler_runs (id, job, scheduled_at, trigger, started_at, ended_at, status,
                    check_status, skip_reason, ticks, message)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, ended_at = excluded.ended_at,
                    status = excluded.status, check_status = excluded.check_status,
                    skip_reason = excluded.skip_reason, ticks = excluded.ticks, message = excluded.message
                """, binds, logger: store.logger)
            var prune = PostgresBindings()
            prune.append(cutoff)
            try connection.run("DELETE FROM scheduler_runs WHERE scheduled_at < $1 AND status <> 'running'",
                               prune, logger: store.logger)
        }
    }

    public func runs(job: String, limit: Int) async throws -> [RunRecord] {
        try await onQueue("reading the runs of \(job)") { store, connection in
            var binds = PostgresBindings()
            binds.append(job)
            binds.append(limit)
            return try connection.run("SELECT \(Self.runColumns) FROM scheduler_runs WHERE job = $1 "
                                      + "ORDER BY scheduled_at DESC, COALESCE(started_at, 0) DESC LIMIT $2",
                                      binds, logger: store.logger).rows.map(Self.run)
        }
    }

    public func unfinishedRuns() async throws -> [RunRecord] {
        try await onQueue("reading unfinished runs") { store, connection in
            try connection.run("SELECT \(Self.runColumns) FROM scheduler_runs WHERE status = 'running' "
                               + "ORDER BY scheduled_at", logger: store.logger).rows.map(Self.run)
        }
    }

    // MARK: Ticks

    public func lastTick(job: String) async throws -> Date? {
        try await onQueue("reading the last tick of \(job)") { store, connection in
            var binds = PostgresBindings()
            binds.append(job)
            return try connection.run("SELECT last_tick FROM scheduler_ticks WHERE job = $1", binds,
                                      logger: store.logger).rows.first.map { StoredInstant.date(try $0.decode(Int64.self)) }
        }
    }

    public func setLastTick(_ tick: Date, job: String) async throws {
        try await onQueue("recording the last tick of \(job)") { store, connection in
            var binds = PostgresBindings()
            binds.append(job)
            binds.append(StoredInstant.milliseconds(tick))
            try connection.run("""
                INSERT INTO scheduler_ticks (job, last_tick) VALUES ($1, $2)
                ON CONFLICT (job) DO UPDATE SET last_tick = GREATEST(scheduler_ticks.last_tick, excluded.last_tick)
                """, binds, logger: store.logger)
        }
    }

    // MARK: Alerts

    public func alertStates(check: String) async throws -> [AlertState] {
        try await onQueue("reading the alert state of \(check)") { store, connection in
            var binds = PostgresBindings()
            binds.append(check)
            return try connection.run("""
                SELECT check_name, key, status, department, days_left, message, first_seen, last_seen, last_notified
                FROM alert_states WHERE check_name = $1 ORDER BY key
                """, binds, logger: store.logger).rows.map { row in
                let (check, key, status, department, daysLeft, message, firstSeen, lastSeen, lastNotified) =
                    try row.decode((String, String, String, String?, Int?, String, Int64, Int64, Int64).self)
                return AlertState(check: check, key: key, status: try Self.checkStatus(status), department: department,
                                  daysLeft: daysLeft, message: message, firstSeen: StoredInstant.date(firstSeen),
                                  lastSeen: StoredInstant.date(lastSeen), lastNotified: StoredInstant.date(lastNotified))
            }
        }
    }

    public func updateAlertStates(check: String, upserts: [AlertState], removals: [String]) async throws {
        try await onQueue("saving the alert state of \(check)") { store, connection in
            try connection.run("BEGIN", logger: store.logger)
            do {
                for key in removals {
                    var binds = PostgresBindings()
                    binds.append(check)
                    binds.append(key)
                    try connection.run("DELETE FROM alert_states WHERE check_name = $1 AND key = $2", binds,
                                       logger: store.logger)
                }
                for state in upserts {
                    var binds = PostgresBindings()
                    binds.append(check)
                    binds.append(state.key)
                    binds.append(state.status.name)
                    binds.append(state.department)
                    binds.append(state.daysLeft)
                    binds.append(state.message)
                    binds.append(StoredInstant.milliseconds(state.firstSeen))
                    binds.append(StoredInstant.milliseconds(state.lastSeen))
                    binds.append(StoredInstant.milliseconds(state.lastNotified))
                    try connection.run("""
                        INSERT INTO alert_states (check_name, key, status, department, days_left, message, first_seen,
                            last_seen, last_notified)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT (check_name, key) DO UPDATE SET status = excluded.status,
                            department = excluded.department, days_left = excluded.days_left,
                            message = excluded.message, first_seen = excluded.first_seen,
                            last_seen = excluded.last_seen, last_notified = excluded.last_notified
                        """, binds, logger: store.logger)
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

    // MARK: Rows

    private static let runColumns = "id, job, scheduled_at, trigger, started_at, ended_at, status, check_status, "
        + "skip_reason, ticks, message"

    private static func run(_ row: PostgresRow) throws -> RunRecord {
        let (id, job, scheduledAt, triggerText, startedAt, endedAt, statusText, checkText, skipText, ticks, message) =
            try row.decode((String, String, Int64, String, Int64?, Int64?, String, String?, String?, Int, String?).self)
        guard let uuid = UUID(uuidString: id) else { throw corrupt("scheduler_runs.id", id) }
        guard let trigger = RunTrigger(rawValue: triggerText) else { throw corrupt("scheduler_runs.trigger", triggerText) }
        guard let status = RunStatus(rawValue: statusText) else { throw corrupt("scheduler_runs.status", statusText) }
        let skip = try skipText.map { text in
            guard let reason = SkipReason(rawValue: text) else { throw corrupt("scheduler_runs.skip_reason", text) }
            return reason
        }
        return RunRecord(id: uuid, job: job, scheduledAt: StoredInstant.date(scheduledAt), trigger: trigger,
                         startedAt: startedAt.map(StoredInstant.date), endedAt: endedAt.map(StoredInstant.date),
                         status: status, checkStatus: try checkText.map(checkStatus), skipReason: skip,
                         ticks: ticks, message: message)
    }

    private static func checkStatus(_ name: String) throws -> CheckStatus {
        guard let status = CheckStatus(name: name) else { throw corrupt("check status", name) }
        return status
    }

    private static func corrupt(_ column: String, _ value: String) -> StoreError {
        .database(operation: "reading scheduler state", reason: "\(column) holds '\(value)', which this hostrun does not know")
    }

    // MARK: Queue

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
