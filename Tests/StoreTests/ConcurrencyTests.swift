import Domain
import Foundation
import Testing
@testable import Store

/// Several processes and threads on one store at once: nothing lost, nothing twice.
@Suite struct ConcurrencyTests {
    /// Four helper processes import overlapping ranges of codes at once, in batches, two from
    /// each of two sources, so that they race on the same keys and on the same link groups.
    @Test(arguments: StoreBackend.all)
    func fourParallelImportsStoreEveryDossierOnce(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let (span, step) = (3000, 1500)
        let started = try (0..<4).map { i in
            try CrashTests.start(t.path, first: i * step, count: span, batchSize: 500,
                                 source: i % 2 == 0 ? "motcua" : "dvcqg")
        }
        let completed = try started.map { try CrashTests.finish($0, killAfter: nil) }
        #expect(completed == [true, true, true, true])

        // Codes 0..<7500; motcua wrote 0..<3000 and 3000..<6000, dvcqg 1500..<4500 and 4500..<7500.
        let codes = 3 * step + span
        var expected: Set<DossierKey> = []
        for i in 0..<4 {
            for n in (i * step)..<(i * step + span) {
                expected.insert(DossierKey(source: i % 2 == 0 ? "motcua" : "dvcqg", code: "HS-\(n)"))
            }
        }
        var stored: [DossierKey] = []
        try t.store.forEach(DossierQuery(scope: .all, order: .unordered)) { stored.append($0.key) }
        #expect(stored.count == expected.count && Set(stored) == expected)
        // One primary per code, whatever order the processes wrote in: dvcqg where it has the
        // code (byte order), motcua for 0..<1500.
        #expect(try t.store.count(DossierQuery()) == codes)
        #expect(try t.store.count(DossierQuery(sources: ["dvcqg"])) == 6000)
        #expect(try t.store.count(DossierQuery(sources: ["motcua"])) == 1500)
        // No history entry twice: each record brought two.
        #expect(try t.rows("SELECT COUNT(*) FROM status_history") == [["\(2 * expected.count)"]])
        let imports = try t.store.imports(limit: 100)
        #expect(imports.count == 4 * span / 500)
        #expect(imports.map(\.inserted).reduce(0, +) == expected.count)
    }

    /// Eight threads claim the same run at once, on their own store each (as separate machines
    /// would): exactly one is granted, and all agree who.
    @Test(arguments: StoreBackend.all)
    func aRunIsClaimedOnceHoweverManyTry(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let stores = try (0..<8).map { _ in try t.reopen() }
        let claims = Claims()
        DispatchQueue.concurrentPerform(iterations: stores.count) { i in
            claims.add(Result { try stores[i].claimRun(job: "check overdue", slot: "2026-05-25T07:30+07:00",
                                                       owner: "machine \(i)") })
        }
        let results = try claims.all.map { try $0.get() }
        #expect(results.count == 8)
        #expect(results.filter(\.granted).count == 1)
        #expect(Set(results.map(\.owner)).count == 1)
        // Another slot, or another job, is a new claim; the same again is refused.
        #expect(try t.store.claimRun(job: "check overdue", slot: "2026-05-26T07:30+07:00", owner: "a").granted)
        #expect(try t.store.claimRun(job: "check due-soon", slot: "2026-05-25T07:30+07:00", owner: "a").granted)
        let again = try t.store.claimRun(job: "check overdue", slot: "2026-05-25T07:30+07:00", owner: "a")
        #expect(!again.granted && again.owner == results.first(where: \.granted)!.owner)
        #expect(again.claimedAt == Fixtures.clock)
    }

    /// Results collected from several threads.
    final class Claims: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<RunClaim, any Error>] = []
        func add(_ result: Result<RunClaim, any Error>) { lock.withLock { results.append(result) } }
        var all: [Result<RunClaim, any Error>] { lock.withLock { results } }
    }
}
