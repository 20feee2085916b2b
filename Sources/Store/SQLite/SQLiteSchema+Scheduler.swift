import GRDB

extension SQLiteSchema {
    /// What `hostrun schedule` must remember across restarts (see
    /// ``SQLiteSchedulerStateStore``): run history, the last scheduled time handled per job,
    /// and the open alert findings per check and item.
    static func createSchedulerState(_ db: Database) throws {
        try db.execute(sql: """
            -- One row per run, skipped stretch or interrupted run of a scheduled job.
            CREATE TABLE scheduler_runs (
                id           TEXT PRIMARY KEY NOT NULL,
                job          TEXT NOT NULL,
                scheduled_at INTEGER NOT NULL,
                trigger      TEXT NOT NULL
                    CONSTRAINT "trigger must be scheduled or catch_up"
                    CHECK (trigger = 'scheduled' OR trigger = 'catch_up'),
                started_at   INTEGER,
                ended_at     INTEGER,
                status       TEXT NOT NULL
                    CONSTRAINT "status must be a run status"
                    CHECK (status IN ('running', 'succeeded', 'failed', 'timed_out', 'cancelled',
                                      'interrupted', 'skipped')),
                check_status TEXT
                    CONSTRAINT "check_status must be ok, warning, critical or unknown"
                    CHECK (check_status IN ('ok', 'warning', 'critical', 'unknown')),
                skip_reason  TEXT,
                ticks        INTEGER NOT NULL CHECK (ticks >= 1),
                message      TEXT
            ) WITHOUT ROWID;
            CREATE INDEX scheduler_runs_job ON scheduler_runs(job, scheduled_at);
            CREATE INDEX scheduler_runs_age ON scheduler_runs(scheduled_at);
            CREATE INDEX scheduler_runs_running ON scheduler_runs(status) WHERE status = 'running';

            -- The latest scheduled time the scheduler handled for each job.
            CREATE TABLE scheduler_ticks (
                job       TEXT PRIMARY KEY NOT NULL,
                last_tick INTEGER NOT NULL
            ) WITHOUT ROWID;

            -- Open findings: what was last said about each (check, item).
            CREATE TABLE alert_states (
                check_name    TEXT NOT NULL,
                key           TEXT NOT NULL,
                status        TEXT NOT NULL
                    CONSTRAINT "alert status must be ok, warning, critical or unknown"
                    CHECK (status IN ('ok', 'warning', 'critical', 'unknown')),
                department    TEXT,
                days_left     INTEGER,
                message       TEXT NOT NULL,
                first_seen    INTEGER NOT NULL,
                last_seen     INTEGER NOT NULL,
                last_notified INTEGER NOT NULL,
                PRIMARY KEY (check_name, key)
            ) WITHOUT ROWID;
            """)
    }
}
