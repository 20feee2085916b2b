import Domain
import GRDB
import PostgresNIO
import Store

/// Upserts the dossiers of one batch inside its transaction, a chunk at a time, with the rules
/// of ``Store/DossierStore`` and the same outcomes, changes and audit trail as the SQLite store.
///
/// Per chunk: read the link groups and histories of the chunk's codes in two queries (three
/// once the batch's ``WrittenRows`` has moved rows to the server), decide every record's
/// outcome in memory in batch order, then write with one statement per table (`unnest` of
/// array parameters; dossiers by `INSERT … ON CONFLICT (code, source) DO UPDATE`). A chunk
/// costs about eight round trips whatever its size, and the writer's memory does not grow
/// with the batch.
///
/// Writers take no locks of their own: another writer's uncommitted rows are invisible, so two
/// batches may decide on the same link group at once. The schema catches every such race at
/// the write: a second primary for a code breaks the unique index `dossiers_one_primary`, and
/// a row this writer believed new but another inserted first comes back from `ON CONFLICT` as
/// an update (``WriteConflict``). Both make the batch run again, when the other's rows are
/// visible. Stored rows only ever lose their primary flag here (a new member can only take
/// it), and those flips are written before the new rows, so the index never sees two.
struct PostgresDossierWriter {
    static let chunkSize = 1000

    private let connection: PostgresConnection
    private let logger: Logger
    private let importID: Int64
    private let centreTime: CentreTime
    /// Whether a broken rule of the table is traced to its record at once (which ends the
    /// batch's transaction); off when ``RejectionSkipper`` retries the chunk record by record.
    private let pinpointsRejections: Bool
    private var ranks: [String: Int] = [:]
    private var knownSources: Set<String> = []
    /// The catalogue values written or confirmed in this batch, by procedure code.
    private var catalogue: [String: ArraySlice<DatabaseValue>] = [:]
    /// Rows this batch already wrote, with the batch index of the record that did.
    private var written: WrittenRows

    private static let trackedKinds = DossierColumns.tracked.map(ColumnKind.init)
    private static let rowKinds: [ColumnKind] = [.text, .text, .bool] + trackedKinds + [.text, .int8, .int8, .int8]
    /// Inserts the rows of a ``ColumnBatch`` of ``rowKinds`` bound from `$2` (`$1`: the import).
    private static func insertSQL(into table: String) -> String {
        let columns = ["source", "code", "is_primary"] + DossierColumns.tracked.map(\.name) + DossierColumns.derived
        return """
            INSERT INTO \(table) (\(columns.joined(separator: ", ")), created_import, updated_import)
            SELECT u.*, $1::int8, $1::int8 FROM \(ColumnBatch(rowKinds).unnest(from: 2)) AS u
            """
    }
    private static let upsertSQL: String = {
        let assignments = (DossierColumns.tracked.map(\.name) + DossierColumns.derived + ["updated_import"])
            .map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        return insertSQL(into: "dossiers") + """

            ON CONFLICT (code, source) DO UPDATE SET \(assignments)
            RETURNING id, source, code, xmax = 0
            """
    }()
    private static let groupSQL = """
        SELECT id, source, code, is_primary, \(DossierColumns.trackedNames) FROM dossiers WHERE code = ANY($1)
        """

    init(connection: PostgresConnection, logger: Logger, importID: Int64, centreTime: CentreTime,
         pinpointsRejections: Bool) throws {
        self.pinpointsRejections = pinpointsRejections
        self.connection = connection
        self.logger = logger
        self.importID = importID
        self.centreTime = centreTime
        written = WrittenRows(connection: connection, logger: logger)
        for row in try connection.run("SELECT name, priority FROM sources", logger: logger).rows {
            let (name, priority) = try row.decode((String, Int?).self)
            knownSources.insert(name)
            if let priority { ranks[name] = priority }
        }
    }

    /// One stored or pending record of a link group touched by the chunk.
    private struct Member {
        var id: Int64?
        let key: DossierKey
        var isPrimary: Bool
        let wasPrimary: Bool?
        var tracked: [DatabaseValue]
        /// Stored history entries, loaded for stored rows the chunk upserts with history.
        var history: Set<StoredHistoryEntry>
        /// The batch index of the record that first wrote it in this batch.
        var firstIndex: Int?
        /// An earlier chunk wrote it (``WrittenRows`` holds it already).
        var writtenEarlier = false
        var reference: RecordReference?
        /// It must be written (new, or a tracked field changed).
        var dirty = false
    }

    /// Upserts `records` (batch indices from `firstIndex`); returns their outcomes in order.
    mutating func write(_ records: [DossierRecord], firstIndex: Int) throws -> [RecordOutcome] {
        guard !records.isEmpty else { return [] }
        let codes = Set(records.map(\.dossier.code)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var members = try loadGroups(codes)

        var outcomes: [RecordOutcome] = []
        outcomes.reserveCapacity(records.count)
        var history: [(key: DossierKey, entry: StoredHistoryEntry)] = []
        var audit: [(key: DossierKey, change: FieldChange)] = []
        var newSources: [String] = []
        var procedures: [String: ArraySlice<DatabaseValue>] = [:]

        for (offset, record) in records.enumerated() {
            let dossier = record.dossier
            let reference = RecordReference(index: firstIndex + offset, key: dossier.key, origin: record.origin)
            let tracked = DossierColumns.encode(dossier)
            if knownSources.insert(dossier.source).inserted { newSources.append(dossier.source) }
            let procedure = tracked[DossierColumns.procedureRange]
            let code = String.fromDatabaseValue(procedure[procedure.startIndex]) ?? ""
            if catalogue[code] != procedure {
                catalogue[code] = procedure
                procedures[code] = procedure
            }
            var group = members[dossier.code, default: []]
            if let i = group.firstIndex(where: { $0.key.source == dossier.source }) {
                let outcome = try update(&group[i], with: dossier, tracked, reference, history: &history,
                                         audit: &audit)
                outcomes.append(outcome)
            } else {
                let primary = LinkRule.primary(among: group.map(\.key.source) + [dossier.source], ranks: ranks)
                for i in group.indices where group[i].isPrimary != (group[i].key.source == primary) {
                    group[i].isPrimary.toggle()
                    audit.append((group[i].key, primaryChange(to: group[i].isPrimary)))
                }
                var member = Member(id: nil, key: dossier.key, isPrimary: primary == dossier.source, wasPrimary: nil,
                                    tracked: tracked, history: [], firstIndex: reference.index,
                                    reference: reference, dirty: true)
                let appended = appendHistory(dossier.history, to: &member, into: &history)
                group.append(member)
                outcomes.append(RecordOutcome(record: reference, outcome: .inserted, historyAppended: appended))
            }
            members[dossier.code] = group
        }

        try insertSources(newSources)
        try upsertProcedures(procedures)
        try flipPrimaries(members)
        var ids = try upsertDossiers(members)
        for member in members.values.joined() {
            if let id = member.id { ids[member.key] = id }
            guard let first = member.firstIndex, !member.writtenEarlier else { continue }
            written.note(ids[member.key]!, firstIndex: first)
        }
        try insertHistory(history, ids)
        try insertAudit(audit, ids)
        try written.spillIfFull()
        return outcomes
    }

    private mutating func update(_ member: inout Member, with dossier: Dossier, _ tracked: [DatabaseValue],
                                 _ reference: RecordReference,
                                 history: inout [(key: DossierKey, entry: StoredHistoryEntry)],
                                 audit: inout [(key: DossierKey, change: FieldChange)]) throws -> RecordOutcome {
        if let first = member.firstIndex {
            guard member.tracked == tracked,
                  dossier.history.allSatisfy({ member.history.contains(StoredHistoryEntry($0)) })
            else { throw StoreError.conflictingDuplicate(reference, firstIndex: first) }
            return RecordOutcome(record: reference, outcome: .unchanged)
        }
        member.firstIndex = reference.index
        member.reference = reference
        let changes = TrackedColumn.changes(DossierColumns.tracked, old: member.tracked, new: tracked,
                                            centreTime: centreTime)
        if !changes.isEmpty {
            member.tracked = tracked
            member.dirty = true
            audit += changes.map { (member.key, $0) }
        }
        let appended = appendHistory(dossier.history, to: &member, into: &history)
        return RecordOutcome(record: reference, outcome: changes.isEmpty && appended == 0 ? .unchanged : .updated,
                             changes: changes, historyAppended: appended)
    }

    /// Queues the entries of `changes` the member does not hold yet, in their order.
    private func appendHistory(_ changes: [StatusChange], to member: inout Member,
                               into history: inout [(key: DossierKey, entry: StoredHistoryEntry)]) -> Int {
        var appended = 0
        for change in changes {
            let entry = StoredHistoryEntry(change)
            guard member.history.insert(entry).inserted else { continue }
            history.append((member.key, entry))
            appended += 1
        }
        return appended
    }

    private func primaryChange(to isPrimary: Bool) -> FieldChange {
        let flag = TrackedColumn("is_primary", .flag)
        return flag.change(from: (isPrimary ? 0 : 1 as Int64).databaseValue,
                           to: (isPrimary ? 1 : 0 as Int64).databaseValue, centreTime: centreTime)
    }

    /// The stored link groups of `codes`, with the history of every stored row.
    private func loadGroups(_ codes: [String]) throws -> [String: [Member]] {
        var binds = PostgresBindings()
        binds.append(codes)
        var members: [String: [Member]] = [:]
        var ids: [Int64] = []
        for row in try connection.run(Self.groupSQL, binds, logger: logger).rows {
            let cells = row.makeRandomAccess()
            let id = try cells[0].decode(Int64.self)
            let key = DossierKey(source: try cells[1].decode(String.self), code: try cells[2].decode(String.self))
            let isPrimary = try cells[3].decode(Bool.self)
            let tracked = try Self.trackedKinds.enumerated().map { try $0.element.value(cells[4 + $0.offset]) }
            members[key.code, default: []].append(Member(
                id: id, key: key, isPrimary: isPrimary, wasPrimary: isPrimary, tracked: tracked,
                history: []))
            ids.append(id)
        }
        guard !ids.isEmpty else { return members }
        let firstIndices = try written.firstIndices(of: ids)
        var historyBinds = PostgresBindings()
        historyBinds.append(ids)
        var histories: [Int64: Set<StoredHistoryEntry>] = [:]
        for row in try connection.run("""
            SELECT dossier_id, \(StoredHistoryEntry.selection) FROM status_history WHERE dossier_id = ANY($1)
            """, historyBinds, logger: logger).rows {
            let (id, status, at, actor, source, note) = try row.decode((Int64, String, Int64, String?, String?, String?).self)
            histories[id, default: []].insert(StoredHistoryEntry(status: status, at: at, actor: actor,
                                                                 source: source, note: note))
        }
        for code in members.keys {
            for i in members[code]!.indices {
                let id = members[code]![i].id!
                members[code]![i].history = histories[id] ?? []
                members[code]![i].firstIndex = firstIndices[id]
                members[code]![i].writtenEarlier = firstIndices[id] != nil
            }
        }
        return members
    }

    private func insertSources(_ sources: [String]) throws {
        guard !sources.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(sources)
        try connection.run("INSERT INTO sources (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING",
                           binds, logger: logger)
    }

    private func upsertProcedures(_ procedures: [String: ArraySlice<DatabaseValue>]) throws {
        guard !procedures.isEmpty else { return }
        var batch = ColumnBatch(Array(Self.trackedKinds[DossierColumns.procedureRange]))
        for code in procedures.keys.sorted() { batch.append(Array(procedures[code]!)) }
        var binds = PostgresBindings()
        try batch.bind(into: &binds)
        // Only entries that are new or differ reach the INSERT: ON CONFLICT DO UPDATE locks
        // every conflicting row until the batch commits, even when its WHERE leaves the row as
        // it is, and parallel imports of the same catalogue would then wait for each other.
        try connection.run("""
            INSERT INTO procedures (code, name, field, limit_kind, limit_value, cutoff_minute)
            SELECT u.* FROM \(batch.unnest(from: 1)) AS u(code, name, field, limit_kind, limit_value, cutoff_minute)
            LEFT JOIN procedures p ON p.code = u.code
            WHERE p.code IS NULL
               OR (p.name, p.field, p.limit_kind, p.limit_value, p.cutoff_minute)
                  IS DISTINCT FROM (u.name, u.field, u.limit_kind, u.limit_value, u.cutoff_minute)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, field = EXCLUDED.field,
                limit_kind = EXCLUDED.limit_kind, limit_value = EXCLUDED.limit_value,
                cutoff_minute = EXCLUDED.cutoff_minute
            WHERE (procedures.name, procedures.field, procedures.limit_kind, procedures.limit_value,
                   procedures.cutoff_minute)
                IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.field, EXCLUDED.limit_kind, EXCLUDED.limit_value,
                                  EXCLUDED.cutoff_minute)
            """, binds, logger: logger)
    }

    /// Writes every new or changed member in one statement and returns the row ids of the
    /// members written. When the statement breaks a rule of the table, the error names the
    /// record that broke it (see ``diagnose(_:_:)``).
    private func upsertDossiers(_ members: [String: [Member]]) throws -> [DossierKey: Int64] {
        let dirty = members.values.joined().filter(\.dirty)
        guard !dirty.isEmpty else { return [:] }
        let binds = try bindings(dirty)
        do {
            let byKey = Dictionary(dirty.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            var ids: [DossierKey: Int64] = [:]
            for row in try connection.run(Self.upsertSQL, binds, logger: logger).rows {
                let (id, source, code, inserted) = try row.decode((Int64, String, String, Bool).self)
                let member = byKey[DossierKey(source: source, code: code)]!
                if inserted != (member.id == nil) { throw WriteConflict(key: member.key) }
                ids[member.key] = id
            }
            return ids
        } catch let error as PSQLError where !error.isTransient && error.sqlState?.hasPrefix("23") == true {
            if dirty.count == 1 { throw StoreError.recordRejected(dirty[0].reference!, reason: error.reason) }
            throw pinpointsRejections ? try diagnose(dirty, error) : error
        }
    }

    /// The rows of `members`, bound from `$1` (the import) as ``insertSQL(into:)`` reads them.
    private func bindings(_ members: [Member]) throws -> PostgresBindings {
        var batch = ColumnBatch(Self.rowKinds)
        for member in members {
            batch.append([member.key.source.databaseValue, member.key.code.databaseValue,
                          (member.isPrimary ? 1 : 0 as Int64).databaseValue]
                         + member.tracked + DossierColumns.derive(member.tracked, centreTime: centreTime))
        }
        var binds = PostgresBindings()
        binds.append(importID)
        try batch.bind(into: &binds)
        return binds
    }

    /// The batch broke a check of the `dossiers` table, which aborted its transaction: finds
    /// the first member that breaks it alone, by inserting the members one at a time into a
    /// temporary copy of the table with the same checks, in a transaction of its own (the
    /// batch is lost anyway). Returns the error to throw.
    private func diagnose(_ members: [Member], _ error: PSQLError) throws -> any Error {
        try connection.run("ROLLBACK", logger: logger)
        try connection.run("BEGIN", logger: logger)
        try connection.run("""
            CREATE TEMPORARY TABLE dossiers_probe (LIKE dossiers INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
                ON COMMIT DROP
            """, logger: logger)
        for member in members {
            try connection.run("SAVEPOINT probe", logger: logger)
            do {
                try connection.run(Self.insertSQL(into: "dossiers_probe"), try bindings([member]), logger: logger)
            } catch let rejection as PSQLError {
                return StoreError.recordRejected(member.reference!, reason: rejection.reason)
            }
            try connection.run("RELEASE SAVEPOINT probe", logger: logger)
        }
        return error
    }

    /// Stored rows whose primary flag the chunk changed (new rows were written with theirs).
    private func flipPrimaries(_ members: [String: [Member]]) throws {
        let flips = members.values.joined().filter { $0.wasPrimary != nil && $0.wasPrimary != $0.isPrimary }
        guard !flips.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(flips.map { $0.id! })
        binds.append(flips.map(\.isPrimary))
        try connection.run("""
            UPDATE dossiers SET is_primary = u.p FROM unnest($1::int8[], $2::bool[]) AS u(id, p)
            WHERE dossiers.id = u.id
            """, binds, logger: logger)
    }

    /// Appends history entries in their order (`ids`: every member's row id, by key).
    private func insertHistory(_ history: [(key: DossierKey, entry: StoredHistoryEntry)],
                               _ ids: [DossierKey: Int64]) throws {
        guard !history.isEmpty else { return }
        var batch = ColumnBatch([.int8, .text, .int8, .text, .text, .text])
        for (key, entry) in history {
            batch.append([ids[key]!.databaseValue, entry.status.databaseValue, entry.at.databaseValue,
                          entry.actor.databaseValue, entry.source.databaseValue, entry.note.databaseValue])
        }
        var binds = PostgresBindings()
        binds.append(importID)
        try batch.bind(into: &binds)
        try connection.run("""
            INSERT INTO status_history (dossier_id, status, at, actor, source, note, import_id)
            SELECT u.*, $1 FROM \(batch.unnest(from: 2)) AS u
            """, binds, logger: logger)
    }

    /// Appends audit entries in their order (`ids`: every member's row id, by key).
    private func insertAudit(_ audit: [(key: DossierKey, change: FieldChange)], _ ids: [DossierKey: Int64]) throws {
        guard !audit.isEmpty else { return }
        var batch = ColumnBatch([.int8, .text, .text, .text])
        for (key, change) in audit {
            batch.append([ids[key]!.databaseValue, change.field.databaseValue, change.old.databaseValue,
                          change.new.databaseValue])
        }
        var binds = PostgresBindings()
        binds.append(importID)
        try batch.bind(into: &binds)
        try connection.run("""
            INSERT INTO audit (import_id, dossier_id, field, old_value, new_value)
            SELECT $1, u.* FROM \(batch.unnest(from: 2)) AS u
            """, binds, logger: logger)
    }
}
