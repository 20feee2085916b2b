import Domain
import Foundation
import Store

/// Opens the store at a ``Store/StoreLocation``, whichever backend it names: what every
/// `--db` option calls.
public enum StoreFactory {
    /// An SQLite file is created and migrated if needed; a PostgreSQL database must have been
    /// migrated with `hostrun db migrate`.
    ///
    /// - Throws: any error of ``Store/SQLiteStore/init(path:centreTime:clock:)`` or
    ///   ``PostgreSQLStore/init(url:centreTime:clock:environment:)``.
    public static func open(_ location: StoreLocation, centreTime: CentreTime = .vietnam,
                            clock: @escaping @Sendable () -> Date = { Date() },
                            environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> any DossierStore {
        switch location {
        case let .file(path):
            try SQLiteStore(path: path, centreTime: centreTime, clock: clock)
        case let .postgres(url):
            try PostgreSQLStore(url: url, centreTime: centreTime, clock: clock, environment: environment)
        }
    }

    /// Creates or upgrades the store's schema; returns the migrations applied (SQLite files
    /// migrate themselves on opening, so this opens them).
    public static func migrate(_ location: StoreLocation,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String] {
        switch location {
        case let .file(path):
            _ = try SQLiteStore(path: path)
            return []
        case let .postgres(url):
            return try PostgreSQLStore.migrate(url: url, environment: environment)
        }
    }
}
