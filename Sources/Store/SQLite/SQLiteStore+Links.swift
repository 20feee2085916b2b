import Domain
import GRDB

extension SQLiteStore {
    public func linkGroup(code: String) throws -> [DossierKey] {
        try read("reading the link group of \(code)") { db in
            try String.fetchAll(db, sql: """
                SELECT source FROM dossiers WHERE code = ? ORDER BY is_primary DESC, source
                """, arguments: [code]).map { DossierKey(source: $0, code: code) }
        }
    }

    public func sourcePriority() throws -> [(source: String, priority: Int?)] {
        try read("reading source priorities") { db in
            try Row.fetchAll(db, sql: """
                SELECT name, priority FROM sources ORDER BY priority IS NULL, priority, name
                """).map { (source: $0[0], priority: $0[1]) }
        }
    }

    @discardableResult
    public func setSourcePriority(_ sources: [String], as request: ImportRequest) throws -> ImportSummary {
        try batch(request) { db, importID, summary in
            try db.execute(sql: "UPDATE sources SET priority = NULL WHERE priority IS NOT NULL")
            for (rank, source) in sources.enumerated() {
                try db.execute(sql: """
                    INSERT INTO sources (name, priority) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET priority = excluded.priority
                    """, arguments: [source, rank])
            }
            // Every record of a group with more than one whose primary flag must flip.
            let flips = try Row.fetchAll(db, sql: LinkRule.flips)
            let audit = AuditWriter(db: db, importID: importID, centreTime: centreTime)
            for row in flips {
                try audit.setPrimary(row[1], dossierID: row[0])
                summary.updated += 1
            }
        }
    }
}
