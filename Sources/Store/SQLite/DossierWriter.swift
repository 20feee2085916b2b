import Domain
import GRDB

/// Upserts the dossiers of one batch inside its transaction (see ``DossierStore`` for the rules).
///
/// Statements are prepared once per connection and reused for every record; per record the
/// writer reads the link group of its code (one indexed lookup that also tells whether the key
/// exists), then inserts, or compares and updates only when something changed.
struct DossierWriter {
    private let db: Database
    private let importID: Int64
    private let centreTime: CentreTime
    private let audit: AuditWriter
    private var ranks: [String: Int] = [:]
    private var knownSources: Set<String> = []
    /// The catalogue values written or confirmed in this batch, by procedure code.
    private var catalogue: [String: ArraySlice<DatabaseValue>] = [:]
    /// Rows this batch already wrote, with the batch index of the record that did.
    private var seen: [Int64: Int] = [:]

    private static let lookupSQL = """
        SELECT id, source, is_primary, \(DossierColumns.trackedNames) FROM dossiers WHERE code = ?
        """
    private static let insertSQL: String = {
        let columns = ["source", "code", "is_primary"] + DossierColumns.tracked.map(\.name)
            + DossierColumns.derived + ["created_import", "updated_import"]
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO dossiers (\(columns.joined(separator: ", "))) VALUES (\(marks))"
    }()
    private static let updateSQL: String = {
        let assignments = (DossierColumns.tracked.map(\.name) + DossierColumns.derived + ["updated_import"])
            .map { "\($0) = ?" }.joined(separator: ", ")
        return "UPDATE dossiers SET \(assignments) WHERE id = ?"
    }()
    private static let historySQL = """
        INSERT INTO status_history (dossier_id, status, at, actor, source, note, import_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    private static let procedureSQL = """
        INSERT INTO procedures (code, name, field, limit_kind, limit_value, cutoff_minute)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, field = excluded.field,
            limit_kind = excluded.limit_kind, limit_value = excluded.limit_value,
            cutoff_minute = excluded.cutoff_minute
        WHERE (name, field, limit_kind, limit_value, cutoff_minute)
            IS NOT (excluded.name, excluded.field, excluded.limit_kind, excluded.limit_value,
                    excluded.cutoff_minute)
        """

    init(db: Database, importID: Int64, centreTime: CentreTime) throws {
        self.db = db
        self.importID = importID
        self.centreTime = centreTime
        audit = AuditWriter(db: db, importID: importID, centreTime: centreTime)
        for row in try Row.fetchAll(db, sql: "SELECT name, priority FROM sources") {
            let name: String = row[0]
            knownSources.insert(name)
            if let priority: Int = row[1] { ranks[name] = priority }
        }
    }

    /// Upserts one record; a constraint it breaks becomes ``StoreError/recordRejected(_:reason:)``.
    mutating func write(_ record: DossierRecord, index: Int) throws -> RecordOutcome {
        let reference = RecordReference(index: index, key: record.dossier.key, origin: record.origin)
        do {
            return try write(record.dossier, reference)
        } catch let error as DatabaseError {
            throw StoreError.recordRejected(reference, reason: error.message ?? "\(error)")
        }
    }

    private mutating func write(_ dossier: Dossier, _ reference: RecordReference) throws -> RecordOutcome {
        let tracked = DossierColumns.encode(dossier)
        try noteSource(dossier.source)
        try noteProcedure(tracked)
        let group = try Row.fetchAll(db.cachedStatement(sql: Self.lookupSQL), arguments: [dossier.code])
        if let row = group.first(where: { ($0[1] as String) == dossier.source }) {
            return try update(row, with: dossier, tracked, reference)
        }
        return try insert(dossier, tracked, linkedTo: group, reference)
    }

    private mutating func insert(_ dossier: Dossier, _ tracked: [DatabaseValue], linkedTo group: [Row],
                                 _ reference: RecordReference) throws -> RecordOutcome {
        let primarySource = LinkRule.primary(among: group.map { $0[1] } + [dossier.source], ranks: ranks)
        var values: [DatabaseValue] = [dossier.source.databaseValue, dossier.code.databaseValue,
                                       (primarySource == dossier.source).databaseValue]
        values += tracked
        values += DossierColumns.derive(tracked, centreTime: centreTime)
        values += [importID.databaseValue, importID.databaseValue]
        let insert = try db.cachedStatement(sql: Self.insertSQL)
        insert.setUncheckedArguments(StatementArguments(values))
        try insert.execute()
        let id = db.lastInsertedRowID
        seen[id] = reference.index
        for row in group {
            let isPrimary: Bool = row[2]
            let source: String = row[1]
            if isPrimary != (source == primarySource) {
                try audit.setPrimary(!isPrimary, dossierID: row[0])
            }
        }
        let appended = try appendHistory(dossier.history, to: id, existing: [])
        return RecordOutcome(record: reference, outcome: .inserted, historyAppended: appended)
    }

    private mutating func update(_ row: Row, with dossier: Dossier, _ tracked: [DatabaseValue],
                                 _ reference: RecordReference) throws -> RecordOutcome {
        let id: Int64 = row[0]
        let stored = (0..<tracked.count).map { row[3 + $0] as DatabaseValue }
        let existing = dossier.history.isEmpty ? [] : try StoredHistoryEntry.fetch(db, dossierID: id)
        if let first = seen[id] {
            let known = Set(existing)
            guard stored == tracked, dossier.history.allSatisfy({ known.contains(StoredHistoryEntry($0)) })
            else { throw StoreError.conflictingDuplicate(reference, firstIndex: first) }
            return RecordOutcome(record: reference, outcome: .unchanged)
        }
        seen[id] = reference.index
        let changes = TrackedColumn.changes(DossierColumns.tracked, old: stored, new: tracked,
                                            centreTime: centreTime)
        if !changes.isEmpty {
            let update = try db.cachedStatement(sql: Self.updateSQL)
            update.setUncheckedArguments(StatementArguments(
                tracked + DossierColumns.derive(tracked, centreTime: centreTime)
                    + [importID.databaseValue, id.databaseValue]))
            try update.execute()
            try audit.record(changes, dossierID: id)
        }
        let appended = try appendHistory(dossier.history, to: id, existing: existing)
        return RecordOutcome(record: reference, outcome: changes.isEmpty && appended == 0 ? .unchanged : .updated,
                             changes: changes, historyAppended: appended)
    }

    /// Appends the entries of `history` not already stored, in their order; returns how many.
    private func appendHistory(_ history: [StatusChange], to dossierID: Int64,
                               existing: [StoredHistoryEntry]) throws -> Int {
        guard !history.isEmpty else { return 0 }
        var known = Set(existing)
        let statement = try db.cachedStatement(sql: Self.historySQL)
        var appended = 0
        for change in history {
            let entry = StoredHistoryEntry(change)
            guard known.insert(entry).inserted else { continue }
            statement.setUncheckedArguments([dossierID, entry.status, entry.at, entry.actor,
                                             entry.source, entry.note, importID])
            try statement.execute()
            appended += 1
        }
        return appended
    }

    private mutating func noteSource(_ source: String) throws {
        guard !knownSources.contains(source) else { return }
        try db.execute(sql: "INSERT OR IGNORE INTO sources (name) VALUES (?)", arguments: [source])
        knownSources.insert(source)
    }

    private mutating func noteProcedure(_ tracked: [DatabaseValue]) throws {
        let values = tracked[DossierColumns.procedureRange]
        let code = String.fromDatabaseValue(values[values.startIndex]) ?? ""
        guard catalogue[code] != values else { return }
        let statement = try db.cachedStatement(sql: Self.procedureSQL)
        statement.setUncheckedArguments(StatementArguments(Array(values)))
        try statement.execute()
        catalogue[code] = values
    }
}
