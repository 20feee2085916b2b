import Domain
import GRDB

extension SQLiteStore: ConnectorImportStore {
    @discardableResult
    public func importDossiers(_ next: () throws -> SnapshotEntry<DossierRecord>?, as request: ImportRequest,
                               observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        try withoutActuallyEscaping(next) { next in
            try batch(request) { db, importID, summary in
                var writer = try DossierWriter(db: db, importID: importID, centreTime: centreTime)
                var sightings = try SightingWriter(db: db, importID: importID, centreTime: centreTime)
                var current: Dossier?
                let records = PulledRecords<DossierRecord> {
                    while let entry = try next() {
                        switch entry {
                        case .record(let record):
                            current = record.dossier
                            return record
                        case .listed(let key):
                            try sightings.saw(key, receivedAt: nil)
                        }
                    }
                    return nil
                }
                try writer.write(records, in: db, policy: request.onRejection, summary: &summary) { outcome in
                    if outcome.outcome != .rejected {
                        try sightings.saw(outcome.record.key, receivedAt: current?.receivedAt)
                    }
                    try observe(outcome)
                }
                try records.rethrow()
                try sightings.finish()
            }
        }
    }

    @discardableResult
    public func importFeedback(_ next: () throws -> FeedbackRecord?, as request: ImportRequest,
                               observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        try withoutActuallyEscaping(next) { next in
            try batch(request) { db, importID, summary in
                var writer = FeedbackWriter(db: db, importID: importID, centreTime: centreTime)
                let records = PulledRecords(next)
                try writer.write(records, in: db, policy: request.onRejection, summary: &summary, observe: observe)
                try records.rethrow()
            }
        }
    }
}
