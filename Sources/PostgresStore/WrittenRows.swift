import PostgresNIO

/// The rows a batch has written or confirmed so far, each with the batch index of the record
/// that did: what tells a key repeated later in the batch (a ``Store/StoreError/conflictingDuplicate(_:firstIndex:)``
/// when its values differ) from the first record of a key.
///
/// The latest rows are kept in memory, at most ``rowsKeptInMemory`` of them; past that they
/// move to a temporary table of the batch's transaction (`ON COMMIT DROP`), so an import's
/// memory stays the same whatever its number of rows, and a batch that never fills the memory
/// never creates the table. The table lives in the transaction, so a savepoint rolled back
/// takes its rows with it, as restoring a copy of this value takes the memory's. A batch writes
/// dossiers or feedback items, never both, so the ids in one table are of one kind.
///
/// Not the SQLite writers' `WrittenRowRuns` (Store/SQLite): that one relies on a batch's new rows taking
/// consecutive ids, which holds for SQLite's single writer but not here, where parallel imports
/// draw ids from one sequence and interleave them, so runs would break into single rows.
struct WrittenRows {
    /// About 400 KB: a batch of up to this many rows never touches the temporary table, and
    /// copying the value before each savepoint (see ``RejectionSkipper``) stays cheap.
    static let rowsKeptInMemory = 10_000

    private let connection: PostgresConnection
    private let logger: Logger
    private var recent: [Int64: Int] = [:]
    /// Whether this transaction's temporary table exists (rows were moved to it).
    private var spilled = false

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Notes that the record at batch index `firstIndex` wrote or confirmed row `id`.
    mutating func note(_ id: Int64, firstIndex: Int) {
        recent[id] = firstIndex
    }

    /// The batch index of the record that first wrote each of `ids` this batch, for those
    /// it wrote: one query when rows were moved to the table, none otherwise.
    func firstIndices(of ids: [Int64]) throws -> [Int64: Int] {
        var found: [Int64: Int] = [:]
        for id in ids { if let first = recent[id] { found[id] = first } }
        guard spilled, found.count < ids.count else { return found }
        var binds = PostgresBindings()
        binds.append(ids.filter { found[$0] == nil })
        for row in try connection.run("SELECT id, first_index FROM pg_temp.written_rows WHERE id = ANY($1)",
                                      binds, logger: logger).rows {
            let (id, first) = try row.decode((Int64, Int64).self)
            found[id] = Int(first)
        }
        return found
    }

    /// Moves the rows in memory to the temporary table once they reach ``rowsKeptInMemory``.
    mutating func spillIfFull() throws {
        guard recent.count >= Self.rowsKeptInMemory else { return }
        if !spilled {
            try connection.run("""
                CREATE TEMPORARY TABLE written_rows (id int8 PRIMARY KEY, first_index int8 NOT NULL)
                    ON COMMIT DROP
                """, logger: logger)
            spilled = true
        }
        var binds = PostgresBindings()
        binds.append(Array(recent.keys))
        binds.append(recent.values.map(Int64.init))
        try connection.run("INSERT INTO pg_temp.written_rows SELECT * FROM unnest($1::int8[], $2::int8[])",
                           binds, logger: logger)
        recent.removeAll(keepingCapacity: true)
    }
}
