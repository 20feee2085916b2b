import GRDB

extension SQLiteSchema {
    /// Migration `v3-source-snapshots`: what each connector import listed, per source, so that
    /// `hostrun reconcile` can tell which dossiers vanished from a source (see
    /// ``ConnectorImportStore``). One row per dossier, not per import and dossier: a source's
    /// latest listing is all reconciliation compares against.
    static func createSnapshots(_ db: Database) throws {
        try db.execute(sql: """
            -- One row per source of a connector import: how many of its dossiers the import
            -- listed, and the span of receipt days (local days since 1970) its records cover.
            CREATE TABLE source_snapshots (
                source             TEXT NOT NULL,
                import_id          INTEGER NOT NULL REFERENCES imports(id),
                listed             INTEGER NOT NULL,
                first_received_day INTEGER,
                last_received_day  INTEGER,
                PRIMARY KEY (source, import_id)
            ) WITHOUT ROWID;

            -- The last connector import of its source that listed each dossier.
            CREATE TABLE dossier_sightings (
                dossier_id INTEGER PRIMARY KEY REFERENCES dossiers(id),
                import_id  INTEGER NOT NULL REFERENCES imports(id)
            );
            """)
    }
}
