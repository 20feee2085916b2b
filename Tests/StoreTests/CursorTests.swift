import Domain
import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct CursorTests {
    static func loaded(_ count: Int, _ backend: StoreBackend = .sqlite) throws -> TemporaryStore {
        let t = try TemporaryStore(backend)
        try t.store.upsert(Fixtures.records((0..<count).map { Fixtures.dossier("H\($0)") }), as: Fixtures.request)
        return t
    }

    @Test(arguments: StoreBackend.all)
    func pullsEveryRowInOrderAcrossBatches(_ backend: StoreBackend) throws {
        let t = try Self.loaded(1000, backend)
        let cursor = try t.store.dossiers(DossierQuery())
        var codes: [String] = []
        while let dossier = try cursor.next() { codes.append(dossier.code) }
        #expect(codes == (0..<1000).map { "H\($0)" }.sorted())
        #expect(try cursor.next() == nil)
    }

    @Test(arguments: StoreBackend.all)
    func seesASnapshotWhileTheStoreIsReadAndWrittenBetweenPulls(_ backend: StoreBackend) throws {
        let t = try Self.loaded(600, backend)
        let cursor = try t.store.dossiers(DossierQuery(order: .unordered))
        var seen = 0
        while let dossier = try cursor.next() {
            seen += 1
            if seen == 1 {
                #expect(try t.store.dossier(dossier.key) != nil)
                try t.store.upsert(Fixtures.records((600..<700).map { Fixtures.dossier("H\($0)") }),
                                   as: Fixtures.request)
            }
        }
        #expect(seen == 600)
        #expect(try t.store.count(DossierQuery()) == 700)
    }

    @Test func closingEarlyReleasesTheReadTransaction() throws {
        let t = try Self.loaded(2000)
        let cursor = try t.store.dossiers(DossierQuery())
        _ = try cursor.next()
        try t.store.upsert(Fixtures.records([Fixtures.dossier("late")]), as: Fixtures.request)
        cursor.close()
        #expect(try cursor.next() == nil)
        // A full checkpoint only succeeds when no reader still holds an old snapshot.
        let busy = try t.sqlite.pool.writeWithoutTransaction { db in
            try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")![0] as Int
        }
        #expect(busy == 0)
    }

    @Test func aFailureOfTheQueryComesOutOfNext() throws {
        let t = try Self.loaded(3)
        try t.sqlite.pool.write { db in try db.execute(sql: "DROP INDEX dossiers_received") }
        try t.sqlite.pool.write { db in try db.execute(sql: "ALTER TABLE dossiers RENAME COLUMN due_day TO x") }
        let cursor = try t.store.dossiers(DossierQuery(dueBefore: LocalDate(dayNumber: 0)))
        let error = #expect(throws: StoreError.self) { _ = try cursor.next() }
        #expect(error?.description.hasPrefix("listing dossiers: no such column: due_day") == true)
    }
}

@Suite struct CursorLimitTests {
    @Test(arguments: StoreBackend.all)
    func oneCursorTooManyIsRefusedAndPlainReadsStillWork(_ backend: StoreBackend) throws {
        // More rows than a cursor buffers, so that every producer still holds its reader.
        let t = try CursorTests.loaded(2000, backend)
        let limit = t.cursorLimit
        var cursors = try (0..<limit).map { _ in try t.store.dossiers(DossierQuery()) }
        for cursor in cursors { _ = try cursor.next() }
        #expect(throws: StoreError.tooManyOpenCursors(limit: limit)) { try t.store.dossiers(DossierQuery()) }
        #expect(try t.store.count(DossierQuery()) == 2000)
        #expect(try t.store.dossier(Fixtures.dossier("H1").key) != nil)
        cursors.removeLast().close()
        #expect(try t.store.dossiers(DossierQuery()).next() != nil)
    }
}
