import Domain
import GRDB

/// Upserts the dossiers of one batch inside its transaction (see ``DossierStore`` for the rules).
///
/// Statements are prepared once per connection and reused for every record; per record the
/// writer reads the link group of its code (one indexed lookup that also tells whether the key
/// exists), then inserts, or compares and updates only when something changed. Into a table
/// that was empty when the batch began, a code the batch has not written yet has no link group:
/// its lookup is skipped.
struct DossierWriter: RecordWriter {
    private let db: Database
    private let importID: Int64
    private let centreTime: CentreTime
    private let audit: AuditWriter
    private var ranks: [String: Int] = [:]
    private var knownSources: Set<String> = []
    /// The catalogue entries written or confirmed in this batch, by procedure code.
    private var catalogue: [String: Procedure] = [:]
    /// Rows this batch already wrote, with the batch index of the record that did.
    private var seen = WrittenRowRuns()
    /// The hashes of the codes this batch wrote, when the table was empty as it began (nil
    /// otherwise): a code whose hash is not here has no row yet. Hashes, not codes, so that a
    /// million of them stay small; a collision only costs a lookup.
    private var codesWritten: Set<Int>?
    /// What the record being written added to the memories above, to forget if it is undone.
    private var lastRecord: (rows: [Int64], procedure: String, source: String) = ([], "", "")

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
    /// History entries go in by up to this many per statement: a dossier's whole history is
    /// usually one execution, which costs SQLite far less than one per entry.
    private static let historyRowsPerStatement = 8
    private static func historySQL(rows: Int) -> String {
        "INSERT INTO status_history (dossier_id, status, at, actor, source, note, import_id) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }
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

    private let lookup: BatchStatement
    private let insert: BatchStatement
    private let update: BatchStatement
    /// `history[k - 1]` inserts k entries.
    private let history: [BatchStatement]
    private let procedure: BatchStatement

    init(db: Database, importID: Int64, centreTime: CentreTime) throws {
        self.db = db
        self.importID = importID
        self.centreTime = centreTime
        audit = AuditWriter(db: db, importID: importID, centreTime: centreTime)
        lookup = try BatchStatement(db, sql: Self.lookupSQL)
        insert = try BatchStatement(db, sql: Self.insertSQL)
        update = try BatchStatement(db, sql: Self.updateSQL)
        history = try (1...Self.historyRowsPerStatement).map { try BatchStatement(db, sql: Self.historySQL(rows: $0)) }
        procedure = try BatchStatement(db, sql: Self.procedureSQL)
        if try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM dossiers)") == true { codesWritten = [] }
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

    /// A record of the link group of the code being written.
    private struct Linked {
        let id: Int64
        let source: String
        let isPrimary: Bool
        let tracked: [DatabaseValue]
    }

    mutating func forgetLastRecord() {
        for id in lastRecord.rows { seen.forget(id) }
        catalogue[lastRecord.procedure] = nil
        knownSources.remove(lastRecord.source)
    }

    private mutating func write(_ dossier: Dossier, _ reference: RecordReference) throws -> RecordOutcome {
        lastRecord = ([], dossier.procedure.code, dossier.source)
        let tracked = DossierColumns.encode(dossier)
        try noteSource(dossier.source)
        try noteProcedure(dossier.procedure, tracked)
        var group: [Linked] = []
        if codesWritten?.insert(dossier.code.hashValue).inserted != true {
            lookup.bind(dossier.code.databaseValue, at: 1)
            try lookup.query { row in
                group.append(Linked(id: row.int64(0), source: String.fromDatabaseValue(row[1]) ?? "",
                                    isPrimary: row.int64(2) != 0,
                                    tracked: (0..<Int32(tracked.count)).map { row[3 + $0] }))
            }
        }
        if let stored = group.first(where: { $0.source == dossier.source }) {
            return try update(stored, with: dossier, tracked, reference)
        }
        return try insert(dossier, tracked, linkedTo: group, reference)
    }

    private mutating func insert(_ dossier: Dossier, _ tracked: [DatabaseValue], linkedTo group: [Linked],
                                 _ reference: RecordReference) throws -> RecordOutcome {
        let primarySource = group.isEmpty ? dossier.source
            : LinkRule.primary(among: group.map(\.source) + [dossier.source], ranks: ranks)
        insert.bind([dossier.source.databaseValue, dossier.code.databaseValue,
                     (primarySource == dossier.source).databaseValue])
        insert.bind(tracked, from: 4)
        let derivedFrom = Int32(4 + tracked.count)
        insert.bind(DossierColumns.derive(tracked, centreTime: centreTime), from: derivedFrom)
        insert.bind([importID.databaseValue, importID.databaseValue],
                    from: derivedFrom + Int32(DossierColumns.derived.count))
        try insert.execute()
        let id = db.lastInsertedRowID
        seen.note(id, index: reference.index)
        lastRecord.rows.append(id)
        for linked in group where linked.isPrimary != (linked.source == primarySource) {
            try audit.setPrimary(!linked.isPrimary, dossierID: linked.id)
        }
        let appended = try appendHistory(dossier.history, to: id, existing: [])
        return RecordOutcome(record: reference, outcome: .inserted, historyAppended: appended)
    }

    private mutating func update(_ stored: Linked, with dossier: Dossier, _ tracked: [DatabaseValue],
                                 _ reference: RecordReference) throws -> RecordOutcome {
        let existing = dossier.history.isEmpty ? [] : try StoredHistoryEntry.fetch(db, dossierID: stored.id)
        if let first = seen.firstIndex(of: stored.id) {
            let known = Set(existing)
            guard stored.tracked == tracked, dossier.history.allSatisfy({ known.contains(StoredHistoryEntry($0)) })
            else { throw StoreError.conflictingDuplicate(reference, firstIndex: first) }
            return RecordOutcome(record: reference, outcome: .unchanged)
        }
        seen.note(stored.id, index: reference.index)
        lastRecord.rows.append(stored.id)
        let changes = TrackedColumn.changes(DossierColumns.tracked, old: stored.tracked, new: tracked,
                                            centreTime: centreTime)
        if !changes.isEmpty {
            update.bind(tracked)
            let derivedFrom = Int32(1 + tracked.count)
            update.bind(DossierColumns.derive(tracked, centreTime: centreTime), from: derivedFrom)
            update.bind([importID.databaseValue, stored.id.databaseValue],
                        from: derivedFrom + Int32(DossierColumns.derived.count))
            try update.execute()
            try audit.record(changes, dossierID: stored.id)
        }
        let appended = try appendHistory(dossier.history, to: stored.id, existing: existing)
        return RecordOutcome(record: reference, outcome: changes.isEmpty && appended == 0 ? .unchanged : .updated,
                             changes: changes, historyAppended: appended)
    }

    /// Appends the entries of `changes` not already stored, in their order; returns how many.
    private func appendHistory(_ changes: [StatusChange], to dossierID: Int64,
                               existing: [StoredHistoryEntry]) throws -> Int {
        guard !changes.isEmpty else { return 0 }
        var known = Set(existing)
        let entries = changes.map(StoredHistoryEntry.init).filter { known.insert($0).inserted }
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(start + Self.historyRowsPerStatement, entries.count)]
            let statement = history[chunk.count - 1]
            var parameter: Int32 = 1
            for entry in chunk {
                statement.bind([dossierID.databaseValue, entry.status.databaseValue, entry.at.databaseValue,
                                entry.actor.databaseValue, entry.source.databaseValue, entry.note.databaseValue,
                                importID.databaseValue], from: parameter)
                parameter += 7
            }
            try statement.execute()
            start += chunk.count
        }
        return entries.count
    }

    private mutating func noteSource(_ source: String) throws {
        guard !knownSources.contains(source) else { return }
        try db.execute(sql: "INSERT OR IGNORE INTO sources (name) VALUES (?)", arguments: [source])
        knownSources.insert(source)
    }

    /// Writes the catalogue entry of `entry` unless this batch already did; `tracked` holds its
    /// columns. Compared as a `Procedure`: cheaper than its columns as database values.
    private mutating func noteProcedure(_ entry: Procedure, _ tracked: [DatabaseValue]) throws {
        guard catalogue[entry.code] != entry else { return }
        procedure.bind(tracked[DossierColumns.procedureRange])
        try procedure.execute()
        catalogue[entry.code] = entry
    }
}
