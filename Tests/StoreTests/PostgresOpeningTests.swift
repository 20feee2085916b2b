import Domain
import Foundation
import Testing
@testable import PostgresStore
@testable import Store

/// Reaching a PostgreSQL store: URLs, passwords, and the schema check at opening.
@Suite struct PostgresOpeningTests {
    @Test func urlsTakeLibpqDefaultsAndNeverCarryAPassword() throws {
        let env = ["USER": "lan"]
        let full = try PostgresURL("postgres://report@db.ward.local:6543/centre?sslmode=require", environment: env)
        #expect(full.host == "db.ward.local" && full.port == 6543 && full.user == "report"
                && full.database == "centre" && full.tls == .require)
        let bare = try PostgresURL("postgresql://db.ward.local", environment: env)
        #expect(bare.port == 5432 && bare.user == "lan" && bare.database == "lan" && bare.tls == .prefer)
        #expect(bare.description == "postgres://lan@db.ward.local:5432/lan")
        let socket = try PostgresURL("postgres://hostrun@/centre?host=/run/postgresql", environment: env)
        #expect(socket.socketFolder == "/run/postgresql" && socket.database == "centre")

        let error = #expect(throws: PostgresStoreError.self) {
            try PostgresURL("postgres://report:s3cret@db.ward.local/centre", environment: env)
        }
        #expect(error == .passwordInURL("postgres://report@db.ward.local/centre"))
        #expect(error?.description.contains("s3cret") == false)
        #expect(error?.description.contains("PGPASSWORD or ~/.pgpass") == true)
        #expect(throws: PostgresStoreError.self) { try PostgresURL("postgres://h/db?sslmode=sometimes") }
        #expect(throws: PostgresStoreError.self) { try PostgresURL("postgres://h/db?password=x") }
        // Through the factory, as `--db` reaches it.
        let opened = #expect(throws: PostgresStoreError.self) {
            try StoreFactory.open(StoreLocation.resolve(flag: "postgres://u:pw@127.0.0.1/x", environment: [:]))
        }
        #expect(opened?.description.contains("pw") == false)
    }

    @Test func passwordsComeFromTheEnvironmentThenThePasswordFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass").path
        try """
            # city database
            db.city.local:5432:reports:report:first
            db.city.local:*:*:report:second
            localhost:5432:centre:hostrun:with\\:colon\\\\slash
            *:*:*:*:fallback
            broken line
            """.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let env = ["PGPASSFILE": file, "USER": "nobody"]
        func password(_ url: String, _ environment: [String: String] = env) throws -> String? {
            PasswordFile.password(for: try PostgresURL(url, environment: environment), environment: environment)
        }
        #expect(try password("postgres://report@db.city.local/reports") == "first")
        #expect(try password("postgres://report@db.city.local:6000/other") == "second")
        #expect(try password("postgres://hostrun@/centre?host=/tmp") == "with:colon\\slash")
        #expect(try password("postgres://someone@elsewhere/db") == "fallback")
        var withVariable = env
        withVariable["PGPASSWORD"] = "from-env"
        #expect(try password("postgres://report@db.city.local/reports", withVariable) == "from-env")
        // Readable by others: ignored, as libpq ignores it.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(try password("postgres://report@db.city.local/reports") == nil)
    }

    @Test(arguments: StoreBackend.servers)
    func aSchemaOlderOrNewerThanTheBinaryIsRefusedWithWhatToDo(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        try t.execute("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')")
        #expect(throws: StoreError.schemaNewerThanBinary(location: t.store.location,
                                                        unknownMigrations: ["99 (from the future)"])) {
            try PostgreSQLStore(url: t.path)
        }
        let migrate = #expect(throws: StoreError.self) { try PostgreSQLStore.migrate(url: t.path) }
        #expect(migrate?.description.contains("upgrade hostrun") == true)

        try t.execute("DELETE FROM schema_migrations")
        let older = #expect(throws: PostgresStoreError.self) { try PostgreSQLStore(url: t.path) }
        #expect(older?.description.contains("run `hostrun db migrate --db \(t.store.location)`") == true)
    }

    @Test(arguments: StoreBackend.servers)
    func migratingTwiceAppliesNothingAndTheOffsetIsFixed(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        #expect(try PostgreSQLStore.migrate(url: t.path) == [])
        // sslmode=prefer (the default) falls back to a plain connection on a server without TLS.
        var preferring = URLComponents(string: t.path)!
        preferring.queryItems = nil
        #expect(try PostgreSQLStore(url: preferring.string!).count(DossierQuery()) == 0)
        #expect(try t.rows("SELECT version, name FROM schema_migrations ORDER BY version")
                == [["1", "dossiers, centres and claims"], ["2", "scheduler state, claim leases and import snapshots"]])
        let error = #expect(throws: StoreError.self) {
            try PostgreSQLStore(url: t.path, centreTime: CentreTime(utcOffsetSeconds: 8 * 3600))
        }
        #expect(error == .centreTimeMismatch(location: t.store.location, stored: 25_200, requested: 28_800))
    }

    @Test func anUnreachableServerGivesAClearError() throws {
        let error = #expect(throws: StoreError.self) {
            try PostgreSQLStore(url: "postgres://hostrun@127.0.0.1:9/none?sslmode=disable", environment: [:])
        }
        guard case let .cannotOpen(location, reason)? = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(location == "postgres://hostrun@127.0.0.1:9/none?sslmode=disable" && !reason.isEmpty)
    }
}
