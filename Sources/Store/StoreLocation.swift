import Domain
import Foundation

/// Where a store lives, as given by `--db` or `HOSTRUN_DB`.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite file.
    case file(path: String)
    /// A PostgreSQL server, `postgres://user@host:port/dbname` (the password never comes from
    /// here: `PGPASSWORD` or `.pgpass`).
    case postgres(url: String)

    /// The environment variable read when `--db` is not given.
    public static let environmentVariable = "HOSTRUN_DB"
    /// The file used when neither `--db` nor `HOSTRUN_DB` is given, in the current folder.
    public static let defaultFile = "hostrun.db"

    /// `--db FILE` if given, else `HOSTRUN_DB`, else `hostrun.db` in the current folder. Empty
    /// values count as not given. `postgres://` and `postgresql://` values name a server.
    public static func resolve(flag: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment)
        -> StoreLocation {
        let given = [flag, environment[environmentVariable]].lazy.compactMap { $0 }.first { !$0.isEmpty }
        let value = given ?? defaultFile
        let lowered = value.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            return .postgres(url: value)
        }
        return .file(path: value)
    }

    public var description: String {
        switch self {
        case let .file(path): path
        case let .postgres(url): Self.withoutPassword(url)
        }
    }

    /// Opens the store at this location.
    ///
    /// - Throws: ``StoreError/unsupportedLocation(_:reason:)`` for PostgreSQL, whose store
    ///   lives in the PostgresStore module (open any location with its `StoreFactory`);
    ///   any error of ``SQLiteStore/init(path:centreTime:clock:)``.
    public func open(centreTime: CentreTime = .vietnam,
                     clock: @escaping @Sendable () -> Date = { Date() }) throws -> any DossierStore {
        switch self {
        case let .file(path):
            return try SQLiteStore(path: path, centreTime: centreTime, clock: clock)
        case .postgres:
            throw StoreError.unsupportedLocation(description,
                                                 reason: "the Store module opens SQLite files only; use PostgresStore's StoreFactory")
        }
    }

    /// `postgres://user:secret@host/db` → `postgres://user@host/db`, for messages.
    private static func withoutPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = nil
        return components.string ?? url
    }
}
