import Foundation
import Testing

/// The PostgreSQL server the binary's tests may use: `HOSTRUN_TEST_POSTGRES_URL` (set by
/// `.ci/run` through `.ci/postgres.sh`), a role allowed to create databases. Without it the
/// PostgreSQL tests are skipped, except under `CI=true`, where a missing server is a failure
/// (``TestServerTests``): CI must prove the backends agree, not quietly skip it.
enum TestServer {
    static let url: String? = ProcessInfo.processInfo.environment["HOSTRUN_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : $0 }

    static let available = url != nil

    static let skipped = "no PostgreSQL server: set HOSTRUN_TEST_POSTGRES_URL (.ci/postgres.sh start prints it)"

    /// A new, empty database on the server, migrated by `hostrun db migrate`; returns its URL.
    static func freshDatabase() throws -> String {
        let server = try #require(url, Comment(rawValue: skipped))
        let name = "hostrun_cmd_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try psql(server, "CREATE DATABASE \(name)")
        var components = try #require(URLComponents(string: server))
        components.path = "/" + name
        let database = try #require(components.string)
        let migrate = try HostrunBinary.run(["db", "migrate", "--db", database])
        try #require(migrate.status == 0, "hostrun db migrate: \(migrate.stderr)")
        return database
    }

    /// Runs one statement with `psql`, the tests' own door to the server.
    static func psql(_ url: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "psql \(sql): \(message)")
    }
}

@Suite struct TestServerTests {
    @Test("under CI=true a PostgreSQL server is configured, so the backend tests cannot be skipped")
    func continuousIntegrationHasAServer() {
        let ci = ProcessInfo.processInfo.environment["CI"] == "true"
        #expect(!ci || TestServer.available, "CI=true but HOSTRUN_TEST_POSTGRES_URL is not set: .ci/run starts the server")
    }
}
