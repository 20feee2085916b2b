import Domain
import Foundation
import PostgresNIO
import Store

/// Records, inside a connector import's transaction, which dossiers the import listed per
/// source (`dossier_sightings`) and the span of receipt days it covered (`source_snapshots`),
/// as the SQLite store's `SightingWriter` does: one statement per chunk of listed keys.
struct PostgresSightingWriter {
    private let connection: PostgresConnection
    private let logger: Logger
    private let importID: Int64
    private let centreTime: CentreTime
    private var pending: Set<DossierKey> = []
    /// Per source: how many dossiers listed, and the first and last receipt day of their records.
    private var spans: [String: (listed: Int, first: Int?, last: Int?)] = [:]

    init(connection: PostgresConnection, logger: Logger, importID: Int64, centreTime: CentreTime) {
        self.connection = connection
        self.logger = logger
        self.importID = importID
        self.centreTime = centreTime
    }

    /// Notes that the import listed `key`; `receivedAt` is its record's receipt, when the record
    /// reached the store (not for a dossier listed by a rejected record).
    mutating func saw(_ key: DossierKey, receivedAt: Date?) throws {
        pending.insert(key)
        var span = spans[key.source] ?? (0, nil, nil)
        span.listed += 1
        if let receivedAt {
            let day = centreTime.localDate(receivedAt).dayNumber
            span.first = min(span.first ?? day, day)
            span.last = max(span.last ?? day, day)
        }
        spans[key.source] = span
        if pending.count >= PostgresDossierWriter.chunkSize { try flush() }
    }

    /// Writes the sightings noted so far (a key listed twice is written once).
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(importID)
        binds.append(pending.map(\.source))
        binds.append(pending.map(\.code))
        try connection.run("""
            INSERT INTO dossier_sightings (dossier_id, import_id)
            SELECT d.id, $1 FROM unnest($2::text[], $3::text[]) AS u(source, code)
            JOIN dossiers d ON d.source = u.source AND d.code = u.code
            ON CONFLICT (dossier_id) DO UPDATE SET import_id = EXCLUDED.import_id
            """, binds, logger: logger)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes the last sightings and one `source_snapshots` row per source the import listed
    /// (none for a source whose every record was refused).
    mutating func finish() throws {
        try flush()
        for (source, span) in spans.sorted(by: { $0.key < $1.key }) where span.first != nil {
            var binds = PostgresBindings()
            binds.append(source)
            binds.append(importID)
            binds.append(span.listed)
            binds.append(span.first)
            binds.append(span.last)
            try connection.run("""
                INSERT INTO source_snapshots (source, import_id, listed, first_received_day, last_received_day)
                VALUES ($1, $2, $3, $4, $5)
                """, binds, logger: logger)
        }
    }
}
