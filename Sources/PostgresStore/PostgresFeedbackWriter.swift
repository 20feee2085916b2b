import Domain
import GRDB
import PostgresNIO
import Store

/// Upserts the feedback items (PAKN) of one batch inside its transaction, one statement per
/// record: a centre receives a few feedback items a day, not millions. The rows the batch wrote
/// are remembered as the dossier writer's are (``WrittenRows``), so a batch of any size keeps
/// the same memory.
struct PostgresFeedbackWriter {
    private let connection: PostgresConnection
    private let logger: Logger
    private let importID: Int64
    private let centreTime: CentreTime
    private var written: WrittenRows

    private static let trackedKinds = FeedbackColumns.tracked.map(ColumnKind.init)
    private static let rowKinds: [ColumnKind] = [.text, .text] + trackedKinds + [.int8, .int8, .int8]
    private static let insertSQL: String = {
        let columns = ["source", "code"] + FeedbackColumns.tracked.map(\.name) + FeedbackColumns.derived
        return """
            INSERT INTO feedback (\(columns.joined(separator: ", ")), created_import, updated_import)
            SELECT u.*, $1::int8, $1::int8 FROM \(ColumnBatch(rowKinds).unnest(from: 2)) AS u RETURNING id
            """
    }()
    private static let updateSQL: String = {
        let columns = FeedbackColumns.tracked.map(\.name) + FeedbackColumns.derived
        let assignments = columns.enumerated().map { "\($0.element) = u.\($0.element)" }.joined(separator: ", ")
        return """
            UPDATE feedback SET \(assignments), updated_import = $1
            FROM \(ColumnBatch(trackedKinds + [.int8, .int8, .int8]).unnest(from: 3)) AS u(\(columns.joined(separator: ", ")))
            WHERE feedback.id = $2
            """
    }()

    init(connection: PostgresConnection, logger: Logger, importID: Int64, centreTime: CentreTime) {
        self.connection = connection
        self.logger = logger
        self.importID = importID
        self.centreTime = centreTime
        written = WrittenRows(connection: connection, logger: logger)
    }

    mutating func write(_ record: FeedbackRecord, index: Int) throws -> RecordOutcome {
        let feedback = record.feedback
        let reference = RecordReference(index: index, key: feedback.key, origin: record.origin)
        let tracked = FeedbackColumns.encode(feedback)
        let derived = FeedbackColumns.derive(tracked, centreTime: centreTime)
        var binds = PostgresBindings()
        binds.append(feedback.key.source)
        binds.append(feedback.key.code)
        let stored = try connection.run("""
            SELECT id, \(FeedbackColumns.trackedNames) FROM feedback WHERE source = $1 AND code = $2 FOR UPDATE
            """, binds, logger: logger).rows.first
        do {
            guard let stored else {
                var batch = ColumnBatch(Self.rowKinds)
                batch.append([feedback.key.source.databaseValue, feedback.key.code.databaseValue] + tracked + derived)
                var binds = PostgresBindings()
                binds.append(importID)
                try batch.bind(into: &binds)
                let id = try connection.run(Self.insertSQL, binds, logger: logger).rows.first!.decode(Int64.self)
                try wrote(id, index: index)
                return RecordOutcome(record: reference, outcome: .inserted)
            }
            let cells = stored.makeRandomAccess()
            let id = try cells[0].decode(Int64.self)
            let old = try Self.trackedKinds.enumerated().map { try $0.element.value(cells[1 + $0.offset]) }
            if let first = try written.firstIndices(of: [id])[id] {
                guard old == tracked else { throw StoreError.conflictingDuplicate(reference, firstIndex: first) }
                return RecordOutcome(record: reference, outcome: .unchanged)
            }
            try wrote(id, index: index)
            let changes = TrackedColumn.changes(FeedbackColumns.tracked, old: old, new: tracked, centreTime: centreTime)
            guard !changes.isEmpty else { return RecordOutcome(record: reference, outcome: .unchanged) }
            var batch = ColumnBatch(Self.trackedKinds + [.int8, .int8, .int8])
            batch.append(tracked + derived)
            var update = PostgresBindings()
            update.append(importID)
            update.append(id)
            try batch.bind(into: &update)
            try connection.run(Self.updateSQL, update, logger: logger)
            var audit = ColumnBatch([.text, .text, .text])
            for change in changes {
                audit.append([change.field.databaseValue, change.old.databaseValue, change.new.databaseValue])
            }
            var auditBinds = PostgresBindings()
            auditBinds.append(importID)
            auditBinds.append(id)
            try audit.bind(into: &auditBinds)
            try connection.run("""
                INSERT INTO audit (import_id, feedback_id, field, old_value, new_value)
                SELECT $1, $2, u.field, u.old, u.new
                FROM \(audit.unnest(from: 3)) WITH ORDINALITY AS u(field, old, new, n) ORDER BY u.n
                """, auditBinds, logger: logger)
            return RecordOutcome(record: reference, outcome: .updated, changes: changes)
        } catch let error as PSQLError where error.sqlState?.hasPrefix("23") == true {
            throw StoreError.recordRejected(reference, reason: error.reason)
        }
    }

    /// Notes that the record at `index` wrote or confirmed row `id`.
    private mutating func wrote(_ id: Int64, index: Int) throws {
        written.note(id, firstIndex: index)
        try written.spillIfFull()
    }
}
