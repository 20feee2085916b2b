import Domain
import GRDB

/// The SQLite schema, as versioned migrations. A released migration is never edited: a change
/// is a new migration appended to ``migrator``.
///
/// Instants are INTEGER milliseconds since 1970 (UTC). Each instant the figures compare also has
/// a `*_day` column: the centre's local calendar day as days since 1970-01-01, so that period
/// classification is integer comparison in SQL. Booleans are INTEGER 0/1. Constraint names are
/// sentences, because SQLite puts them in its error message and the store passes that on.
///
/// Enumerations are checked with `=`…`OR` chains, not `IN (…)`: SQLite builds a temporary index
/// for an `IN` list of more than two values on every execution of an INSERT, which made each
/// inserted row several microseconds slower.
enum SQLiteSchema {
    /// `column = 'a' OR column = 'b' …`: true when the column holds one of the values.
    static func oneOf(_ column: String, _ values: [String]) -> String {
        values.map { "\(column) = '\($0)'" }.joined(separator: " OR ")
    }

    static let dossierStatuses = DossierStatus.allCases.map(\.rawValue)

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-dossiers", migrate: createV1)
        migrator.registerMigration("v2-scheduler", migrate: createSchedulerState)
        migrator.registerMigration("v3-source-snapshots", migrate: createSnapshots)
        migrator.registerMigration("v4-centres-and-claims", migrate: addCentresAndClaims)
        migrator.registerMigration("v5-claim-leases", migrate: addClaimLeases)
        return migrator
    }

    private static func createV1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE store_meta (
                key   TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            ) WITHOUT ROWID;

            -- Every batch that changed the store: a connector's import or a script's edits.
            CREATE TABLE imports (
                id               INTEGER PRIMARY KEY,
                batch_id         TEXT NOT NULL UNIQUE,
                connector        TEXT NOT NULL,
                started_at       INTEGER NOT NULL,
                finished_at      INTEGER,
                inserted         INTEGER NOT NULL DEFAULT 0,
                updated          INTEGER NOT NULL DEFAULT 0,
                unchanged        INTEGER NOT NULL DEFAULT 0,
                rejected         INTEGER NOT NULL DEFAULT 0,
                history_appended INTEGER NOT NULL DEFAULT 0
            );

            -- Source systems; priority ranks them for choosing a link group's primary.
            CREATE TABLE sources (
                name     TEXT PRIMARY KEY NOT NULL,
                priority INTEGER
            ) WITHOUT ROWID;

            -- The procedure catalogue as last reported by any source.
            CREATE TABLE procedures (
                code          TEXT PRIMARY KEY NOT NULL,
                name          TEXT NOT NULL,
                field         TEXT NOT NULL,
                limit_kind    TEXT,
                limit_value   INTEGER,
                cutoff_minute INTEGER
            );

            CREATE TABLE dossiers (
                id                    INTEGER PRIMARY KEY,
                source                TEXT NOT NULL
                    CONSTRAINT "source must not be empty" CHECK (source <> ''),
                code                  TEXT NOT NULL
                    CONSTRAINT "code must not be empty" CHECK (code <> ''),
                -- 1 for the one record of its link group (same code) that figures count.
                is_primary            INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
                procedure_code        TEXT NOT NULL REFERENCES procedures(code)
                    CONSTRAINT "procedure_code must not be empty" CHECK (procedure_code <> ''),
                procedure_name        TEXT NOT NULL,
                field                 TEXT NOT NULL,
                limit_kind            TEXT
                    CONSTRAINT "limit_kind must be working_days or working_hours"
                    CHECK (\(oneOf("limit_kind", ["working_days", "working_hours"]))),
                limit_value           INTEGER
                    CONSTRAINT "the time limit must be a number of days or hours, not negative"
                    CHECK ((limit_kind IS NULL) = (limit_value IS NULL) AND limit_value >= 0),
                cutoff_minute         INTEGER
                    CONSTRAINT "the afternoon cut-off must be a time of day"
                    CHECK (cutoff_minute BETWEEN 0 AND 1439),
                department            TEXT NOT NULL,
                applicant_name        TEXT,
                -- VietnameseText.fold(applicant_name): search without diacritics or case.
                applicant_name_folded TEXT,
                applicant_id          TEXT,
                applicant_phone       TEXT,
                applicant_address     TEXT,
                channel               TEXT NOT NULL
                    CONSTRAINT "channel must be online, in_person or postal"
                    CHECK (\(oneOf("channel", Channel.allCases.map(\.rawValue)))),
                fully_online          INTEGER NOT NULL CHECK (fully_online IN (0, 1)),
                received_at           INTEGER NOT NULL,
                received_day          INTEGER NOT NULL,
                due_at                INTEGER,
                due_day               INTEGER,
                apology_due_at        INTEGER,
                status                TEXT NOT NULL
                    CONSTRAINT "status must be a known dossier status"
                    CHECK (\(oneOf("status", dossierStatuses))),
                finished_at           INTEGER
                    CONSTRAINT "finished_at must not be before received_at"
                    CHECK (finished_at >= received_at),
                finished_day          INTEGER,
                digitised             INTEGER NOT NULL CHECK (digitised IN (0, 1)),
                data_reused           INTEGER NOT NULL CHECK (data_reused IN (0, 1)),
                fee_payable           INTEGER NOT NULL CHECK (fee_payable IN (0, 1)),
                paid_online           INTEGER NOT NULL CHECK (paid_online IN (0, 1)),
                created_import        INTEGER NOT NULL REFERENCES imports(id),
                updated_import        INTEGER NOT NULL REFERENCES imports(id),
                UNIQUE (code, source)
            );
            CREATE INDEX dossiers_source ON dossiers(source, code);
            CREATE INDEX dossiers_received ON dossiers(received_day);
            CREATE INDEX dossiers_finished ON dossiers(finished_day);
            CREATE INDEX dossiers_open_due ON dossiers(due_day) WHERE finished_at IS NULL;

            -- Append-only: the triggers below reject any UPDATE or DELETE.
            CREATE TABLE status_history (
                id         INTEGER PRIMARY KEY,
                dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
                status     TEXT NOT NULL
                    CONSTRAINT "history status must be a known dossier status"
                    CHECK (\(oneOf("status", dossierStatuses))),
                at         INTEGER NOT NULL,
                actor      TEXT,
                source     TEXT,
                note       TEXT,
                import_id  INTEGER NOT NULL REFERENCES imports(id)
            );
            CREATE INDEX status_history_dossier ON status_history(dossier_id, at);

            CREATE TABLE feedback (
                id             INTEGER PRIMARY KEY,
                source         TEXT NOT NULL
                    CONSTRAINT "source must not be empty" CHECK (source <> ''),
                code           TEXT NOT NULL
                    CONSTRAINT "code must not be empty" CHECK (code <> ''),
                subject        TEXT NOT NULL,
                received_at    INTEGER NOT NULL,
                received_day   INTEGER NOT NULL,
                due_at         INTEGER,
                due_day        INTEGER,
                status         TEXT NOT NULL
                    CONSTRAINT "feedback status must be received, processing, handled or rejected"
                    CHECK (\(oneOf("status", FeedbackStatus.allCases.map(\.rawValue)))),
                handled_at     INTEGER
                    CONSTRAINT "handled_at must not be before received_at"
                    CHECK (handled_at >= received_at),
                handled_day    INTEGER,
                created_import INTEGER NOT NULL REFERENCES imports(id),
                updated_import INTEGER NOT NULL REFERENCES imports(id),
                UNIQUE (source, code)
            );
            CREATE INDEX feedback_received ON feedback(received_day);

            -- Which batch changed which field of which record, from what to what. Append-only.
            CREATE TABLE audit (
                id          INTEGER PRIMARY KEY,
                import_id   INTEGER NOT NULL REFERENCES imports(id),
                dossier_id  INTEGER REFERENCES dossiers(id),
                feedback_id INTEGER REFERENCES feedback(id),
                field       TEXT NOT NULL,
                old_value   TEXT,
                new_value   TEXT,
                CHECK ((dossier_id IS NULL) <> (feedback_id IS NULL))
            );
            CREATE INDEX audit_dossier ON audit(dossier_id) WHERE dossier_id IS NOT NULL;
            CREATE INDEX audit_feedback ON audit(feedback_id) WHERE feedback_id IS NOT NULL;
            """)
        for table in ["status_history", "audit"] {
            for operation in ["UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_append_only_\(operation.lowercased())
                    BEFORE \(operation) ON \(table)
                    BEGIN
                        SELECT RAISE(ABORT, '\(table) is append-only: \
                    entries cannot be changed or removed');
                    END
                    """)
            }
        }
    }
}
