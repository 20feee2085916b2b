import Domain
import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct StoreOpeningTests {
    @Test func aNewStoreUsesWALAndForeignKeysAndReopens() throws {
        let t = try TemporaryStore()
        try t.store.upsert(Fixtures.records([Fixtures.dossier("H1")]), as: Fixtures.request)
        #expect(try t.sqlite.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try t.sqlite.pool.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
        let reopened = try SQLiteStore(path: t.path)
        #expect(try reopened.count(DossierQuery()) == 1)
    }

    @Test func aStoreFromANewerHostrunIsRefused() throws {
        let t = try TemporaryStore()
        try t.sqlite.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
        }
        #expect(throws: StoreError.schemaNewerThanBinary(location: t.path, unknownMigrations: ["v9-future"])) {
            try SQLiteStore(path: t.path)
        }
    }

    @Test func aStoreForAnotherOffsetIsRefused() throws {
        let t = try TemporaryStore()
        let error = #expect(throws: StoreError.self) {
            try SQLiteStore(path: t.path, centreTime: CentreTime(utcOffsetSeconds: 8 * 3600))
        }
        #expect(error == .centreTimeMismatch(location: t.path, stored: 25_200, requested: 28_800))
        #expect(error?.description.hasSuffix("keeps local days at UTC+7, not UTC+8") == true)
    }

    @Test func aFileThatIsNotADatabaseGivesAClearError() throws {
        let t = try TemporaryStore()
        let path = t.folder.appendingPathComponent("notes.txt").path
        try Data("Báo cáo tháng 5\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        guard case let .cannotOpen(location, reason)? = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(location == path && reason.contains("not a database"))
    }

    @Test func locationResolvesFlagThenEnvironmentThenDefault() throws {
        let env = ["HOSTRUN_DB": "/srv/centre.db"]
        #expect(StoreLocation.resolve(flag: "x.db", environment: env) == .file(path: "x.db"))
        #expect(StoreLocation.resolve(flag: nil, environment: env) == .file(path: "/srv/centre.db"))
        #expect(StoreLocation.resolve(flag: "", environment: env) == .file(path: "/srv/centre.db"))
        #expect(StoreLocation.resolve(flag: nil, environment: [:]) == .file(path: "hostrun.db"))
        #expect(StoreLocation.resolve(flag: nil, environment: ["HOSTRUN_DB": ""]) == .file(path: "hostrun.db"))
        let server = StoreLocation.resolve(flag: "postgres://report:secret@db.local:5432/centre", environment: [:])
        #expect(server == .postgres(url: "postgres://report:secret@db.local:5432/centre"))
        #expect(server.description == "postgres://report@db.local:5432/centre")
        let error = #expect(throws: StoreError.self) { try server.open() }
        #expect(error?.description.contains("secret") == false)
    }

    @Test func openingAFileLocationGivesAWorkingStore() throws {
        let t = try TemporaryStore()
        let path = t.folder.appendingPathComponent("other.db").path
        let store = try StoreLocation.file(path: path).open()
        try store.upsert(Fixtures.records([Fixtures.dossier("H1")]), as: Fixtures.request)
        #expect(try store.count(DossierQuery()) == 1 && store.location == path)
    }
}
