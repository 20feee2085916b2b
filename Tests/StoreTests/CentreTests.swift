import Domain
import Foundation
import Testing
@testable import Store

/// Many centres in one store: each centre's figures are its own dossiers' figures, and the
/// roll-up has one row per centre whose sum is the whole store's figures.
@Suite struct CentreTests {
    @Test(arguments: StoreBackend.all)
    func eachCentresFiguresAndTheRollUpEqualTheDomain(_ backend: StoreBackend) throws {
        let dossiers = try RandomDossiers.make(count: 1500, seed: 42)
        let t = try TemporaryStore(backend)
        try t.store.upsert(Fixtures.records(dossiers), as: Fixtures.request)
        let counted = FiguresTests.primaries(dossiers)
        let period = try ReportingPeriod(from: FiguresTests.day(2026, 1, 1), to: FiguresTests.day(2026, 6, 30))
        let classifier = PeriodClassifier(period: period)

        let rollUp = try t.store.periodFigures(classifier, by: .centre)
        #expect(Set(rollUp.keys) == ["Phường Hàng Bông", "Phường Cửa Nam", ""])
        for centre in RandomDossiers.centres {
            var tally = PeriodTally(classifier: classifier)
            tally.add(contentsOf: counted.filter { $0.centre == centre })
            let figures = try t.store.periodFigures(classifier, centre: centre ?? "")
            #expect(figures == tally.figures, "\(centre ?? "none")")
            #expect(rollUp[centre ?? ""] == figures)
        }
        let total = rollUp.values.reduce(PeriodFigures(), +)
        #expect(total == (try t.store.periodFigures(classifier)))
        #expect(total.received > 0 && total.identitiesHold)
        // A centre's breakdown by field is that centre's share of the field rows.
        let byField = try t.store.periodFigures(classifier, by: .field, centre: "Phường Cửa Nam")
        #expect(byField.values.reduce(PeriodFigures(), +) == rollUp["Phường Cửa Nam"])
        #expect(try t.store.periodFigures(classifier, centre: "Phường Không Có") == PeriodFigures())
    }

    @Test(arguments: StoreBackend.all)
    func aDossierMovedToAnotherCentreIsAuditedAndCountedThere(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        var dossier = Fixtures.dossier("H1", centre: "Phường Hàng Bông")
        try t.store.upsert(Fixtures.records([dossier, Fixtures.dossier("H2")]), as: Fixtures.request)
        #expect(try t.store.dossier(dossier.key)?.centre == "Phường Hàng Bông")
        #expect(try t.store.dossier(Fixtures.dossier("H2").key)?.centre == nil)
        dossier.centre = "Phường Cửa Nam"
        try t.store.upsert(Fixtures.records([dossier]), as: Fixtures.request)
        #expect(try t.store.auditTrail(of: dossier.key).map(\.change)
                == [FieldChange(field: "centre", old: "Phường Hàng Bông", new: "Phường Cửa Nam")])
        #expect(try t.store.count(DossierQuery(centres: ["Phường Cửa Nam"])) == 1)
        #expect(try t.store.count(DossierQuery(centres: ["Phường Hàng Bông"])) == 0)
        #expect(try t.store.groupCount(DossierQuery(), by: .centre)
                == [GroupCount(key: "", count: 1), GroupCount(key: "Phường Cửa Nam", count: 1)])
    }
}
