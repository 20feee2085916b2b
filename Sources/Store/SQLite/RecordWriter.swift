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
    /// one is undone alone and reported instead of ending the batch. The savepoint's statements
    /// are prepared once for the batch: `Database.inSavepoint` prepares two per record, which
    /// cost a bulk import as much as writing the record.
    mutating func write(_ records: some Sequence<Record>, in db: Database, policy: RejectionPolicy,
                        summary: inout ImportSummary, observe: (RecordOutcome) throws -> Void) throws {
        let savepoint = policy == .skipRecord ? try RecordSavepoint(db) : nil
        for (index, record) in records.enumerated() {
            var outcome: RecordOutcome
            if let savepoint {
                try savepoint.begin()
                do {
                    outcome = try write(record, index: index)
                    try savepoint.release()
                } catch let error as StoreError {
                    guard let rejected = error.rejectedRecord else { throw error }
                    try savepoint.rollBack()
                    forgetLastRecord()
                    outcome = RecordOutcome(record: rejected, outcome: .rejected, rejection: error)
                }
            } else {
                outcome = try write(record, index: index)
            }
            summary.count(outcome)
            try observe(outcome)
        }
    }
}

/// The savepoint around one record of a batch, its statements prepared once.
private struct RecordSavepoint {
    private let begin_: Statement
    private let release_: Statement
    private let rollBack_: Statement

    init(_ db: Database) throws {
        begin_ = try db.makeStatement(sql: "SAVEPOINT record")
        release_ = try db.makeStatement(sql: "RELEASE SAVEPOINT record")
        rollBack_ = try db.makeStatement(sql: "ROLLBACK TO SAVEPOINT record")
    }

    func begin() throws { try begin_.execute() }
    func release() throws { try release_.execute() }

    /// Undoes the record's writes and ends the savepoint.
    func rollBack() throws {
        try rollBack_.execute()
        try release_.execute()
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
