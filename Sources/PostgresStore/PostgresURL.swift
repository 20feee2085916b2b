import Foundation

/// A parsed `postgres://user@host:port/dbname` URL, libpq's form without the password.
///
/// Query parameters understood: `sslmode` (`disable`, `prefer` (default), `require`), and `host`
/// naming a Unix-socket folder (`postgres://hostrun@/centre?host=/run/postgresql`), as libpq
/// accepts them. Missing parts take libpq's defaults: host `localhost`, port 5432, user
/// `PGUSER` or the login name, database the user name.
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Hashable {
        /// Plain connections only.
        case disable
        /// TLS when the server offers it, plain otherwise (libpq's default).
        case prefer
        /// TLS or no connection, without checking the server's certificate (libpq's `require`).
        case require
        /// TLS with the server's certificate checked against the system's roots and the host
        /// name (`verify-ca`, `verify-full`).
        case verify
    }

    public var host: String
    public var port: Int
    /// A Unix-socket folder; when set, `host` is only used to match `.pgpass` (`localhost`).
    public var socketFolder: String?
    public var user: String
    public var database: String
    public var tls: TLSMode

    /// Parses a URL as given by `--db` or `HOSTRUN_DB`.
    ///
    /// - Throws: ``PostgresStoreError/passwordInURL(_:)`` when it carries a password,
    ///   ``PostgresStoreError/invalidURL(_:reason:)`` when it cannot be read.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), ["postgres", "postgresql"].contains(scheme)
        else { throw PostgresStoreError.invalidURL(text, reason: "it must start with postgres://") }
        if components.password != nil {
            var shown = components
            shown.password = nil
            throw PostgresStoreError.passwordInURL(shown.string ?? "postgres://…")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let unknown = Set(query.keys).subtracting(["sslmode", "host"])
        guard unknown.isEmpty else {
            throw PostgresStoreError.invalidURL(text, reason: "unknown parameter \(unknown.sorted().joined(separator: ", "))")
        }
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "allow", "prefer": tls = .prefer
        case "require": tls = .require
        case "verify-ca", "verify-full": tls = .verify
        case let other: throw PostgresStoreError.invalidURL(text, reason: "unknown sslmode \(other)")
        }
        socketFolder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? 5432
        user = components.user.flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["PGUSER"] ?? environment["USER"] ?? NSUserName()
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        guard !database.contains("/") else {
            throw PostgresStoreError.invalidURL(text, reason: "the database name \(database) contains a slash")
        }
    }

    /// The URL without any secret, for messages and ``DossierStore/location``.
    public var description: String {
        var text = "postgres://\(user)@\(socketFolder == nil ? host : ""):\(port)/\(database)"
        var parameters: [String] = []
        if let socketFolder { parameters.append("host=\(socketFolder)") }
        switch tls {
        case .prefer: break
        case .verify: parameters.append("sslmode=verify-full")
        case .disable, .require: parameters.append("sslmode=\(tls.rawValue)")
        }
        if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
        return text
    }
}
