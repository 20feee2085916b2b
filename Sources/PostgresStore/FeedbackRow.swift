import Domain
import PostgresNIO
import Store

/// Reading ``Domain/Feedback`` values from `feedback` rows.
enum FeedbackRow {
    static let selection = "source, code, \(FeedbackColumns.trackedNames)"

    static func decode(_ row: PostgresRow) throws -> Feedback {
        let (source, code, subject, received, due, status, handled) =
            try row.decode((String, String, String, Int64, Int64?, String, Int64?).self)
        let key = DossierKey(source: source, code: code)
        guard let status = FeedbackStatus(rawValue: status) else {
            throw StoreError.database(operation: "reading feedback \(key)",
                                      reason: "unknown status; the row was not written by hostrun")
        }
        return Feedback(key: key, subject: subject, receivedAt: StoredInstant.date(received),
                        dueAt: due.map(StoredInstant.date), status: status,
                        handledAt: handled.map(StoredInstant.date))
    }
}
