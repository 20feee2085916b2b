/// Why a PostgreSQL store could not be reached or used. Each case says what to do about it.
public enum PostgresStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL is not `postgres://user@host:port/dbname`.
    case invalidURL(String, reason: String)
    /// The URL carries a password, which would end up in shell history and process lists.
    case passwordInURL(String)
    /// The database lacks migrations this binary needs.
    case schemaOlderThanBinary(location: String, missingMigrations: [String])

    public var description: String {
        switch self {
        case let .invalidURL(url, reason):
            "\(url) is not a PostgreSQL URL (postgres://user@host:port/dbname): \(reason)"
        case let .passwordInURL(url):
            "\(url): a password in the URL is refused (it would show in shell history and "
                + "process lists); give it in PGPASSWORD or ~/.pgpass instead"
        case let .schemaOlderThanBinary(location, missing):
            "the database \(location) lacks migrations " + missing.joined(separator: ", ")
                + "; run `hostrun db migrate --db \(location)`"
        }
    }
}
