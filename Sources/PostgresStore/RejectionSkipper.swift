import PostgresNIO
import Store

/// ``Store/RejectionPolicy/skipRecord`` on PostgreSQL: a chunk is written whole inside a
/// savepoint; only when it holds a rejected record is it rolled back and written again one
/// record at a time, each in its own savepoint, so that the rejected records alone are left
/// out. The writers are values: a copy taken before a savepoint is the memory to go back to.
struct RejectionSkipper {
    let connection: PostgresConnection
    let logger: Logger

    func write(_ chunk: [DossierRecord], first: Int,
               with writer: inout PostgresDossierWriter) throws -> [RecordOutcome] {
        guard !chunk.isEmpty else { return [] }
        let before = writer
        try connection.run("SAVEPOINT chunk", logger: logger)
        do {
            let outcomes = try writer.write(chunk, firstIndex: first)
            try connection.run("RELEASE SAVEPOINT chunk", logger: logger)
            return outcomes
        } catch where Self.isRejection(error) {
            try connection.run("ROLLBACK TO SAVEPOINT chunk", logger: logger)
            writer = before
        }
        var outcomes: [RecordOutcome] = []
        for (offset, record) in chunk.enumerated() {
            outcomes.append(try inSavepoint(&writer, reference: RecordReference(
                index: first + offset, key: record.dossier.key, origin: record.origin)) { writer in
                try writer.write([record], firstIndex: first + offset)[0]
            })
        }
        try connection.run("RELEASE SAVEPOINT chunk", logger: logger)
        return outcomes
    }

    func write(_ record: FeedbackRecord, index: Int,
               with writer: inout PostgresFeedbackWriter) throws -> RecordOutcome {
        try inSavepoint(&writer, reference: RecordReference(index: index, key: record.feedback.key,
                                                            origin: record.origin)) { writer in
            try writer.write(record, index: index)
        }
    }

    /// Runs `body` in a savepoint; a rejection undoes it and the writer's memory of it.
    private func inSavepoint<Writer>(_ writer: inout Writer, reference: RecordReference,
                                     _ body: (inout Writer) throws -> RecordOutcome) throws -> RecordOutcome {
        let before = writer
        try connection.run("SAVEPOINT record", logger: logger)
        do {
            let outcome = try body(&writer)
            try connection.run("RELEASE SAVEPOINT record", logger: logger)
            return outcome
        } catch where Self.isRejection(error) {
            try connection.run("ROLLBACK TO SAVEPOINT record", logger: logger)
            writer = before
            let rejection = (error as? StoreError) ?? .recordRejected(reference, reason: (error as! PSQLError).reason)
            return RecordOutcome(record: reference, outcome: .rejected, rejection: rejection)
        }
    }

    /// A record the store refuses, as opposed to a failure of the batch.
    static func isRejection(_ error: any Error) -> Bool {
        switch error {
        case let error as StoreError:
            switch error {
            case .recordRejected, .conflictingDuplicate: true
            default: false
            }
        case let error as PSQLError:
            !error.isTransient && (error.sqlState?.hasPrefix("23") == true || error.sqlState?.hasPrefix("22") == true)
        default:
            false
        }
    }
}
