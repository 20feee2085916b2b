import GRDB

extension SQLiteSchema {
    /// Many centres in one store, and claimed runs: every dossier belongs to a receiving unit
    /// (`''` when none is named), and `run_claims` lets a scheduled run be claimed once however
    /// many processes try.
    static func addCentresAndClaims(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE dossiers ADD COLUMN centre TEXT NOT NULL DEFAULT '';
            CREATE INDEX dossiers_centre_received ON dossiers(centre, received_day);

            -- One row per (job, slot): whoever inserts it first runs the job for that slot.
            CREATE TABLE run_claims (
                job        TEXT NOT NULL,
                slot       TEXT NOT NULL,
                owner      TEXT NOT NULL,
                claimed_at INTEGER NOT NULL,
                PRIMARY KEY (job, slot)
            ) WITHOUT ROWID;
            """)
    }
}
