import Domain
import Foundation
import Testing
@testable import Store

/// The store's configured centre, and one centre's view of a shared store (`--centre`).
@Suite struct CentreViewTests {
    @Test(arguments: StoreBackend.all)
    func theConfiguredCentreIsKeptClearedAndSeenByAnotherProcess(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        #expect(try t.store.configuredCentre() == nil)
        try t.store.setConfiguredCentre("Phường Phú Thượng")
        try t.store.setConfiguredCentre("Phường Hàng Bông")
        #expect(try t.reopen().configuredCentre() == "Phường Hàng Bông")
        #expect(try t.store.centres() == ["Phường Hàng Bông"])
        try t.store.setConfiguredCentre(nil)
        #expect(try t.reopen().configuredCentre() == nil)
    }

    @Test(arguments: StoreBackend.all)
    func aViewSeesItsCentresDossiersFiguresAndBreakdownsOnly(_ backend: StoreBackend) throws {
        let dossiers = try RandomDossiers.make(count: 900, seed: 7)
        let t = try TemporaryStore(backend)
        try t.store.upsert(Fixtures.records(dossiers), as: Fixtures.request)
        let classifier = PeriodClassifier(period: try ReportingPeriod(from: FiguresTests.day(2026, 1, 1),
                                                                      to: FiguresTests.day(2026, 6, 30)))
        let whole = try t.store.periodFigures(classifier, by: .centre)
        var sum = PeriodFigures()
        for centre in RandomDossiers.centres.map({ $0 ?? "" }) {
            let view = try CentreScopedStore(t.store, centre: centre)
            let own = FiguresTests.primaries(dossiers).filter { ($0.centre ?? "") == centre }
            #expect(try view.count(DossierQuery()) == own.count)
            var listed: [Dossier] = []
            try view.forEach(DossierQuery(order: .unordered)) { listed.append($0) }
            #expect(Set(listed.map(\.key)) == Set(own.map(\.key)))
            // A filter naming another centre finds nothing; grouping by centre finds this one.
            #expect(try view.count(DossierQuery(centres: ["Phường Không Có"])) == 0)
            #expect(try view.groupCount(DossierQuery(), by: .centre).map(\.key) == [centre])
            let figures = try view.periodFigures(classifier)
            #expect(figures == whole[centre])
            #expect(try view.periodFigures(classifier, by: .centre) == [centre: figures])
            #expect(try view.periodFigures(classifier, by: .field).values.reduce(PeriodFigures(), +) == figures)
            sum = sum + figures
            // A code none of whose records is this centre's: the view has nothing of it.
            let mine = Set(dossiers.filter { ($0.centre ?? "") == centre }.map(\.key.code))
            let code = try #require(Set(dossiers.map(\.key.code)).subtracting(mine).min())
            let stranger = try #require(FiguresTests.primaries(dossiers).first { $0.key.code == code })
            #expect(try view.dossier(stranger.key) == nil)
            #expect(try view.linkGroup(code: code).isEmpty)
            if let shared = FiguresTests.primaries(dossiers).first(where: { ($0.centre ?? "") != centre && mine.contains($0.key.code) }) {
                // A group split between centres: the view keeps this centre's records of it.
                #expect(try view.linkGroup(code: shared.key.code).allSatisfy { try t.store.dossier($0)?.centre ?? "" == centre })
            }
        }
        #expect(sum == (try t.store.periodFigures(classifier)))
    }

    @Test(arguments: StoreBackend.all)
    func anUnknownCentreIsRefusedNamingTheKnownOnes(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        try t.store.upsert(Fixtures.records([Fixtures.dossier("A1", centre: "Phường Cửa Nam"), Fixtures.dossier("A2")]),
                           as: Fixtures.request)
        try t.store.setConfiguredCentre("Phường Phú Thượng")
        #expect(throws: StoreError.unknownCentre("Phường Hàng Bông", location: t.store.location,
                                                 known: ["", "Phường Cửa Nam", "Phường Phú Thượng"])) {
            try CentreScopedStore(t.store, centre: "Phường Hàng Bông")
        }
        // The configured centre is known before any dossier names it.
        #expect(try CentreScopedStore(t.store, centre: "Phường Phú Thượng").count(DossierQuery()) == 0)
    }

    @Test(arguments: StoreBackend.all)
    func feedbackIsTheConfiguredCentresAndTheViewIsReadOnly(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        try t.store.upsert(Fixtures.records([Fixtures.dossier("A1", centre: "Phường Cửa Nam"),
                                             Fixtures.dossier("A2", centre: "Phường Phú Thượng")]),
                           as: Fixtures.request)
        let item = Feedback(key: DossierKey(source: "pakn", code: "PA-1"), subject: "Chậm trả kết quả",
                            receivedAt: Fixtures.at(2026, 3, 2), dueAt: Fixtures.at(2026, 3, 16), status: .processing)
        try t.store.upsertFeedback([FeedbackRecord(item)], as: Fixtures.request)
        try t.store.setConfiguredCentre("Phường Phú Thượng")
        let owner = try CentreScopedStore(t.store, centre: "Phường Phú Thượng")
        let other = try CentreScopedStore(t.store, centre: "Phường Cửa Nam")
        var seen: [Feedback] = []
        try owner.feedbackItems(received: nil).forEach { seen.append($0) }
        #expect(seen == [item])
        #expect(try owner.feedback(item.key) == item)
        seen = []
        try other.feedbackItems(received: nil).forEach { seen.append($0) }
        #expect(seen.isEmpty)
        #expect(try other.feedback(item.key) == nil)

        #expect(throws: StoreError.self) {
            try other.upsert(Fixtures.records([Fixtures.dossier("A3")]), as: Fixtures.request)
        }
        #expect(throws: StoreError.self) { try other.setConfiguredCentre(nil) }
        #expect(try t.store.count(DossierQuery()) == 2)
    }
}
