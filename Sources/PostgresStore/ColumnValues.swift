import GRDB
import PostgresNIO
import Store

/// How a column travels between the store's values (GRDB's `DatabaseValue`, the form the
/// SQLite store compares and audits) and PostgreSQL: one of three server types.
enum ColumnKind: Sendable {
    case text, int8, bool

    /// The kind of a tracked column: flags are BOOLEAN on the server, INTEGER 0/1 in the store's
    /// values, so that the comparison and the audit trail are the SQLite store's own.
    init(_ column: TrackedColumn) {
        switch column.rendering {
        case .text, .personal: self = .text
        case .integer, .minuteOfDay, .instant: self = .int8
        case .flag: self = .bool
        }
    }

    /// The kind of a column the server sends as `type`; nil for a type the store never uses.
    init?(_ type: PostgresDataType) {
        switch type {
        case .text, .varchar: self = .text
        case .int2, .int4, .int8: self = .int8
        case .bool: self = .bool
        default: return nil
        }
    }

    /// The server's array type, for `unnest($n::…)`.
    var arrayType: String {
        switch self {
        case .text: "text[]"
        case .int8: "int8[]"
        case .bool: "bool[]"
        }
    }

    /// A cell of a row, as a store value.
    func value(_ cell: PostgresCell) throws -> DatabaseValue {
        switch self {
        case .text: try cell.decode(String?.self).databaseValue
        case .int8: try cell.decode(Int64?.self).databaseValue
        case .bool: try cell.decode(Bool?.self).map { $0 ? 1 : 0 as Int64 }.databaseValue
        }
    }
}

/// One column of a batch, sent as a single array parameter.
enum ColumnArray: Sendable {
    case text(NullableArray<String>)
    case int8(NullableArray<Int64>)
    case bool(NullableArray<Bool>)

    init(_ kind: ColumnKind) {
        switch kind {
        case .text: self = .text(NullableArray())
        case .int8: self = .int8(NullableArray())
        case .bool: self = .bool(NullableArray())
        }
    }

    /// Appends in place: the payload is taken out of `self` (left empty meanwhile) so that the
    /// array is uniquely referenced and grows without being copied.
    mutating func append(_ value: DatabaseValue) {
        switch self {
        case var .text(array):
            self = .text(NullableArray())
            array.append(String.fromDatabaseValue(value))
            self = .text(array)
        case var .int8(array):
            self = .int8(NullableArray())
            array.append(Int64.fromDatabaseValue(value))
            self = .int8(array)
        case var .bool(array):
            self = .bool(NullableArray())
            array.append(Int64.fromDatabaseValue(value).map { $0 != 0 })
            self = .bool(array)
        }
    }

    func bind(into binds: inout PostgresBindings) throws {
        switch self {
        case let .text(array): try binds.append(array)
        case let .int8(array): try binds.append(array)
        case let .bool(array): try binds.append(array)
        }
    }
}

/// Several columns filled row by row and bound in order as `$first`, `$first+1`, …
struct ColumnBatch {
    let kinds: [ColumnKind]
    private(set) var columns: [ColumnArray]
    private(set) var count = 0

    init(_ kinds: [ColumnKind]) {
        self.kinds = kinds
        columns = kinds.map(ColumnArray.init)
    }

    mutating func append(_ row: [DatabaseValue]) {
        precondition(row.count == columns.count, "a row of \(row.count) values for \(columns.count) columns")
        for i in columns.indices { columns[i].append(row[i]) }
        count += 1
    }

    /// `unnest($first::text[], …)`.
    func unnest(from first: Int) -> String {
        "unnest(" + kinds.enumerated().map { "$\(first + $0.offset)::\($0.element.arrayType)" }
            .joined(separator: ", ") + ")"
    }

    func bind(into binds: inout PostgresBindings) throws {
        for column in columns { try column.bind(into: &binds) }
    }
}

extension PostgresRow {
    /// The row's cells as store values, each read by the type the server sent.
    func databaseValues() throws -> [DatabaseValue] {
        try map { cell in
            guard let kind = ColumnKind(cell.dataType) else {
                throw StoreError.database(operation: "reading \(cell.columnName)",
                                          reason: "the server sent a value of type \(cell.dataType)")
            }
            return try kind.value(cell)
        }
    }
}

extension PostgresBindings {
    /// Store values bound in order, each as its server type (integers as BIGINT, text as TEXT).
    init(_ values: [DatabaseValue]) throws {
        self.init(capacity: values.count)
        for value in values {
            switch value.storage {
            case .null: appendNull()
            case .int64(let integer): append(integer)
            case .double(let number): append(number)
            case .string(let text): append(text)
            case .blob(let data): try append(data)
            }
        }
    }
}
