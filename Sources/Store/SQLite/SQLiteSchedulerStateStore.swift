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
/// History is pruned by age: saving a run deletes the finished runs scheduled more than
/// `retentionDays` before it, so a scheduler left running for years keeps a bounded table.
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
        let cutoff = StoredInstant.milliseconds(run.scheduledAt.addingTimeInterval(-retention))
        try await write("saving run \(run.id) of \(run.job)") { db in
            try db.execute(sql: """
                INSERT INTO scheduler_runs (id, job, scheduled_at, trigger, started_at, ended_at, status,
                    check_status, skip_reason, ticks, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, ended_at = excluded.ended_at,
                    status = excluded.status, check_status = excluded.check_status,
                    skip_reason = excluded.skip_reason, ticks = excluded.ticks, message = excluded.message
                """, arguments: [run.id.uuidString, run.job, StoredInstant.milliseconds(run.scheduledAt),
                                 run.trigger.rawValue, run.startedAt.map(StoredInstant.milliseconds),
                                 run.endedAt.map(StoredInstant.milliseconds), run.status.rawValue,
                                 run.checkStatus?.name, run.skipReason?.rawValue, run.ticks, run.message])
            try db.execute(sql: "DELETE FROM scheduler_runs WHERE scheduled_at < ? AND status <> 'running'",
                           arguments: [cutoff])
        }
    }

    public func runs(job: String, limit: Int) async throws -> [RunRecord] {
        try await read("reading the runs of \(job)") { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.runColumns) FROM scheduler_runs WHERE job = ? "
                                 + "ORDER BY scheduled_at DESC, COALESCE(started_at, 0) DESC LIMIT ?",
                             arguments: [job, limit]).map(Self.run)
        }
    }

    public func unfinishedRuns() async throws -> [RunRecord] {
        try await read("reading unfinished runs") { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.runColumns) FROM scheduler_runs WHERE status = 'running' "
                                 + "ORDER BY scheduled_at").map(Self.run)
        }
    }

    // MARK: Ticks

    public func lastTick(job: String) async throws -> Date? {
        try await read("reading the last tick of \(job)") { db in
            try Int64.fetchOne(db, sql: "SELECT last_tick FROM scheduler_ticks WHERE job = ?", arguments: [job])
                .map(StoredInstant.date)
        }
    }

    public func setLastTick(_ tick: Date, job: String) async throws {
        try await write("recording the last tick of \(job)") { db in
            try db.execute(sql: """
                INSERT INTO scheduler_ticks (job, last_tick) VALUES (?, ?)
                ON CONFLICT (job) DO UPDATE SET last_tick = MAX(last_tick, excluded.last_tick)
                """, arguments: [job, StoredInstant.milliseconds(tick)])
        }
    }

    // MARK: Alerts

    public func alertStates(check: String) async throws -> [AlertState] {
        try await read("reading the alert state of \(check)") { db in
            try Row.fetchAll(db, sql: """
                SELECT check_name, key, status, department, days_left, message, first_seen, last_seen, last_notified
                FROM alert_states WHERE check_name = ? ORDER BY key
                """, arguments: [check]).map { row in
                AlertState(check: row[0], key: row[1], status: try Self.checkStatus(row[2]), department: row[3],
                           daysLeft: row[4], message: row[5], firstSeen: StoredInstant.date(row[6]),
                           lastSeen: StoredInstant.date(row[7]), lastNotified: StoredInstant.date(row[8]))
            }
        }
    }

    public func updateAlertStates(check: String, upserts: [AlertState], removals: [String]) async throws {
        try await write("saving the alert state of \(check)") { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM alert_states WHERE check_name = ? AND key = ?")
            for key in removals {
                try delete.execute(arguments: [check, key])
            }
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO alert_states (check_name, key, status, department, days_left, message, first_seen,
                    last_seen, last_notified)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (check_name, key) DO UPDATE SET status = excluded.status,
                    department = excluded.department, days_left = excluded.days_left, message = excluded.message,
                    first_seen = excluded.first_seen, last_seen = excluded.last_seen,
                    last_notified = excluded.last_notified
                """)
            for state in upserts {
                try upsert.execute(arguments: [check, state.key, state.status.name, state.department, state.daysLeft,
                                               state.message, StoredInstant.milliseconds(state.firstSeen),
                                               StoredInstant.milliseconds(state.lastSeen),
                                               StoredInstant.milliseconds(state.lastNotified)])
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

    // MARK: Rows

    private static let runColumns = "id, job, scheduled_at, trigger, started_at, ended_at, status, check_status, "
        + "skip_reason, ticks, message"

    private static func run(_ row: Row) throws -> RunRecord {
        let id: String = row[0]
        guard let uuid = UUID(uuidString: id) else { throw corrupt("scheduler_runs.id", id) }
        let triggerText: String = row[3], statusText: String = row[6]
        guard let trigger = RunTrigger(rawValue: triggerText) else { throw corrupt("scheduler_runs.trigger", triggerText) }
        guard let status = RunStatus(rawValue: statusText) else { throw corrupt("scheduler_runs.status", statusText) }
        let skipText: String? = row[8]
        let skip = try skipText.map { text in
            guard let reason = SkipReason(rawValue: text) else { throw corrupt("scheduler_runs.skip_reason", text) }
            return reason
        }
        return RunRecord(id: uuid, job: row[1], scheduledAt: StoredInstant.date(row[2]), trigger: trigger,
                         startedAt: (row[4] as Int64?).map(StoredInstant.date),
                         endedAt: (row[5] as Int64?).map(StoredInstant.date), status: status,
                         checkStatus: try (row[7] as String?).map(checkStatus), skipReason: skip, ticks: row[9],
                         message: row[10])
    }

    private static func checkStatus(_ name: String) throws -> CheckStatus {
        guard let status = CheckStatus(name: name) else { throw corrupt("check status", name) }
        return status
    }

    private static func corrupt(_ column: String, _ value: String) -> StoreError {
        .database(operation: "reading scheduler state", reason: "\(column) holds '\(value)', which this hostrun does not know")
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
