import Domain
import Foundation
import PostgresStore
import Testing
@testable import Store

/// `hostrun db copy`: a ward's SQLite file copied into PostgreSQL gives the same dossiers and
/// the same report.
@Suite struct StoreCopierTests {
    @Test(arguments: StoreBackend.servers)
    func aCopyHoldsTheSameDossiersAndGivesTheSameFigures(_ backend: StoreBackend) throws {
        let file = try TemporaryStore(.sqlite)
        var dossiers = try RandomDossiers.make(count: 900, seed: 7)
        for i in dossiers.indices where i % 5 == 0 { dossiers[i].centre = nil }
        try file.store.setSourcePriority(["hotich"], as: Fixtures.request)
        try file.store.upsert(Fixtures.records(dossiers), as: Fixtures.request)
        let feedback = Feedback(key: DossierKey(source: "pakn", code: "PA-1"), subject: "Chậm trả kết quả",
                                receivedAt: Fixtures.at(2026, 3, 2), dueAt: Fixtures.at(2026, 3, 16), status: .processing)
        try file.store.upsertFeedback([FeedbackRecord(feedback)], as: Fixtures.request)
        let server = try TemporaryStore(backend)

        var lines: [String] = []
        let copier = StoreCopier(source: file.store, target: server.store, batchSize: 250, centre: "Phường Mới",
                                 progress: { lines.append($0) })
        let result = try copier.run()
        #expect(result.dossiers == dossiers.count && result.inserted == dossiers.count && result.feedback == 1)
        #expect(lines.last == "\(dossiers.count) of \(dossiers.count) dossiers")

        var copied: [Dossier] = []
        try server.store.forEach(DossierQuery(scope: .all, includeHistory: true)) { copied.append($0) }
        let expected = dossiers.map { d in
            var d = d
            if d.centre == nil { d.centre = "Phường Mới" }
            return d
        }
        #expect(copied == expected.sorted { $0.key < $1.key })
        #expect(try server.store.sourcePriority().first?.source == "hotich")
        #expect(try server.store.feedback(feedback.key) == feedback)
        let period = try ReportingPeriod(from: FiguresTests.day(2026, 1, 1), to: FiguresTests.day(2026, 6, 30))
        for dimension in [BreakdownDimension.field, .department] {
            #expect(try server.store.periodFigures(PeriodClassifier(period: period), by: dimension)
                    == file.store.periodFigures(PeriodClassifier(period: period), by: dimension))
        }

        // Run again: everything is already there.
        let again = try StoreCopier(source: file.store, target: server.store, batchSize: 250, centre: "Phường Mới").run()
        #expect(again.unchanged == dossiers.count && again.inserted == 0)
    }
}
