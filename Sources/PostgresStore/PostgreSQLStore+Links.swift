import Domain
import PostgresNIO
import Store

extension PostgreSQLStore {
    public func linkGroup(code: String) throws -> [DossierKey] {
        try read("reading the link group of \(code)") { connection in
            var binds = PostgresBindings()
            binds.append(code)
            return try connection.run("""
                SELECT source FROM dossiers WHERE code = $1 ORDER BY is_primary DESC, source
                """, binds, logger: logger).rows.map { DossierKey(source: try $0.decode(String.self), code: code) }
        }
    }

    public func sourcePriority() throws -> [(source: String, priority: Int?)] {
        try read("reading source priorities") { connection in
            try connection.run("""
                SELECT name, priority FROM sources ORDER BY priority IS NULL, priority, name
                """, logger: logger).rows.map { row in
                let (name, priority) = try row.decode((String, Int?).self)
                return (source: name, priority: priority)
            }
        }
    }

    /// Relinks under an exclusive lock on `sources`, so no import reads the ranks half-changed.
    @discardableResult
    public func setSourcePriority(_ sources: [String], as request: ImportRequest) throws -> ImportSummary {
        try batch(request) { connection, importID, summary in
            try connection.run("LOCK TABLE sources IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            try connection.run("UPDATE sources SET priority = NULL WHERE priority IS NOT NULL", logger: logger)
            var binds = PostgresBindings()
            binds.append(sources)
            try connection.run("""
                INSERT INTO sources (name, priority)
                SELECT name, rank - 1 FROM unnest($1::text[]) WITH ORDINALITY AS s(name, rank)
                ON CONFLICT (name) DO UPDATE SET priority = EXCLUDED.priority
                """, binds, logger: logger)
            // Every record of a group with more than one whose primary flag must flip; the
            // losers are cleared before the winners are set, so that `dossiers_one_primary`
            // never sees two primaries of one group.
            try connection.run("CREATE TEMPORARY TABLE relink ON COMMIT DROP AS " + LinkRule.flips, logger: logger)
            for flag in ["false", "true"] {
                try connection.run("""
                    UPDATE dossiers d SET is_primary = r.is_primary FROM relink r
                    WHERE d.id = r.id AND r.is_primary = \(flag)
                    """, logger: logger)
            }
            var audit = PostgresBindings()
            audit.append(importID)
            let flipped = try connection.run("""
                INSERT INTO audit (import_id, dossier_id, field, old_value, new_value)
                SELECT $1, id, 'is_primary', (NOT is_primary)::text, is_primary::text FROM relink ORDER BY id
                RETURNING 1
                """, audit, logger: logger)
            summary.updated += flipped.rows.count
        }
    }
}
