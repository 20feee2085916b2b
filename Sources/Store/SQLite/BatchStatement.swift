import GRDB
import GRDBSQLite

/// A cached statement run once per record of a batch, bound through SQLite's C API.
///
/// GRDB's `StatementArguments` box every value and validate the arguments on each execution;
/// for the million executions of a bulk import that cost as much as SQLite's own work. Here
/// values are bound straight from `DatabaseValue`s (text copied by SQLite), writes still run
/// through GRDB's `execute()` so its transaction bookkeeping sees them, and the one lookup query
/// steps SQLite directly.
struct BatchStatement {
    private let statement: Statement
    private var handle: SQLiteStatement { statement.sqliteStatement }

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        // Tell GRDB the bindings are ours: `execute()` then only resets before stepping.
        statement.setUncheckedArguments(StatementArguments())
    }

    /// Binds values to the parameters from `first` (1-based) on, keeping the other bindings.
    func bind(_ values: some Collection<DatabaseValue>, from first: Int32 = 1) {
        // A statement that ran must be reset before it accepts bindings; reset keeps them.
        sqlite3_reset(handle)
        var index = first
        for value in values {
            let code = switch value.storage {
            case .null: sqlite3_bind_null(handle, index)
            case .int64(let v): sqlite3_bind_int64(handle, index, v)
            case .double(let v): sqlite3_bind_double(handle, index, v)
            case .string(let s): sqlite3_bind_text(handle, index, s, -1, SQLITE_TRANSIENT)
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
    func execute() throws { try statement.execute() }

    /// Runs a query with the values bound so far, calling `row` with each result row.
    func query(_ row: (Row) throws -> Void) throws {
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

/// SQLite copies the value before the call returns.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
