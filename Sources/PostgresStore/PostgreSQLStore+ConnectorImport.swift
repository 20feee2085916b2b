import Domain
import Foundation
import PostgresNIO
import Store

extension PostgreSQLStore: ConnectorImportStore {
    /// As ``upsert(_:as:observe:)``, a chunk at a time, noting what the import listed. A batch
    /// pulled from a connector cannot be pulled again, so one that loses a race with another
    /// writer is not retried here: it is rolled back whole and reported, and running the same
    /// import again finishes it.
    @discardableResult
    public func importDossiers(_ next: () throws -> SnapshotEntry<DossierRecord>?, as request: ImportRequest,
                               observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        try batch(request, retrying: false) { connection, importID, summary in
            var sightings = PostgresSightingWriter(connection: connection, logger: logger, importID: importID,
                                                   centreTime: centreTime)
            func records() throws -> DossierRecord? {
                while let entry = try next() {
                    switch entry {
                    case .record(let record): return record
                    case .listed(let key): try sightings.saw(key, receivedAt: nil)
                    }
                }
                return nil
            }
            try writeDossiers(connection, importID, request, &summary, next: records) { outcome, record in
                if outcome.outcome != .rejected {
                    try sightings.saw(outcome.record.key, receivedAt: record.dossier.receivedAt)
                }
                try observe(outcome)
            }
            try sightings.finish()
        }
    }

    @discardableResult
    public func importFeedback(_ next: () throws -> FeedbackRecord?, as request: ImportRequest,
                               observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        try batch(request, retrying: false) { connection, importID, summary in
            try writeFeedback(connection, importID, request, &summary, next: next, observe: observe)
        }
    }
}
