/// What differs between the SQL the two database backends speak, so that one piece of SQL text
/// serves both: a query written once in ``Store`` and rendered for SQLite or PostgreSQL.
///
/// Everything else the stores' queries use is common ground: `ON CONFLICT … DO UPDATE … WHERE`,
/// `CASE`, `COALESCE`, window-free aggregates, integer day numbers and millisecond instants.
public enum SQLDialect: Sendable, Hashable {
    case sqlite
    case postgres

    /// The placeholder of the `index`-th parameter (from 1): `?1` or `$1`.
    public func parameter(_ index: Int) -> String {
        switch self {
        case .sqlite: "?\(index)"
        case .postgres: "$\(index)"
        }
    }

    /// A boolean column as a condition: SQLite keeps booleans as 0/1 integers.
    public func isTrue(_ column: String) -> String {
        switch self {
        case .sqlite: "\(column) = 1"
        case .postgres: column
        }
    }

    /// The larger of two values: SQLite's scalar `MAX`, PostgreSQL's `GREATEST`.
    public func greatest(_ a: String, _ b: String) -> String {
        switch self {
        case .sqlite: "MAX(\(a), \(b))"
        case .postgres: "GREATEST(\(a), \(b))"
        }
    }

    /// A boolean column counted as 0 or 1 inside `SUM`.
    public func asInteger(_ column: String) -> String {
        switch self {
        case .sqlite: column
        case .postgres: "\(column)::int"
        }
    }
}
