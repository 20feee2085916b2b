import Foundation
import GRDB
import Scheduling

/// The statements, parameters and row readings both database stores keep the scheduler's
/// memory with (``SQLiteSchedulerStateStore`` and the PostgreSQL store's), written once:
/// each store only runs them on its own connection and queue.
///
/// Parameters and rows travel as GRDB's `DatabaseValue`, the store's common currency
/// (instants as INTEGER milliseconds, statuses as their raw text).
package enum SchedulerStateSQL {
    // MARK: Runs

    /// Parameters: ``runValues(_:)``. Inserts a run or replaces the one with its id.
    package static func saveRun(_ dialect: SQLDialect) -> String {
        """
        INSERT INTO scheduler_runs (\(runColumns))
        VALUES (\((1...11).map(dialect.parameter).joined(separator: ", ")))
        ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, ended_at = excluded.ended_at,
            status = excluded.status, check_status = excluded.check_status,
            skip_reason = excluded.skip_reason, ticks = excluded.ticks, message = excluded.message
        """
    }

    /// The parameters of ``saveRun(_:)``.
    package static func runValues(_ run: RunRecord) -> [DatabaseValue] {
        [run.id.uuidString.databaseValue, run.job.databaseValue,
         StoredInstant.milliseconds(run.scheduledAt).databaseValue, run.trigger.rawValue.databaseValue,
         run.startedAt.map(StoredInstant.milliseconds).databaseValue,
         run.endedAt.map(StoredInstant.milliseconds).databaseValue, run.status.rawValue.databaseValue,
         run.checkStatus?.name.databaseValue ?? .null, run.skipReason?.rawValue.databaseValue ?? .null,
         run.ticks.databaseValue, run.message.databaseValue]
    }

    /// Parameter: the cutoff (ms). Deletes the finished runs scheduled before it.
    package static func pruneRuns(_ dialect: SQLDialect) -> String {
        "DELETE FROM scheduler_runs WHERE scheduled_at < \(dialect.parameter(1)) AND status <> 'running'"
    }

    /// The cutoff of ``pruneRuns(_:)`` when `run` is saved: runs scheduled `retention` before it.
    package static func pruneCutoff(_ run: RunRecord, retention: TimeInterval) -> DatabaseValue {
        StoredInstant.milliseconds(run.scheduledAt.addingTimeInterval(-retention)).databaseValue
    }

    /// Parameters: ``pruneClaimsValues(_:retention:)``. Deletes the run's job's claims on slots
    /// scheduled before the cutoff, which no scheduler asks for again: without it `run_claims`
    /// would gain a row per scheduled time for ever. Slots are UTC ISO 8601 of one width
    /// (``RunClaim/slot(_:)``), so text order is time order and the primary key finds them.
    package static func pruneClaims(_ dialect: SQLDialect) -> String {
        "DELETE FROM run_claims WHERE job = \(dialect.parameter(1)) AND slot < \(dialect.parameter(2))"
    }

    /// The parameters of ``pruneClaims(_:)`` when `run` is saved.
    package static func pruneClaimsValues(_ run: RunRecord, retention: TimeInterval) -> [DatabaseValue] {
        [run.job.databaseValue, RunClaim.slot(run.scheduledAt.addingTimeInterval(-retention)).databaseValue]
    }

    /// Parameters: job, limit. Newest scheduled time first; rows as ``run(_:)`` reads them.
    package static func runs(_ dialect: SQLDialect) -> String {
        "SELECT \(runColumns) FROM scheduler_runs WHERE job = \(dialect.parameter(1)) "
            + "ORDER BY scheduled_at DESC, COALESCE(started_at, 0) DESC LIMIT \(dialect.parameter(2))"
    }

    /// Every run still `running`; rows as ``run(_:)`` reads them.
    package static let unfinishedRuns =
        "SELECT \(runColumns) FROM scheduler_runs WHERE status = 'running' ORDER BY scheduled_at"

    /// The columns of a run, in the order of ``runValues(_:)`` and ``run(_:)``.
    static let runColumns = "id, job, scheduled_at, trigger, started_at, ended_at, status, check_status, "
        + "skip_reason, ticks, message"

    /// A row of ``runColumns``.
    package static func run(_ row: [DatabaseValue]) throws -> RunRecord {
        let id: String = try row[0].stored("scheduler_runs.id")
        guard let uuid = UUID(uuidString: id) else { throw corrupt("scheduler_runs.id", id) }
        let triggerText: String = try row[3].stored("scheduler_runs.trigger")
        guard let trigger = RunTrigger(rawValue: triggerText) else { throw corrupt("scheduler_runs.trigger", triggerText) }
        let statusText: String = try row[6].stored("scheduler_runs.status")
        guard let status = RunStatus(rawValue: statusText) else { throw corrupt("scheduler_runs.status", statusText) }
        let skip = try String.fromDatabaseValue(row[8]).map { text in
            guard let reason = SkipReason(rawValue: text) else { throw corrupt("scheduler_runs.skip_reason", text) }
            return reason
        }
        return RunRecord(id: uuid, job: try row[1].stored("scheduler_runs.job"),
                         scheduledAt: StoredInstant.date(try row[2].stored("scheduler_runs.scheduled_at")),
                         trigger: trigger, startedAt: Int64.fromDatabaseValue(row[4]).map(StoredInstant.date),
                         endedAt: Int64.fromDatabaseValue(row[5]).map(StoredInstant.date), status: status,
                         checkStatus: try String.fromDatabaseValue(row[7]).map(checkStatus), skipReason: skip,
                         ticks: try row[9].stored("scheduler_runs.ticks"),
                         message: String.fromDatabaseValue(row[10]))
    }

    // MARK: Ticks

    /// Parameter: job. One row, the last tick (ms), or none.
    package static func lastTick(_ dialect: SQLDialect) -> String {
        "SELECT last_tick FROM scheduler_ticks WHERE job = \(dialect.parameter(1))"
    }

    /// Parameters: job, tick (ms). Keeps the later of the stored and the given tick.
    package static func setLastTick(_ dialect: SQLDialect) -> String {
        """
        INSERT INTO scheduler_ticks (job, last_tick) VALUES (\(dialect.parameter(1)), \(dialect.parameter(2)))
        ON CONFLICT (job) DO UPDATE SET last_tick = \(dialect.greatest("scheduler_ticks.last_tick", "excluded.last_tick"))
        """
    }

    // MARK: Alerts

    /// Parameter: check. Its open findings by key; rows as ``alertState(_:)`` reads them.
    package static func alertStates(_ dialect: SQLDialect) -> String {
        "SELECT \(alertColumns) FROM alert_states WHERE check_name = \(dialect.parameter(1)) ORDER BY key"
    }

    /// Parameters: check, key.
    package static func deleteAlertState(_ dialect: SQLDialect) -> String {
        "DELETE FROM alert_states WHERE check_name = \(dialect.parameter(1)) AND key = \(dialect.parameter(2))"
    }

    /// Parameters: ``alertValues(_:check:)``.
    package static func upsertAlertState(_ dialect: SQLDialect) -> String {
        """
        INSERT INTO alert_states (\(alertColumns))
        VALUES (\((1...9).map(dialect.parameter).joined(separator: ", ")))
        ON CONFLICT (check_name, key) DO UPDATE SET status = excluded.status,
            department = excluded.department, days_left = excluded.days_left, message = excluded.message,
            first_seen = excluded.first_seen, last_seen = excluded.last_seen,
            last_notified = excluded.last_notified
        """
    }

    /// The parameters of ``upsertAlertState(_:)``.
    package static func alertValues(_ state: AlertState, check: String) -> [DatabaseValue] {
        [check.databaseValue, state.key.databaseValue, state.status.name.databaseValue,
         state.department.databaseValue, state.daysLeft.databaseValue, state.message.databaseValue,
         StoredInstant.milliseconds(state.firstSeen).databaseValue,
         StoredInstant.milliseconds(state.lastSeen).databaseValue,
         StoredInstant.milliseconds(state.lastNotified).databaseValue]
    }

    static let alertColumns = "check_name, key, status, department, days_left, message, first_seen, last_seen, "
        + "last_notified"

    /// A row of the alert columns.
    package static func alertState(_ row: [DatabaseValue]) throws -> AlertState {
        AlertState(check: try row[0].stored("alert_states.check_name"), key: try row[1].stored("alert_states.key"),
                   status: try checkStatus(try row[2].stored("alert_states.status")),
                   department: String.fromDatabaseValue(row[3]), daysLeft: Int.fromDatabaseValue(row[4]),
                   message: try row[5].stored("alert_states.message"),
                   firstSeen: StoredInstant.date(try row[6].stored("alert_states.first_seen")),
                   lastSeen: StoredInstant.date(try row[7].stored("alert_states.last_seen")),
                   lastNotified: StoredInstant.date(try row[8].stored("alert_states.last_notified")))
    }

    // MARK: Reading

    private static func checkStatus(_ name: String) throws -> CheckStatus {
        guard let status = CheckStatus(name: name) else { throw corrupt("check status", name) }
        return status
    }

    private static func corrupt(_ column: String, _ value: String) -> StoreError {
        .database(operation: "reading scheduler state", reason: "\(column) holds '\(value)', which this hostrun does not know")
    }
}
