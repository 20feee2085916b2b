import Domain
import Foundation
import GRDB

extension SQLiteStore: ConnectorImportStore {
    @discardableResult
    public func importDossiers(_ next: () throws -> SnapshotEntry<DossierRecord>?, as request: ImportRequest,
                               observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        try prepareForBulkImport()
        return try withoutActuallyEscaping(next) { next in
            try batch(request) { db, importID, summary in
                var writer = try DossierWriter(db: db, importID: importID, centreTime: centreTime)
                var sightings = try SightingWriter(db: db, importID: importID, centreTime: centreTime)
                var receivedAt: Date?
                let records = PulledRecords<DossierRecord> {
                    while let entry = try next() {
                        switch entry {
                        case .record(let record):
                            receivedAt = record.dossier.receivedAt
                            return record
                        case .listed(let key):
                            try sightings.saw(key, receivedAt: nil, written: false)
                        }
                    }
                    return nil
                }
                try writer.write(records, in: db, policy: request.onRejection, summary: &summary) { outcome in
                    if outcome.outcome != .rejected {
                        try sightings.saw(outcome.record.key, receivedAt: receivedAt,
                                          written: outcome.outcome != .unchanged)
                    }
                    try observe(outcome)
                }
                try records.rethrow()
                try sightings.finish()
            }
        }
    }

    /// A batch of a million records touches more pages than SQLite's default 2 MB cache holds;
    /// spilling them to the WAL mid-transaction rewrites each many times. 64 MiB keeps a
    /// million-row import's working set in memory, and a savepoint's journal (per record, when
    /// records may be refused alone) stays in memory instead of a temporary file.
    private func prepareForBulkImport() throws {
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
            }
        } catch let error as DatabaseError {
            throw StoreError.database(operation: "preparing an import", reason: error.message ?? "\(error)")
        }
    }

    @discardableResult
    public func importFeedback(_ next: () throws -> FeedbackRecord?, as request: ImportRequest,
                               observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        try prepareForBulkImport()
        return try withoutActuallyEscaping(next) { next in
            try batch(request) { db, importID, summary in
                var writer = FeedbackWriter(db: db, importID: importID, centreTime: centreTime)
                let records = PulledRecords(next)
                try writer.write(records, in: db, policy: request.onRejection, summary: &summary, observe: observe)
                try records.rethrow()
            }
        }
    }
}
