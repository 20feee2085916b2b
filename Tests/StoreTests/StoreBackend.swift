import Foundation
import Testing

/// The backends the store suite runs against: SQLite always; PostgreSQL when
/// `HOSTRUN_TEST_POSTGRES_URL` names a server where the suite may create databases
/// (`.ci/postgres.sh start` prints it).
enum StoreBackend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let postgresURL: String? = ProcessInfo.processInfo.environment["HOSTRUN_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : $0 }

    /// Every backend this run can reach: the argument list of each parameterised store test.
    static let all: [StoreBackend] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    /// Only PostgreSQL, when it is reachable (for tests of what only a server does).
    static let servers: [StoreBackend] = all.filter { $0 == .postgres }

    var testDescription: String { rawValue }
}

/// Runs `psql` against a PostgreSQL URL: the suite's own door to the server, apart from the
/// store under test.
enum PSQL {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// The rows `sql` returns, each a list of its values as text (`∅` for NULL).
    @discardableResult
    static func run(_ url: String, _ sql: String) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-F", "\u{1F}",
                             "-P", "null=∅", "-c", sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(message: message) }
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
            .map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
    }

    /// `url` with its database replaced by `database`.
    static func url(_ url: String, database: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + database
        return components.string!
    }
}
