import PostgresNIO
import Store

/// The PostgreSQL schema, as versioned migrations recorded in `schema_migrations`. A released
/// migration is never edited: a change is a new entry appended to ``migrations``.
///
/// The columns mirror the SQLite store's, so both backends hold the same values: instants are
/// BIGINT milliseconds since 1970 (UTC) with a `*_day` INTEGER column for the centre's local
/// day (days since 1970-01-01), so that classifying a period is integer comparison. Flags are
/// BOOLEAN. Keys and breakdown columns use the "C" collation, so that they sort in byte order
/// as in SQLite whatever the database's locale. Constraint names are sentences, because the server puts them in its messages and
/// the store passes them on.
enum PostgresSchema {
    struct Migration {
        /// Increasing from 1; what `schema_migrations` records.
        let version: Int
        let name: String
        let statements: [String]
    }

    static let statuses = "'received','processing','supplement_requested','awaiting_payment',"
        + "'resolved','returned','refused','withdrawn'"

    static let migrations: [Migration] = [
        Migration(version: 1, name: "dossiers, centres and claims", statements: v1),
        Migration(version: 2, name: "scheduler state, claim leases and import snapshots", statements: v2),
    ]

    static let createMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """

    /// Serialises `hostrun db migrate` runs on one database.
    static let migrationLockKey: Int64 = 0x686F_7374_7275_6E01  // "hostrun" + 1

    private static let v1 = [
        "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """
        CREATE TABLE imports (
            id               BIGSERIAL PRIMARY KEY,
            batch_id         TEXT NOT NULL UNIQUE,
            connector        TEXT NOT NULL,
            started_at       BIGINT NOT NULL,
            finished_at      BIGINT,
            inserted         INTEGER NOT NULL DEFAULT 0,
            updated          INTEGER NOT NULL DEFAULT 0,
            unchanged        INTEGER NOT NULL DEFAULT 0,
            rejected         INTEGER NOT NULL DEFAULT 0,
            history_appended INTEGER NOT NULL DEFAULT 0
        )
        """,
        "CREATE TABLE sources (name TEXT COLLATE \"C\" PRIMARY KEY, priority INTEGER)",
        """
        CREATE TABLE procedures (
            code          TEXT COLLATE "C" PRIMARY KEY,
            name          TEXT NOT NULL,
            field         TEXT NOT NULL,
            limit_kind    TEXT,
            limit_value   INTEGER,
            cutoff_minute INTEGER
        )
        """,
        """
        CREATE TABLE dossiers (
            id                    BIGSERIAL PRIMARY KEY,
            source                TEXT COLLATE "C" NOT NULL
                CONSTRAINT "source must not be empty" CHECK (source <> ''),
            code                  TEXT COLLATE "C" NOT NULL
                CONSTRAINT "code must not be empty" CHECK (code <> ''),
            -- true for the one record of its link group (same code) that figures count.
            is_primary            BOOLEAN NOT NULL,
            procedure_code        TEXT COLLATE "C" NOT NULL REFERENCES procedures(code)
                CONSTRAINT "procedure_code must not be empty" CHECK (procedure_code <> ''),
            procedure_name        TEXT NOT NULL,
            field                 TEXT COLLATE "C" NOT NULL,
            limit_kind            TEXT
                CONSTRAINT "limit_kind must be working_days or working_hours"
                CHECK (limit_kind IN ('working_days', 'working_hours')),
            limit_value           INTEGER
                CONSTRAINT "the time limit must be a number of days or hours, not negative"
                CHECK ((limit_kind IS NULL) = (limit_value IS NULL) AND limit_value >= 0),
            cutoff_minute         INTEGER
                CONSTRAINT "the afternoon cut-off must be a time of day"
                CHECK (cutoff_minute BETWEEN 0 AND 1439),
            department            TEXT COLLATE "C" NOT NULL,
            applicant_name        TEXT,
            applicant_name_folded TEXT,
            applicant_id          TEXT,
            applicant_phone       TEXT,
            applicant_address     TEXT,
            channel               TEXT COLLATE "C" NOT NULL
                CONSTRAINT "channel must be online, in_person or postal"
                CHECK (channel IN ('online', 'in_person', 'postal')),
            fully_online          BOOLEAN NOT NULL,
            received_at           BIGINT NOT NULL,
            received_day          INTEGER NOT NULL,
            due_at                BIGINT,
            due_day               INTEGER,
            apology_due_at        BIGINT,
            status                TEXT NOT NULL
                CONSTRAINT "status must be a known dossier status" CHECK (status IN (\(statuses))),
            finished_at           BIGINT
                CONSTRAINT "finished_at must not be before received_at" CHECK (finished_at >= received_at),
            finished_day          INTEGER,
            digitised             BOOLEAN NOT NULL,
            data_reused           BOOLEAN NOT NULL,
            fee_payable           BOOLEAN NOT NULL,
            paid_online           BOOLEAN NOT NULL,
            -- The receiving unit; '' when none is named.
            centre                TEXT COLLATE "C" NOT NULL DEFAULT '',
            created_import        BIGINT NOT NULL REFERENCES imports(id),
            updated_import        BIGINT NOT NULL REFERENCES imports(id),
            UNIQUE (code, source)
        )
        """,
        // At most one primary per link group, whatever writers race: the loser of a race gets a
        // unique violation on this index and its batch is run again (see PostgreSQLStore).
        "CREATE UNIQUE INDEX dossiers_one_primary ON dossiers(code) WHERE is_primary",
        "CREATE INDEX dossiers_source ON dossiers(source, code)",
        "CREATE INDEX dossiers_received ON dossiers(received_day)",
        "CREATE INDEX dossiers_finished ON dossiers(finished_day)",
        "CREATE INDEX dossiers_open_due ON dossiers(due_day) WHERE finished_at IS NULL",
        // A centre's figures read only its own dossiers received before the period's end.
        "CREATE INDEX dossiers_centre_received ON dossiers(centre, received_at) WHERE is_primary",
        """
        CREATE TABLE status_history (
            id         BIGSERIAL PRIMARY KEY,
            dossier_id BIGINT NOT NULL REFERENCES dossiers(id),
            status     TEXT NOT NULL
                CONSTRAINT "history status must be a known dossier status" CHECK (status IN (\(statuses))),
            at         BIGINT NOT NULL,
            actor      TEXT,
            source     TEXT,
            note       TEXT,
            import_id  BIGINT NOT NULL REFERENCES imports(id)
        )
        """,
        "CREATE INDEX status_history_dossier ON status_history(dossier_id, at)",
        """
        CREATE TABLE feedback (
            id             BIGSERIAL PRIMARY KEY,
            source         TEXT COLLATE "C" NOT NULL
                CONSTRAINT "source must not be empty" CHECK (source <> ''),
            code           TEXT COLLATE "C" NOT NULL
                CONSTRAINT "code must not be empty" CHECK (code <> ''),
            subject        TEXT NOT NULL,
            received_at    BIGINT NOT NULL,
            received_day   INTEGER NOT NULL,
            due_at         BIGINT,
            due_day        INTEGER,
            status         TEXT NOT NULL
                CONSTRAINT "feedback status must be a known feedback status"
                CHECK (status IN ('received', 'processing', 'handled', 'rejected')),
            handled_at     BIGINT
                CONSTRAINT "handled_at must not be before received_at" CHECK (handled_at >= received_at),
            handled_day    INTEGER,
            created_import BIGINT NOT NULL REFERENCES imports(id),
            updated_import BIGINT NOT NULL REFERENCES imports(id),
            UNIQUE (source, code)
        )
        """,
        "CREATE INDEX feedback_received ON feedback(received_day)",
        """
        CREATE TABLE audit (
            id          BIGSERIAL PRIMARY KEY,
            import_id   BIGINT NOT NULL REFERENCES imports(id),
            dossier_id  BIGINT REFERENCES dossiers(id),
            feedback_id BIGINT REFERENCES feedback(id),
            field       TEXT NOT NULL,
            old_value   TEXT,
            new_value   TEXT,
            CHECK ((dossier_id IS NULL) <> (feedback_id IS NULL))
        )
        """,
        "CREATE INDEX audit_dossier ON audit(dossier_id) WHERE dossier_id IS NOT NULL",
        "CREATE INDEX audit_feedback ON audit(feedback_id) WHERE feedback_id IS NOT NULL",
        """
        CREATE FUNCTION hostrun_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only: entries cannot be changed or removed', TG_TABLE_NAME;
        END
        $$
        """,
        """
        CREATE TRIGGER status_history_append_only BEFORE UPDATE OR DELETE ON status_history
            FOR EACH ROW EXECUTE FUNCTION hostrun_append_only()
        """,
        """
        CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
            FOR EACH ROW EXECUTE FUNCTION hostrun_append_only()
        """,
        // One row per (job, slot): whoever inserts it first runs the job for that slot.
        """
        CREATE TABLE run_claims (
            job        TEXT NOT NULL,
            slot       TEXT NOT NULL,
            owner      TEXT NOT NULL,
            claimed_at BIGINT NOT NULL,
            PRIMARY KEY (job, slot)
        )
        """,
    ]

    /// What `hostrun schedule` and `hostrun reconcile` keep, as in SQLite's `v2-scheduler`,
    /// `v3-source-snapshots` and `v5-claim-leases`.
    private static let v2 = [
        "ALTER TABLE run_claims ADD COLUMN expires_at BIGINT",
        """
        CREATE TABLE scheduler_runs (
            id           TEXT PRIMARY KEY,
            job          TEXT NOT NULL,
            scheduled_at BIGINT NOT NULL,
            trigger      TEXT NOT NULL
                CONSTRAINT "trigger must be scheduled or catch_up" CHECK (trigger IN ('scheduled', 'catch_up')),
            started_at   BIGINT,
            ended_at     BIGINT,
            status       TEXT NOT NULL
                CONSTRAINT "status must be a run status"
                CHECK (status IN ('running', 'succeeded', 'failed', 'timed_out', 'cancelled', 'interrupted', 'skipped')),
            check_status TEXT
                CONSTRAINT "check_status must be ok, warning, critical or unknown"
                CHECK (check_status IN ('ok', 'warning', 'critical', 'unknown')),
            skip_reason  TEXT,
            ticks        INTEGER NOT NULL CHECK (ticks >= 1),
            message      TEXT
        )
        """,
        "CREATE INDEX scheduler_runs_job ON scheduler_runs(job, scheduled_at)",
        "CREATE INDEX scheduler_runs_age ON scheduler_runs(scheduled_at)",
        "CREATE INDEX scheduler_runs_running ON scheduler_runs(status) WHERE status = 'running'",
        "CREATE TABLE scheduler_ticks (job TEXT PRIMARY KEY, last_tick BIGINT NOT NULL)",
        """
        CREATE TABLE alert_states (
            check_name    TEXT NOT NULL,
            key           TEXT COLLATE "C" NOT NULL,
            status        TEXT NOT NULL
                CONSTRAINT "alert status must be ok, warning, critical or unknown"
                CHECK (status IN ('ok', 'warning', 'critical', 'unknown')),
            department    TEXT,
            days_left     INTEGER,
            message       TEXT NOT NULL,
            first_seen    BIGINT NOT NULL,
            last_seen     BIGINT NOT NULL,
            last_notified BIGINT NOT NULL,
            PRIMARY KEY (check_name, key)
        )
        """,
        """
        CREATE TABLE source_snapshots (
            source             TEXT COLLATE "C" NOT NULL,
            import_id          BIGINT NOT NULL REFERENCES imports(id),
            listed             INTEGER NOT NULL,
            first_received_day INTEGER,
            last_received_day  INTEGER,
            PRIMARY KEY (source, import_id)
        )
        """,
        """
        CREATE TABLE dossier_sightings (
            dossier_id BIGINT PRIMARY KEY REFERENCES dossiers(id),
            import_id  BIGINT NOT NULL REFERENCES imports(id)
        )
        """,
    ]

    /// The versions applied to the database, or `[]` when it has no `schema_migrations` yet.
    static func applied(_ connection: PostgresConnection, logger: Logger) throws -> [Int: String] {
        let exists = try connection.run("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
        guard try exists.rows.first?.decode(Bool.self) == true else { return [:] }
        var applied: [Int: String] = [:]
        for row in try connection.run("SELECT version, name FROM schema_migrations", logger: logger).rows {
            let (version, name) = try row.decode((Int, String).self)
            applied[version] = name
        }
        return applied
    }

    /// Throws unless the database has exactly this binary's migrations.
    static func check(_ connection: PostgresConnection, location: String, logger: Logger) throws {
        let applied = try applied(connection, logger: logger)
        try refuseNewer(applied, location: location)
        let missing = migrations.filter { applied[$0.version] == nil }
        guard missing.isEmpty else {
            throw PostgresStoreError.schemaOlderThanBinary(location: location,
                                                           missingMigrations: missing.map { "\($0.version) (\($0.name))" })
        }
    }

    /// Throws when the database has migrations this binary does not know (a newer hostrun's).
    private static func refuseNewer(_ applied: [Int: String], location: String) throws {
        let known = Set(migrations.map(\.version))
        let unknown = applied.keys.filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw StoreError.schemaNewerThanBinary(location: location,
                                                   unknownMigrations: unknown.map { "\($0) (\(applied[$0]!))" })
        }
    }

    /// Applies the missing migrations, each in its own transaction, under an advisory lock so
    /// that two `hostrun db migrate` at once apply each migration once. Returns their names.
    static func migrate(_ connection: PostgresConnection, location: String, logger: Logger) throws -> [String] {
        try connection.run("SELECT pg_advisory_lock(\(migrationLockKey))", logger: logger)
        defer { _ = try? connection.run("SELECT pg_advisory_unlock(\(migrationLockKey))", logger: logger) }
        try connection.run(createMigrationsTable, logger: logger)
        let applied = try applied(connection, logger: logger)
        try refuseNewer(applied, location: location)
        var done: [String] = []
        for migration in migrations where applied[migration.version] == nil {
            try connection.run("BEGIN", logger: logger)
            do {
                for statement in migration.statements { try connection.run(statement, logger: logger) }
                var binds = PostgresBindings()
                binds.append(migration.version)
                binds.append(migration.name)
                try connection.run("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", binds,
                                   logger: logger)
                try connection.run("COMMIT", logger: logger)
            } catch {
                _ = try? connection.run("ROLLBACK", logger: logger)
                throw error
            }
            done.append("\(migration.version) (\(migration.name))")
        }
        return done
    }
}
