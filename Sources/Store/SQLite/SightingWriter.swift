import Domain
import Foundation
import GRDB

/// Records, inside a connector import's transaction, which dossiers the import listed per
/// source (`dossier_sightings`) and the span of receipt days it covered (`source_snapshots`).
///
/// Records the batch wrote (inserted or updated) carry the batch in `updated_import`, so their
/// sightings are written by one statement at the end; only the records it found unchanged, and
/// those it refused, cost a statement each.
struct SightingWriter {
    private let db: Database
    private let importID: Int64
    private let centreTime: CentreTime
    private let sighting: BatchStatement
    /// Per source: how many dossiers listed, and the first and last receipt day of their records.
    private var spans: [String: (listed: Int, first: Int?, last: Int?)] = [:]

    private static let sightingSQL = """
        INSERT INTO dossier_sightings (dossier_id, import_id)
        SELECT id, ? FROM dossiers WHERE code = ? AND source = ?
        ON CONFLICT (dossier_id) DO UPDATE SET import_id = excluded.import_id
        """

    init(db: Database, importID: Int64, centreTime: CentreTime) throws {
        self.db = db
        self.importID = importID
        self.centreTime = centreTime
        sighting = try BatchStatement(db, sql: Self.sightingSQL)
        sighting.bind(importID.databaseValue, at: 1)
    }

    /// Notes that the import listed `key`; `receivedAt` is its record's receipt, when the record
    /// reached the store (not for a dossier listed by a rejected record); `written`, that the
    /// batch inserted or updated it.
    mutating func saw(_ key: DossierKey, receivedAt: Date?, written: Bool) throws {
        if !written {
            sighting.bind([key.code.databaseValue, key.source.databaseValue], from: 2)
            try sighting.execute()
        }
        var span = spans[key.source] ?? (0, nil, nil)
        span.listed += 1
        if let receivedAt {
            let day = centreTime.localDate(receivedAt).dayNumber
            span.first = min(span.first ?? day, day)
            span.last = max(span.last ?? day, day)
        }
        spans[key.source] = span
    }

    /// Writes the sightings of the records the batch wrote, and one `source_snapshots` row per
    /// source the import listed (none for a source whose every record was refused: its listing
    /// says nothing of which of its dossiers still exist).
    func finish() throws {
        try db.execute(sql: """
            INSERT INTO dossier_sightings (dossier_id, import_id)
            SELECT id, ?1 FROM dossiers WHERE updated_import = ?1
            ON CONFLICT (dossier_id) DO UPDATE SET import_id = excluded.import_id
            """, arguments: [importID])
        for (source, span) in spans where span.first != nil {
            try db.execute(sql: """
                INSERT INTO source_snapshots (source, import_id, listed, first_received_day, last_received_day)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [source, importID, span.listed, span.first, span.last])
        }
    }
}
