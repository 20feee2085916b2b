import GRDB

/// Writes the records of one batch, dossiers or feedback, inside the batch's transaction.
protocol RecordWriter {
    associatedtype Record
    /// Upserts one record; throws ``StoreError/recordRejected(_:reason:)`` or
    /// ``StoreError/conflictingDuplicate(_:firstIndex:)`` for a record the store refuses.
    mutating func write(_ record: Record, index: Int) throws -> RecordOutcome
    /// Forgets what the writer remembered of the last record, whose writes were rolled back.
    mutating func forgetLastRecord()
}

extension RecordWriter {
    /// Writes every record, counting outcomes into `summary` and showing each to `observe`.
    /// Under ``RejectionPolicy/skipRecord`` each record runs in a savepoint, so that a rejected
    /// one is undone alone and reported instead of ending the batch.
    mutating func write(_ records: some Sequence<Record>, in db: Database, policy: RejectionPolicy,
                        summary: inout ImportSummary, observe: (RecordOutcome) throws -> Void) throws {
        for (index, record) in records.enumerated() {
            let outcome: RecordOutcome
            switch policy {
            case .abortBatch:
                outcome = try write(record, index: index)
            case .skipRecord:
                var written: RecordOutcome?
                do {
                    try db.inSavepoint {
                        written = try write(record, index: index)
                        return .commit
                    }
                } catch let error as StoreError {
                    guard let rejected = error.rejectedRecord else { throw error }
                    forgetLastRecord()
                    written = RecordOutcome(record: rejected, outcome: .rejected, rejection: error)
                }
                outcome = written!
            }
            summary.count(outcome)
            try observe(outcome)
        }
    }
}

extension StoreError {
    /// The record a rejection names, for the errors that reject one record.
    var rejectedRecord: RecordReference? {
        switch self {
        case let .recordRejected(record, _), let .conflictingDuplicate(record, _): record
        default: nil
        }
    }
}
