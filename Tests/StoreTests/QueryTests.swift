import Domain
import Foundation
import Testing
@testable import Store

/// Each query is checked against a plain Swift filter over the same dossiers.
@Suite struct QueryTests {
    static let dossiers = try! RandomDossiers.make(count: 600, seed: 20_260_105)
    static let time = CentreTime.vietnam

    /// The primary of each code by the documented rule with no priorities: source byte order.
    static let primaries: Set<DossierKey> = Set(Dictionary(grouping: dossiers, by: \.code).values.map { group in
        group.map(\.key).min { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }!
    })

    static let queries: [(String, DossierQuery)] = {
        let jan1 = LocalDate(year: 2026, month: 1, day: 1)!
        let mar31 = LocalDate(year: 2026, month: 3, day: 31)!
        return [
            ("everything", DossierQuery()),
            ("all sources", DossierQuery(scope: .all)),
            ("received in Q1", DossierQuery(received: jan1...mar31)),
            ("finished in Q1", DossierQuery(finished: jan1...mar31)),
            ("due before/after", DossierQuery(dueBefore: mar31, dueAfter: jan1)),
            ("open on 1 Jan", DossierQuery(openOn: jan1)),
            ("overdue as of 1 Jan", .overdue(asOf: jan1)),
            ("statuses", DossierQuery(statuses: [.refused, .withdrawn])),
            ("no status", DossierQuery(statuses: [])),
            ("channel", DossierQuery(channels: [.postal])),
            ("field and department", DossierQuery(fields: ["Hộ tịch", "Đất đai"], departments: ["Phòng Kinh tế"])),
            ("source over all", DossierQuery(scope: .all, sources: ["hotich"])),
            ("procedure", DossierQuery(procedureCodes: ["2.000908"])),
            ("centre or none", DossierQuery(centres: ["Phường Cửa Nam", ""])),
            ("name without marks", DossierQuery(applicantName: "nguyen van")),
            ("name with other case", DossierQuery(applicantName: "ĐỨC")),
            ("name with a LIKE wildcard", DossierQuery(applicantName: "100%")),
            ("combined", DossierQuery(received: jan1...mar31, statuses: [.processing, .supplementRequested],
                                      channels: [.online, .inPerson], applicantName: "thi")),
        ]
    }()

    static func matches(_ d: Dossier, _ q: DossierQuery) -> Bool {
        func day(_ date: Date?) -> LocalDate? { date.map(time.localDate) }
        let received = time.localDate(d.receivedAt)
        if q.scope == .primary && !primaries.contains(d.key) { return false }
        if let r = q.received, !r.contains(received) { return false }
        if let r = q.finished { guard let f = day(d.finishedAt), r.contains(f) else { return false } }
        if let b = q.dueBefore { guard let due = day(d.dueAt), due < b else { return false } }
        if let a = q.dueAfter { guard let due = day(d.dueAt), due > a else { return false } }
        if let o = q.openOn {
            if received > o { return false }
            if let f = day(d.finishedAt), f <= o { return false }
        }
        if let s = q.statuses, !s.contains(d.status) { return false }
        if let c = q.channels, !c.contains(d.channel) { return false }
        if let f = q.fields, !f.contains(d.procedure.field) { return false }
        if let dep = q.departments, !dep.contains(d.department) { return false }
        if let s = q.sources, !s.contains(d.source) { return false }
        if let p = q.procedureCodes, !p.contains(d.procedure.code) { return false }
        if let c = q.centres, !c.contains(d.centre ?? "") { return false }
        if let n = q.applicantName {
            guard let name = d.applicant.name, VietnameseText.fold(name).contains(VietnameseText.fold(n))
            else { return false }
        }
        return true
    }

    static func loaded(_ backend: StoreBackend) throws -> TemporaryStore {
        let t = try TemporaryStore(backend)
        try t.store.upsert(Fixtures.records(dossiers), as: Fixtures.request)
        return t
    }

    @Test(arguments: StoreBackend.all)
    func everyFilterSelectsWhatThePlainFilterSelects(_ backend: StoreBackend) throws {
        let t = try Self.loaded(backend)
        for (name, query) in Self.queries {
            let expected = Self.dossiers.filter { Self.matches($0, query) }
            var listed: [Dossier] = []
            var withHistory = query
            withHistory.includeHistory = true
            try t.store.forEach(withHistory) { listed.append($0) }
            // Compared in key order (orders have their own test), keys first for a readable failure.
            listed.sort { $0.key < $1.key }
            #expect(listed.map(\.key) == expected.map(\.key), "\(name)")
            #expect(listed == expected, "\(name): same keys, different values")
            #expect(try t.store.count(query) == expected.count, "\(name)")
            #expect(!expected.isEmpty || name == "no status", "\(name) selects nothing: a weak test")
        }
    }

    @Test(arguments: StoreBackend.all)
    func groupCountsMatchEveryDimension(_ backend: StoreBackend) throws {
        let t = try Self.loaded(backend)
        let query = Self.queries[2].1
        let selected = Self.dossiers.filter { Self.matches($0, query) }
        for dimension in BreakdownDimension.allCases {
            let expected = Dictionary(grouping: selected, by: dimension.key(of:))
                .map { GroupCount(key: $0.key, count: $0.value.count) }
                .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            #expect(try t.store.groupCount(query, by: dimension) == expected, "\(dimension)")
        }
    }

    /// Every order, both directions.
    static let orders: [(DossierOrder, Bool)] = DossierOrder.allCases.filter { $0 != .unordered }
        .flatMap { order in [false, true].map { (order, $0) } }

    @Test(arguments: StoreBackend.all, orders)
    func ordersAreTotalAndPutUnknownDatesLast(_ backend: StoreBackend, order: (DossierOrder, Bool)) throws {
        let (order, descending) = order
        let t = try Self.loaded(backend)
        let query = DossierQuery(scope: .all, order: order, descending: descending, limit: 250)
        func value(_ d: Dossier) -> Date? {
            switch order {
            case .receivedAt: d.receivedAt
            case .dueAt: d.dueAt
            case .finishedAt: d.finishedAt
            case .key, .unordered: nil
            }
        }
        let sorted = Self.dossiers.sorted { a, b in
            let (va, vb) = (value(a), value(b))
            if va != vb {
                guard let va else { return false }
                guard let vb else { return true }
                return descending ? va > vb : va < vb
            }
            return descending ? b.key < a.key : a.key < b.key
        }
        var listed: [DossierKey] = []
        try t.store.forEach(query) { listed.append($0.key) }
        #expect(listed == Array(sorted.prefix(250)).map(\.key))
    }

    @Test(arguments: StoreBackend.all)
    func unorderedSelectsTheSameSet(_ backend: StoreBackend) throws {
        let t = try Self.loaded(backend)
        var listed: Set<DossierKey> = []
        try t.store.forEach(DossierQuery(scope: .all, order: .unordered)) { listed.insert($0.key) }
        #expect(listed == Set(Self.dossiers.map(\.key)))
    }

    @Test(arguments: StoreBackend.all)
    func historyComesOnlyWhenAsked(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let dossier = Fixtures.dossier("H1")
        try #require(!dossier.history.isEmpty)
        try t.store.upsert(Fixtures.records([dossier]), as: Fixtures.request)
        var plain: [Dossier] = []
        try t.store.forEach(DossierQuery()) { plain.append($0) }
        var full: [Dossier] = []
        try t.store.forEach(DossierQuery(includeHistory: true)) { full.append($0) }
        #expect(plain.first?.history == [] && full == [dossier])
    }
}
