import GRDB
import GRDBSQLite

/// A cached statement run once per record of a batch, bound through SQLite's C API.
///
/// GRDB's `StatementArguments` box every value and validate the arguments on each execution;
/// for the million executions of a bulk import that cost as much as SQLite's own work. Here
/// values are bound straight from `DatabaseValue`s, writes still run through GRDB's `execute()`
/// so its transaction bookkeeping sees them, and the one lookup query steps SQLite directly.
///
/// Text is copied into an arena the statement owns and bound without a copy of SQLite's (a
/// `malloc` and a `free` per text cost more than the copy). Each execution's bindings are
/// therefore its own: the first `bind` after an execution clears every binding, so a parameter
/// must be bound again before each execution.
struct BatchStatement {
    private let statement: Statement
    private let arena = TextArena()
    private var handle: SQLiteStatement { statement.sqliteStatement }

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        // Tell GRDB the bindings are ours: `execute()` then only resets before stepping.
        statement.setUncheckedArguments(StatementArguments())
    }

    /// Binds values to the parameters from `first` (1-based) on, keeping the other bindings of
    /// this execution.
    func bind(_ values: some Collection<DatabaseValue>, from first: Int32 = 1) {
        // A statement that ran must be reset before it accepts bindings.
        sqlite3_reset(handle)
        if arena.executed {
            // The arena is reused: no binding may keep pointing into it.
            sqlite3_clear_bindings(handle)
            arena.used = 0
            arena.executed = false
        }
        var index = first
        for value in values {
            let code = switch value.storage {
            case .null: sqlite3_bind_null(handle, index)
            case .int64(let v): sqlite3_bind_int64(handle, index, v)
            case .double(let v): sqlite3_bind_double(handle, index, v)
            case .string(let s):
                // Through the UTF-8 buffer: passing `s` as a C string would copy it first.
                s.utf8.withContiguousStorageIfAvailable { utf8 in
                    if let text = arena.copy(utf8) {
                        return sqlite3_bind_text(handle, index, text, Int32(utf8.count), SQLITE_STATIC)
                    }
                    return utf8.withMemoryRebound(to: CChar.self) { text in
                        // An empty buffer may have no address; SQLite reads none of it then.
                        text.baseAddress.map { sqlite3_bind_text(handle, index, $0, Int32(text.count), SQLITE_TRANSIENT) }
                            ?? sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT)
                    }
                } ?? sqlite3_bind_text(handle, index, s, -1, SQLITE_TRANSIENT)
            case .blob(let data):
                data.withUnsafeBytes {
                    sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT)
                }
            }
            precondition(code == SQLITE_OK, "binding parameter \(index) of \(statement.sql): code \(code)")
            index += 1
        }
    }

    func bind(_ value: DatabaseValue, at index: Int32) { bind(CollectionOfOne(value), from: index) }

    /// Runs a write with the values bound so far.
    func execute() throws {
        arena.executed = true
        try statement.execute()
    }

    /// Runs a query with the values bound so far, calling `row` with each result row.
    func query(_ row: (Row) throws -> Void) throws {
        arena.executed = true
        sqlite3_reset(handle)
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try row(Row(handle))
            case SQLITE_DONE: return
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                                    sql: statement.sql)
            }
        }
    }

    /// A view of the current result row.
    struct Row {
        fileprivate let handle: SQLiteStatement
        fileprivate init(_ handle: SQLiteStatement) { self.handle = handle }

        subscript(_ index: Int32) -> DatabaseValue { DatabaseValue(sqliteStatement: handle, index: index) }
        func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }
    }
}

/// The text bound to one execution of a ``BatchStatement``, one fixed buffer reused by every
/// execution; text that does not fit is left to SQLite to copy.
private final class TextArena {
    static let capacity = 64 << 10
    let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    var used = 0
    /// The statement ran since the arena was last cleared (or, at first, may hold the bindings
    /// of an earlier batch: the statement is cached by the connection).
    var executed = true

    deinit { buffer.deallocate() }

    /// `bytes` copied into the arena, or nil when they do not fit (nor when empty, since SQLite
    /// may then be given any pointer).
    func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        guard !bytes.isEmpty, used + bytes.count <= Self.capacity else { return nil }
        let start = buffer + used
        UnsafeMutableRawPointer(start).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        used += bytes.count
        return UnsafePointer(start)
    }
}

/// SQLite copies the value before the call returns.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
/// The value outlives the statement's use of it (the statement's own ``TextArena``).
private let SQLITE_STATIC = unsafeBitCast(0, to: sqlite3_destructor_type.self)
