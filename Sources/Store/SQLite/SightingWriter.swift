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
    private var spans: [String: Span] = [:]

    private struct Span {
        var listed = 0
        var first: Int?
        var last: Int?

        mutating func count(_ day: Int?) {
            listed += 1
            guard let day else { return }
            first = min(first ?? day, day)
            last = max(last ?? day, day)
        }
    }

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
    }

    /// Notes that the import listed `key`; `receivedAt` is its record's receipt, when the record
    /// reached the store (not for a dossier listed by a rejected record); `written`, that the
    /// batch inserted or updated it.
    mutating func saw(_ key: DossierKey, receivedAt: Date?, written: Bool) throws {
        if !written {
            sighting.bind([importID.databaseValue, key.code.databaseValue, key.source.databaseValue])
            try sighting.execute()
        }
        // Updated in place: one lookup of the source per record.
        spans[key.source, default: Span()].count(receivedAt.map { centreTime.localDate($0).dayNumber })
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
