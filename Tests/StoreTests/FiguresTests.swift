import DemoData
import Domain
import Foundation
import Testing
@testable import Store

/// The store's SQL figures must equal the domain's own classification of the same dossiers.
@Suite struct FiguresTests {
    static let time = CentreTime.vietnam

    static func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    /// Periods and as-of instants: a half year, a quarter, a month, one day; closed periods and
    /// interim ones (as of a mid-day instant, as of a date before the period's end).
    static let classifiers: [PeriodClassifier] = {
        let h1 = try! ReportingPeriod(from: day(2026, 1, 1), to: day(2026, 6, 30))
        let q4 = try! ReportingPeriod(from: day(2025, 10, 1), to: day(2025, 12, 31))
        let march = try! ReportingPeriod(from: day(2026, 3, 1), to: day(2026, 3, 31))
        let oneDay = try! ReportingPeriod(from: day(2026, 2, 2), to: day(2026, 2, 2))
        return [
            PeriodClassifier(period: h1), PeriodClassifier(period: q4), PeriodClassifier(period: march),
            PeriodClassifier(period: oneDay),
            PeriodClassifier(period: h1, asOf: Fixtures.at(2026, 3, 15, 10, 30).addingTimeInterval(15)),
            PeriodClassifier(period: march, asOf: Fixtures.at(2026, 4, 20)),
            PeriodClassifier(period: march, asOf: Fixtures.at(2026, 2, 20)),
        ]
    }()

    /// The primary of each link group by the documented rule (no priorities: source byte order).
    static func primaries(_ dossiers: [Dossier]) -> [Dossier] {
        Dictionary(grouping: dossiers, by: \.code).values.map { group in
            group.min { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }!
        }
    }

    /// Checks every classifier's total and breakdowns; returns the totals.
    @discardableResult
    static func expectEqualFigures(_ store: any DossierStore, _ dossiers: [Dossier],
                                   _ classifiers: [PeriodClassifier] = classifiers,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws -> [PeriodFigures] {
        let counted = primaries(dossiers)
        return try classifiers.map { classifier in
            var tally = PeriodTally(classifier: classifier, breakdowns: BreakdownDimension.allCases)
            tally.add(contentsOf: counted)
            let figures = try store.periodFigures(classifier)
            #expect(figures == tally.figures, "\(classifier.period) as of \(classifier.asOf)",
                    sourceLocation: sourceLocation)
            #expect(figures.identitiesHold, sourceLocation: sourceLocation)
            for dimension in BreakdownDimension.allCases {
                #expect(try store.periodFigures(classifier, by: dimension) == tally.breakdown(dimension)?.rows,
                        "\(classifier.period) by \(dimension)", sourceLocation: sourceLocation)
            }
            return figures
        }
    }

    @Test(arguments: StoreBackend.all, [1, 2, 3, 20_260_525] as [UInt64])
    func sqlFiguresEqualTheDomainOnRandomDossiers(_ backend: StoreBackend, seed: UInt64) throws {
        let dossiers = try RandomDossiers.make(count: 2000, seed: seed)
        for dossier in dossiers { try dossier.validate() }
        let t = try TemporaryStore(backend)
        try t.store.upsert(Fixtures.records(dossiers), as: Fixtures.request)
        let totals = try Self.expectEqualFigures(t.store, dossiers)
        // Every line of the figures is exercised, or the equality proves little.
        for counter in FigureCounter.stored {
            #expect(totals.contains { $0[counter] > 0 }, "\(counter) is never counted")
        }
    }

    @Test(arguments: StoreBackend.all, [7, 20_260_525] as [UInt64])
    func sqlFiguresEqualTheDomainOnDemoData(_ backend: StoreBackend, seed: UInt64) throws {
        let dossiers = Array(DemoDataset(dossiers: 4000, seed: seed))
        let t = try TemporaryStore(backend)
        try t.store.upsert(Fixtures.records(dossiers), as: Fixtures.request)
        try Self.expectEqualFigures(t.store, dossiers)
    }

    /// Section I of the seed report, rebuilt from the records of DemoData's seed scenario.
    @Test(arguments: StoreBackend.all)
    func theSeedScenarioGivesTheSeedReportsFigures(_ backend: StoreBackend) throws {
        let scenario = SeedScenario()
        let t = try TemporaryStore(backend)
        try t.store.upsert(Fixtures.records(scenario.dossiers), as: Fixtures.request)
        try t.store.upsertFeedback(scenario.feedback.map { FeedbackRecord($0) }, as: Fixtures.request)
        let classifier = PeriodClassifier(period: SeedScenario.period, asOf: scenario.asOf)
        let f = try t.store.periodFigures(classifier)
        #expect([f.received, f.carriedOver, f.newOnline, f.newInPerson, f.newPostal] == [4266, 69, 4152, 45, 0] as [Int])
        #expect([f.finished, f.early, f.onTime, f.late, f.refused, f.withdrawn] == [4160, 4029, 8, 11, 29, 83] as [Int])
        #expect([f.inProgress, f.withinLimit, f.overdue, f.supplementRequested] == [106, 93, 0, 13] as [Int])
        #expect([f.newOnlineDigitised, f.newOnlineDataReused] == [4098, 3456] as [Int])
        try Self.expectEqualFigures(t.store, scenario.dossiers, [classifier])

        // Feedback figures come from streaming the store's feedback through the domain.
        var tally = PeriodTally(classifier: classifier)
        try t.store.feedbackItems(received: nil).forEach { tally.add($0) }
        #expect(tally.feedback.received == 8 && tally.feedback.handledOnTime == 8)
    }

    @Test(arguments: StoreBackend.all)
    func sqlFiguresEqualTheDomainOnTheEdges(_ backend: StoreBackend) throws {
        let (from, to) = (Self.day(2026, 3, 1), Self.day(2026, 3, 31))
        let start = Self.time.startOfDay(from)
        let end = Self.time.startOfDay(to.adding(days: 1))
        let ms = 0.001
        var edges: [Dossier] = []
        func add(_ code: String, received: Date, due: Date?, status: DossierStatus = .processing,
                 finished: Date? = nil, history: [(DossierStatus, Date)] = [], source: String = "motcua") {
            var d = Fixtures.dossier(code, source: source, received: received, status: .received)
            d.history = history.map { StatusChange(status: $0.0, at: $0.1) }
            d.status = status
            d.dueAt = due
            d.finishedAt = finished
            edges.append(d)
        }
        add("received-at-start", received: start, due: end)
        add("received-just-before-start", received: start - ms, due: end)
        add("finished-at-start", received: start - 86_400, due: start, status: .resolved, finished: start)
        add("finished-just-before-start", received: start - 86_400, due: start, status: .resolved, finished: start - ms)
        add("received-last-instant", received: end - ms, due: end + 86_400)
        add("received-at-end", received: end, due: end + 86_400)
        add("due-on-to", received: start, due: end - 3600)
        add("due-day-before-to", received: start, due: end - 86_400 - 3600)
        add("finished-on-due-day", received: start, due: start + 10 * 86_400, status: .resolved,
            finished: start + 10 * 86_400 + 7200)
        add("finished-day-before-due", received: start, due: start + 10 * 86_400, status: .resolved,
            finished: start + 9 * 86_400 + 7200)
        add("finished-day-after-due", received: start, due: start + 10 * 86_400, status: .returned,
            finished: start + 11 * 86_400)
        add("finished-without-due", received: start, due: nil, status: .resolved, finished: start + 86_400)
        add("open-without-due", received: start, due: nil)
        add("refused-late", received: start, due: start, status: .refused, finished: start + 5 * 86_400)
        add("withdrawn", received: start, due: start, status: .withdrawn, finished: start + 86_400)
        add("supplement-at-end-resolved-after", received: start, due: start + 86_400, status: .resolved,
            finished: end + 86_400, history: [(.received, start), (.processing, start + 60),
                                               (.supplementRequested, end - 86_400), (.processing, end),
                                               (.resolved, end + 86_400)])
        add("history-entry-at-end", received: start, due: start + 86_400, status: .supplementRequested,
            history: [(.received, start), (.processing, start + 60), (.supplementRequested, end)])
        add("no-history-supplement", received: start, due: start + 86_400, status: .supplementRequested)
        add("no-history-awaiting-payment", received: start, due: start + 86_400, status: .awaitingPayment)
        add("no-history-finished-later", received: start, due: start + 86_400, status: .resolved, finished: end + 60)
        add("linked-copy", received: start, due: start, status: .refused, finished: start + 60,
            history: [], source: "dvcqg")
        add("linked-copy", received: start, due: start, source: "motcua")
        var apologised = Fixtures.dossier("apologised", received: start, status: .processing)
        apologised.apologyDueAt = apologised.dueAt!.addingTimeInterval(86_400)
        edges.append(apologised)

        let t = try TemporaryStore(backend)
        try t.store.upsert(Fixtures.records(edges), as: Fixtures.request)
        let period = try ReportingPeriod(from: from, to: to)
        let middle = start + 15 * 86_400 + 36_000
        try Self.expectEqualFigures(t.store, edges, [
            PeriodClassifier(period: period),
            PeriodClassifier(period: period, asOf: end - ms),
            PeriodClassifier(period: period, asOf: end - 86_400),
            PeriodClassifier(period: period, asOf: middle),
            PeriodClassifier(period: period, asOf: start),
            PeriodClassifier(period: period, asOf: start - 1),
            PeriodClassifier(period: period, asOf: end + 30 * 86_400),
        ])
    }

    @Test(arguments: StoreBackend.all)
    func aClassifierInAnotherZoneIsRefused(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let period = try ReportingPeriod(from: Self.day(2026, 1, 1), to: Self.day(2026, 1, 31))
        let classifier = PeriodClassifier(period: period, time: CentreTime(utcOffsetSeconds: 0))
        #expect(throws: StoreError.centreTimeMismatch(location: t.store.location, stored: 25_200, requested: 0)) {
            try t.store.periodFigures(classifier)
        }
    }

    @Test(arguments: StoreBackend.all)
    func theCatalogueKeepsTheLastReportedProcedures(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        var renamed = Fixtures.dossier("H2")
        renamed.procedure.name = "Đăng ký khai sinh (mới)"
        try t.store.upsert(Fixtures.records([Fixtures.dossier("H1")]), as: Fixtures.request)
        try t.store.upsert(Fixtures.records([renamed]), as: Fixtures.request)
        #expect(try t.store.procedures() == [renamed.procedure])
        #expect(try t.store.dossier(Fixtures.dossier("H1").key)?.procedure == Fixtures.birth)
    }
}
