import Domain
import Foundation
import Testing
@testable import Store

@Suite struct LinkTests {
    @Test(arguments: StoreBackend.all)
    func theSameCodeFromTwoSourcesIsLinkedAndCountedOnce(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let fromOneStop = Fixtures.dossier("H1", source: "motcua")
        let fromPortal = Fixtures.dossier("H1", source: "dvcqg")
        try t.store.upsert(Fixtures.records([fromOneStop, Fixtures.dossier("H2")]), as: Fixtures.request)
        try t.store.upsert(Fixtures.records([fromPortal]), as: Fixtures.request)

        #expect(try t.store.count(DossierQuery()) == 2)
        #expect(try t.store.count(DossierQuery(scope: .all)) == 3)
        // Unranked sources: byte order decides, so dvcqg is the primary.
        #expect(try t.store.linkGroup(code: "H1") == [fromPortal.key, fromOneStop.key])
        #expect(try t.store.auditTrail(of: fromOneStop.key).map(\.change)
                == [FieldChange(field: "is_primary", old: "true", new: "false")])
    }

    @Test(arguments: StoreBackend.all)
    func thePrimaryDoesNotDependOnImportOrder(_ backend: StoreBackend) throws {
        let sources = ["motcua", "dvcqg", "hotich"]
        var primaries: Set<[DossierKey]> = []
        for order in [sources, sources.reversed(), [sources[1], sources[2], sources[0]]] {
            let t = try TemporaryStore(backend)
            try t.store.setSourcePriority(["hotich", "motcua"], as: Fixtures.request)
            for source in order {
                try t.store.upsert(Fixtures.records([Fixtures.dossier("H1", source: source)]), as: Fixtures.request)
            }
            primaries.insert(try t.store.linkGroup(code: "H1"))
        }
        #expect(primaries == [[DossierKey(source: "hotich", code: "H1"), DossierKey(source: "dvcqg", code: "H1"),
                               DossierKey(source: "motcua", code: "H1")]])
    }

    @Test(arguments: StoreBackend.all)
    func aNewPriorityRelinksEveryGroupAsOneAuditedBatch(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let batch = (1...5).flatMap { i in ["motcua", "dvcqg"].map { Fixtures.dossier("H\(i)", source: $0) } }
            + [Fixtures.dossier("H9", source: "motcua")]
        try t.store.upsert(Fixtures.records(batch), as: Fixtures.request)
        #expect(try t.store.count(DossierQuery(sources: ["dvcqg"])) == 5)

        let summary = try t.store.setSourcePriority(["motcua"], as: ImportRequest(connector: "admin"))
        #expect(summary.updated == 10)
        #expect(try t.store.count(DossierQuery(sources: ["motcua"])) == 6)
        #expect(try t.store.count(DossierQuery(sources: ["dvcqg"])) == 0)
        #expect(try t.store.count(DossierQuery()) == 6)
        let trail = try t.store.auditTrail(of: DossierKey(source: "motcua", code: "H3"))
        #expect(trail.last?.connector == "admin" && trail.last?.change.new == "true")
        #expect(try t.store.sourcePriority().map(\.source) == ["motcua", "dvcqg"])
        #expect(try t.store.sourcePriority().map(\.priority) == [0, nil])

        // Setting the same priority again changes nothing.
        #expect(try t.store.setSourcePriority(["motcua"], as: Fixtures.request).updated == 0)
    }
}
