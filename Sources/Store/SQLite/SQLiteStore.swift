import Domain
import Foundation
import GRDB

/// The embedded store: one SQLite file through GRDB, in WAL mode with foreign keys on.
///
/// WAL lets readers (reports, cursors) run while a batch writes, and another hostrun process
/// may use the same file (it waits up to 30 s for a lock). `synchronous = NORMAL`: a committed
/// batch survives any crash of the process; a power cut may lose the last committed batches but
/// never corrupts the file, and imports are idempotent, so re-running them restores everything.
public final class SQLiteStore: DossierStore {
    public let location: String
    /// The time zone whose calendar days the `*_day` columns hold; fixed when the file is created.
    public let centreTime: CentreTime
    let pool: DatabasePool
    let cursorSlots: CursorSlots
    let clock: @Sendable () -> Date
    /// Reader connections: one per open cursor, plus one for plain reads.
    private static let readers = 16

    /// Opens the store at `path`, creating it if missing and migrating it if older.
    ///
    /// - Parameters:
    ///   - centreTime: the centre's offset; a store created for another offset is refused.
    ///   - clock: the host's clock (`--now`), used to date batches.
    /// - Throws: ``StoreError/cannotOpen(location:reason:)``,
    ///   ``StoreError/schemaNewerThanBinary(location:unknownMigrations:)``,
    ///   ``StoreError/centreTimeMismatch(location:stored:requested:)``.
    public init(path: String, centreTime: CentreTime = .vietnam,
                clock: @escaping @Sendable () -> Date = { Date() }) throws {
        location = path
        self.centreTime = centreTime
        self.clock = clock
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.maximumReaderCount = Self.readers
        cursorSlots = CursorSlots(readers: Self.readers)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrate(pool, location: path)
            try Self.checkCentreTime(pool, centreTime, location: path)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(location: path, reason: error.message ?? "\(error)")
        }
    }

    private static func migrate(_ pool: DatabasePool, location: String) throws {
        let migrator = SQLiteSchema.migrator
        let applied = try pool.read { try migrator.appliedIdentifiers($0) }
        let unknown = applied.subtracting(migrator.migrations)
        guard unknown.isEmpty else {
            throw StoreError.schemaNewerThanBinary(location: location, unknownMigrations: unknown.sorted())
        }
        try migrator.migrate(pool)
    }

    private static func checkCentreTime(_ pool: DatabasePool, _ centreTime: CentreTime,
                                        location: String) throws {
        let stored: Int? = try pool.write { db in
            let key = "utc_offset_seconds"
            if let value = try String.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = ?",
                                               arguments: [key]) {
                return Int(value)
            }
            try db.execute(sql: "INSERT INTO store_meta (key, value) VALUES (?, ?)",
                           arguments: [key, String(centreTime.utcOffsetSeconds)])
            return centreTime.utcOffsetSeconds
        }
        try StoreError.checkCentreTime(stored: stored, requested: centreTime, location: location)
    }

    // MARK: Batches

    @discardableResult
    public func upsert(_ records: some Sequence<DossierRecord>, as request: ImportRequest,
                       observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        try batch(request) { db, importID, summary in
            var writer = try DossierWriter(db: db, importID: importID, centreTime: centreTime)
            try writer.write(records, in: db, policy: request.onRejection, summary: &summary, observe: observe)
        }
    }

    @discardableResult
    public func upsertFeedback(_ records: some Sequence<FeedbackRecord>, as request: ImportRequest,
                               observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        try batch(request) { db, importID, summary in
            var writer = FeedbackWriter(db: db, importID: importID, centreTime: centreTime)
            try writer.write(records, in: db, policy: request.onRejection, summary: &summary, observe: observe)
        }
    }

    /// Runs `body` as one batch: one immediate transaction that also records the batch in
    /// `imports`, committed only if `body` returns (rolled back for a dry run).
    func batch(_ request: ImportRequest,
               _ body: (Database, Int64, inout ImportSummary) throws -> Void) throws -> ImportSummary {
        let startedAt = clock()
        var summary = ImportSummary(importID: nil, batchID: request.batchID, connector: request.connector,
                                    dryRun: request.dryRun, startedAt: startedAt, finishedAt: startedAt)
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let importID = try Self.insertImport(db, request, startedAt: startedAt)
                    try body(db, importID, &summary)
                    summary.finishedAt = clock()
                    try db.execute(sql: """
                        UPDATE imports SET finished_at = ?, inserted = ?, updated = ?, unchanged = ?,
                            rejected = ?, history_appended = ?
                        WHERE id = ?
                        """, arguments: [StoredInstant.milliseconds(summary.finishedAt), summary.inserted,
                                         summary.updated, summary.unchanged, summary.rejected,
                                         summary.historyAppended, importID])
                    summary.importID = request.dryRun ? nil : importID
                    return request.dryRun ? .rollback : .commit
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.database(operation: "batch \(request.batchID) of \(request.connector)",
                                      reason: error.message ?? "\(error)")
        }
        return summary
    }

    private static func insertImport(_ db: Database, _ request: ImportRequest, startedAt: Date) throws -> Int64 {
        do {
            try db.execute(sql: "INSERT INTO imports (batch_id, connector, started_at) VALUES (?, ?, ?)",
                           arguments: [request.batchID, request.connector,
                                       StoredInstant.milliseconds(startedAt)])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError.duplicateBatch(request.batchID)
        }
        return db.lastInsertedRowID
    }

    /// Runs a read, turning database failures into ``StoreError/database(operation:reason:)``.
    func read<T>(_ operation: @autoclosure () -> String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.database(operation: operation(), reason: error.message ?? "\(error)")
        }
    }
}
