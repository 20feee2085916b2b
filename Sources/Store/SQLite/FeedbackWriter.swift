import Domain
import GRDB

/// Upserts the feedback items of one batch inside its transaction, with the dossiers' rules
/// (no links, no history).
struct FeedbackWriter: RecordWriter {
    private let db: Database
    private let importID: Int64
    private let centreTime: CentreTime
    private let audit: AuditWriter
    private var seen = WrittenRowRuns()
    /// The row the record being written added to `seen`, to forget if it is undone.
    private var lastRow: Int64?

    private static let lookupSQL = """
        SELECT id, \(FeedbackColumns.trackedNames) FROM feedback WHERE source = ? AND code = ?
        """
    private static let insertSQL: String = {
        let columns = ["source", "code"] + FeedbackColumns.tracked.map(\.name) + FeedbackColumns.derived
            + ["created_import", "updated_import"]
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO feedback (\(columns.joined(separator: ", "))) VALUES (\(marks))"
    }()
    private static let updateSQL: String = {
        let assignments = (FeedbackColumns.tracked.map(\.name) + FeedbackColumns.derived + ["updated_import"])
            .map { "\($0) = ?" }.joined(separator: ", ")
        return "UPDATE feedback SET \(assignments) WHERE id = ?"
    }()

    init(db: Database, importID: Int64, centreTime: CentreTime) {
        self.db = db
        self.importID = importID
        self.centreTime = centreTime
        audit = AuditWriter(db: db, importID: importID, centreTime: centreTime)
    }

    mutating func write(_ record: FeedbackRecord, index: Int) throws -> RecordOutcome {
        let reference = RecordReference(index: index, key: record.feedback.key, origin: record.origin)
        do {
            return try write(record.feedback, reference)
        } catch let error as DatabaseError {
            throw StoreError.recordRejected(reference, reason: error.message ?? "\(error)")
        }
    }

    mutating func forgetLastRecord() {
        if let lastRow { seen.forget(lastRow) }
    }

    private mutating func write(_ feedback: Feedback, _ reference: RecordReference) throws -> RecordOutcome {
        lastRow = nil
        let tracked = FeedbackColumns.encode(feedback)
        let derived = FeedbackColumns.derive(tracked, centreTime: centreTime)
        let lookup = try db.cachedStatement(sql: Self.lookupSQL)
        guard let row = try Row.fetchOne(lookup, arguments: [feedback.key.source, feedback.key.code]) else {
            let insert = try db.cachedStatement(sql: Self.insertSQL)
            insert.setUncheckedArguments(StatementArguments(
                [feedback.key.source.databaseValue, feedback.key.code.databaseValue] + tracked + derived
                    + [importID.databaseValue, importID.databaseValue]))
            try insert.execute()
            seen.note(db.lastInsertedRowID, index: reference.index)
            lastRow = db.lastInsertedRowID
            return RecordOutcome(record: reference, outcome: .inserted)
        }
        let id: Int64 = row[0]
        let stored = (0..<tracked.count).map { row[1 + $0] as DatabaseValue }
        if let first = seen.firstIndex(of: id) {
            guard stored == tracked else { throw StoreError.conflictingDuplicate(reference, firstIndex: first) }
            return RecordOutcome(record: reference, outcome: .unchanged)
        }
        seen.note(id, index: reference.index)
        lastRow = id
        let changes = TrackedColumn.changes(FeedbackColumns.tracked, old: stored, new: tracked,
                                            centreTime: centreTime)
        guard !changes.isEmpty else { return RecordOutcome(record: reference, outcome: .unchanged) }
        let update = try db.cachedStatement(sql: Self.updateSQL)
        update.setUncheckedArguments(StatementArguments(
            tracked + derived + [importID.databaseValue, id.databaseValue]))
        try update.execute()
        try audit.record(changes, feedbackID: id)
        return RecordOutcome(record: reference, outcome: .updated, changes: changes)
    }
}
