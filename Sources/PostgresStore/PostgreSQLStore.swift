import Domain
import Foundation
import PostgresNIO
import Store

/// The shared store: one PostgreSQL database that many hostrun processes, on many machines,
/// use at once (imports, scheduled checks, reports), behind the same ``Store/DossierStore``
/// protocol as the SQLite file, so scripts and reports run unchanged on either.
///
/// ## Connecting
/// The URL is `postgres://user@host:port/dbname`; the password comes from `PGPASSWORD` or the
/// password file (``PasswordFile``), never from the URL. TLS is used when the server offers it
/// (`sslmode=prefer`), and may be required with `?sslmode=require` or `verify-full`.
///
/// ## Schema
/// ``migrate(url:environment:)`` (`hostrun db migrate`) creates and upgrades the tables; opening
/// a store only checks them, and refuses a database whose schema is older or newer than this
/// binary, because one process must not upgrade a database under others' feet.
///
/// ## Concurrency
/// Every batch is one transaction. Writers race freely; the schema refuses the outcome of a
/// lost race (a second primary in a link group, a row believed new that another writer just
/// inserted: see ``PostgresDossierWriter``). A batch that loses such a race, a deadlock or a
/// serialization conflict against another writer is rolled back whole and run again (up to ``maximumAttempts`` times, with growing random pauses). A retried batch
/// iterates its `records` again and `observe` sees its records again: pass a sequence that can
/// be iterated more than once (arrays, lazy maps, readers that reopen their file).
public final class PostgreSQLStore: DossierStore {
    /// The URL without any secret.
    public let location: String
    /// The time zone whose calendar days the `*_day` columns hold; fixed when first opened.
    public let centreTime: CentreTime
    /// How many times a batch is tried before a deadlock or serialization failure is reported.
    public static let maximumAttempts = 6
    let connections: Connections
    /// Each open cursor holds a connection of its own on the server: at most this many at once,
    /// so a script that leaves cursors open gets a clear error, not a server out of connections.
    static let maximumCursors = 16
    let cursorSlots = CursorSlots(readers: maximumCursors + 1)
    let clock: @Sendable () -> Date
    var logger: Logger { connections.logger }

    /// Connects to the database at `url` and checks its schema.
    ///
    /// - Throws: ``PostgresStoreError`` for a bad URL or an old schema,
    ///   ``Store/StoreError/schemaNewerThanBinary(location:unknownMigrations:)``,
    ///   ``Store/StoreError/centreTimeMismatch(location:stored:requested:)``,
    ///   ``Store/StoreError/cannotOpen(location:reason:)`` when the server cannot be reached.
    public init(url: String, centreTime: CentreTime = .vietnam,
                clock: @escaping @Sendable () -> Date = { Date() },
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let parsed = try PostgresURL(url, environment: environment)
        location = parsed.description
        self.centreTime = centreTime
        self.clock = clock
        connections = try Connections(url: parsed, password: PasswordFile.password(for: parsed, environment: environment))
        let location = location
        try Self.opening(location) {
            try connections.with { connection in
                try PostgresSchema.check(connection, location: location, logger: connections.logger)
                try Self.checkCentreTime(connection, centreTime, location: location, logger: connections.logger)
            }
        }
    }

    /// Creates or upgrades the schema of the database at `url`; returns the migrations applied.
    public static func migrate(url: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String] {
        let parsed = try PostgresURL(url, environment: environment)
        let connections = try Connections(url: parsed, password: PasswordFile.password(for: parsed, environment: environment))
        return try opening(parsed.description) {
            try connections.with { connection in
                try PostgresSchema.migrate(connection, location: parsed.description, logger: connections.logger)
            }
        }
    }

    /// Turns connection and server failures while opening into ``StoreError/cannotOpen``.
    private static func opening<T>(_ location: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PSQLError {
            throw StoreError.cannotOpen(location: location, reason: error.reason)
        } catch let error as any Error & CustomStringConvertible
                    where !(error is StoreError) && !(error is PostgresStoreError) {
            throw StoreError.cannotOpen(location: location, reason: error.description)
        }
    }

    private static func checkCentreTime(_ connection: PostgresConnection, _ centreTime: CentreTime,
                                        location: String, logger: Logger) throws {
        var binds = PostgresBindings()
        binds.append(String(centreTime.utcOffsetSeconds))
        let rows = try connection.run("""
            WITH added AS (
                INSERT INTO store_meta (key, value) VALUES ('utc_offset_seconds', $1)
                ON CONFLICT (key) DO NOTHING RETURNING value)
            SELECT value FROM added UNION ALL
            SELECT value FROM store_meta WHERE key = 'utc_offset_seconds'
            """, binds, logger: logger).rows
        let stored = try rows.first.flatMap { Int(try $0.decode(String.self)) }
        try StoreError.checkCentreTime(stored: stored, requested: centreTime, location: location)
    }

    // MARK: Batches

    @discardableResult
    public func upsert(_ records: some Sequence<DossierRecord>, as request: ImportRequest,
                       observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        try batch(request) { connection, importID, summary in
            var iterator = records.makeIterator()
            try writeDossiers(connection, importID, request, &summary, next: { iterator.next() },
                              written: { outcome, _ in try observe(outcome) })
        }
    }

    /// Writes the records `next` gives inside a batch, a chunk of
    /// ``PostgresDossierWriter/chunkSize`` at a time, counting each outcome into `summary` and
    /// handing it with its record to `written`.
    func writeDossiers(_ connection: PostgresConnection, _ importID: Int64, _ request: ImportRequest,
                       _ summary: inout ImportSummary, next: () throws -> DossierRecord?,
                       written: (RecordOutcome, DossierRecord) throws -> Void) throws {
        let skipping = request.onRejection == .skipRecord
        var writer = try PostgresDossierWriter(connection: connection, logger: logger, importID: importID,
                                               centreTime: centreTime, pinpointsRejections: !skipping)
        var chunk: [DossierRecord] = []
        chunk.reserveCapacity(PostgresDossierWriter.chunkSize)
        var first = 0
        func flush() throws {
            let outcomes = try skipping
                ? RejectionSkipper(connection: connection, logger: logger).write(chunk, first: first, with: &writer)
                : writer.write(chunk, firstIndex: first)
            for outcome in outcomes {
                summary.count(outcome)
                try written(outcome, chunk[outcome.record.index - first])
            }
            first += chunk.count
            chunk.removeAll(keepingCapacity: true)
        }
        while let record = try next() {
            chunk.append(record)
            if chunk.count == PostgresDossierWriter.chunkSize { try flush() }
        }
        try flush()
    }

    @discardableResult
    public func upsertFeedback(_ records: some Sequence<FeedbackRecord>, as request: ImportRequest,
                               observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        try batch(request) { connection, importID, summary in
            var iterator = records.makeIterator()
            try writeFeedback(connection, importID, request, &summary, next: { iterator.next() }, observe: observe)
        }
    }

    /// Writes the feedback items `next` gives inside a batch, one at a time, counting each
    /// outcome into `summary` and handing it to `observe`.
    func writeFeedback(_ connection: PostgresConnection, _ importID: Int64, _ request: ImportRequest,
                       _ summary: inout ImportSummary, next: () throws -> FeedbackRecord?,
                       observe: (RecordOutcome) throws -> Void) throws {
        var writer = PostgresFeedbackWriter(connection: connection, logger: logger, importID: importID,
                                            centreTime: centreTime)
        let skipper = RejectionSkipper(connection: connection, logger: logger)
        var index = 0
        while let record = try next() {
            let outcome = try request.onRejection == .skipRecord
                ? skipper.write(record, index: index, with: &writer)
                : writer.write(record, index: index)
            summary.count(outcome)
            try observe(outcome)
            index += 1
        }
    }

    /// Runs `body` as one batch: one transaction that also records the batch in `imports`,
    /// committed only if `body` returns (rolled back for a dry run), tried again from the
    /// start after a deadlock or serialization failure when `retrying` (`body` must then be
    /// able to run again from the start).
    func batch(_ request: ImportRequest, retrying: Bool = true,
               _ body: (PostgresConnection, Int64, inout ImportSummary) throws -> Void) throws -> ImportSummary {
        var attempt = 1
        let attempts = retrying ? Self.maximumAttempts : 1
        while true {
            do {
                return try connections.with { connection in
                    try attemptBatch(request, connection, body)
                }
            } catch let error where Self.isTransient(error) && attempt < attempts {
                // Random pauses that grow: two writers that collided rarely collide again.
                let pause = Double.random(in: 0.5...1.5) * 0.05 * Double(1 << attempt)
                Thread.sleep(forTimeInterval: pause)
                attempt += 1
            } catch let error as PSQLError {
                throw StoreError.database(operation: "batch \(request.batchID) of \(request.connector)",
                                          reason: error.reason)
            } catch let error as WriteConflict {
                throw StoreError.database(operation: "batch \(request.batchID) of \(request.connector)",
                                          reason: retrying ? "\(error), \(attempts) times"
                                              : "\(error); nothing was written, run the import again")
            }
        }
    }

    /// Whether a failed batch may succeed if run again.
    static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case let error as PSQLError: error.isTransient
        case is WriteConflict: true
        default: false
        }
    }

    private func attemptBatch(_ request: ImportRequest, _ connection: PostgresConnection,
                              _ body: (PostgresConnection, Int64, inout ImportSummary) throws -> Void) throws
        -> ImportSummary {
        let startedAt = clock()
        var summary = ImportSummary(importID: nil, batchID: request.batchID, connector: request.connector,
                                    dryRun: request.dryRun, startedAt: startedAt, finishedAt: startedAt)
        try connection.run("BEGIN", logger: logger)
        do {
            let importID = try insertImport(connection, request, startedAt: startedAt)
            try body(connection, importID, &summary)
            summary.finishedAt = clock()
            var binds = PostgresBindings()
            binds.append(StoredInstant.milliseconds(summary.finishedAt))
            binds.append(summary.inserted)
            binds.append(summary.updated)
            binds.append(summary.unchanged)
            binds.append(summary.rejected)
            binds.append(summary.historyAppended)
            binds.append(importID)
            try connection.run("""
                UPDATE imports SET finished_at = $1, inserted = $2, updated = $3, unchanged = $4,
                    rejected = $5, history_appended = $6
                WHERE id = $7
                """, binds, logger: logger)
            try connection.run(request.dryRun ? "ROLLBACK" : "COMMIT", logger: logger)
            summary.importID = request.dryRun ? nil : importID
            return summary
        } catch {
            _ = try? connection.run("ROLLBACK", logger: logger)
            throw error
        }
    }

    private func insertImport(_ connection: PostgresConnection, _ request: ImportRequest,
                              startedAt: Date) throws -> Int64 {
        var binds = PostgresBindings()
        binds.append(request.batchID)
        binds.append(request.connector)
        binds.append(StoredInstant.milliseconds(startedAt))
        do {
            return try connection.run("""
                INSERT INTO imports (batch_id, connector, started_at) VALUES ($1, $2, $3) RETURNING id
                """, binds, logger: logger).rows.first!.decode(Int64.self)
        } catch let error as PSQLError where error.sqlState == "23505" {
            throw StoreError.duplicateBatch(request.batchID)
        }
    }

    /// Runs a read on a pooled connection, turning server failures into
    /// ``Store/StoreError/database(operation:reason:)``.
    func read<T>(_ operation: @autoclosure () -> String, _ body: (PostgresConnection) throws -> T) throws -> T {
        do {
            return try connections.with(body)
        } catch let error as PSQLError {
            throw StoreError.database(operation: operation(), reason: error.reason)
        }
    }
}

extension PSQLError {
    /// The SQLSTATE code the server sent, e.g. `23505` for a unique violation.
    var sqlState: String? { serverInfo?[.sqlState] }

    /// A deadlock, a serialization failure, or a second primary for a link group (another
    /// writer's concurrent insert): the transaction may succeed if run again.
    var isTransient: Bool {
        sqlState == "40P01" || sqlState == "40001"
            || (sqlState == "23505" && serverInfo?[.constraintName] == "dossiers_one_primary")
    }

    /// What a person should read: the server's message, else the client's description.
    var reason: String {
        if let message = serverInfo?[.message] {
            return message + (serverInfo?[.detail].map { " (\($0))" } ?? "")
        }
        if let underlying { return "\(code): \(underlying)" }
        return "\(code)"
    }
}
