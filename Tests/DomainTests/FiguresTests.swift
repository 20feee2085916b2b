import Foundation
import Testing
import Domain

@Suite("Figures, layouts, indicators")
struct FiguresTests {
    /// One dossier of every cell, through the real classifier.
    func sample() throws -> [Dossier] {
        [
            try dossier("a", received: "29/12/2025 09:00", changes: [(.processing, "29/12/2025 09:00"), (.resolved, "05/01/2026 10:00")]),
            try dossier("b", received: "04/05/2026 09:00", channel: .inPerson, changes: [(.processing, "04/05/2026 09:00"), (.resolved, "11/05/2026 10:00")]),
            try dossier("c", received: "04/05/2026 09:00", changes: [(.processing, "04/05/2026 09:00"), (.resolved, "12/05/2026 10:00")]),
            try dossier("d", received: "04/05/2026 09:00", channel: .postal, changes: [(.refused, "05/05/2026 10:00")]),
            try dossier("e", received: "04/05/2026 09:00", changes: [(.withdrawn, "05/05/2026 10:00")]),
            try dossier("f", received: "20/05/2026 09:00"),
            try dossier("g", received: "04/05/2026 09:00"),
            try dossier("h", received: "04/05/2026 09:00", changes: [(.supplementRequested, "05/05/2026 10:00")]),
            try dossier("i", received: "20/05/2026 09:00", changes: [(.processing, "20/05/2026 10:00"), (.awaitingPayment, "21/05/2026 10:00")]),
            try dossier("j", received: "26/05/2026 09:00"),
        ]
    }

    @Test("Every cell is counted once and the identities hold")
    func everyCell() throws {
        var tally = PeriodTally(classifier: PeriodClassifier(period: seedPeriod))
        tally.add(contentsOf: try sample())
        let f = tally.figures
        #expect(f.received == 9 && f.carriedOver == 1 && f.newOnline == 6 && f.newInPerson == 1 && f.newPostal == 1)
        #expect(f.finished == 5 && f.early == 1 && f.onTime == 1 && f.late == 1 && f.refused == 1 && f.withdrawn == 1)
        #expect(f.inProgress == 4 && f.withinLimit == 1 && f.overdue == 1 && f.supplementRequested == 1 && f.awaitingPayment == 1)
        #expect(f.identitiesHold)
        #expect(tally.dossiersNotCounted == 1)
    }

    @Test("The provincial layout files withdrawn as on time and stopped clocks as within limit")
    func provincial() throws {
        var tally = PeriodTally(classifier: PeriodClassifier(period: seedPeriod))
        tally.add(contentsOf: try sample())
        let p = tally.figures.arranged(as: .provincial)
        #expect(p.onTime == 2 && p.withdrawn == 0 && p.withinLimit == 3 && p.clockStopped == 0)
        #expect(p.identitiesHold && p.received == tally.figures.received)
        #expect(tally.figures.arranged(as: .seed) == tally.figures)
    }

    @Test("A broken identity is written out with its numbers")
    func violations() {
        let f = PeriodFigures(counts: [.received: 3, .carriedOver: 1, .newOnline: 1, .finished: 3, .early: 3])
        #expect(f.identityViolations == ["received 3 ≠ carried over 1 + online 1 + in person 0 + postal 0"])
    }

    @Test("Figures encode by counter name and decode back")
    func codable() throws {
        var tally = PeriodTally(classifier: PeriodClassifier(period: seedPeriod))
        tally.add(contentsOf: try sample())
        let data = try JSONEncoder().encode(tally.figures)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"carried_over\":1") && text.contains("\"supplement_requested\":1"))
        #expect(try JSONDecoder().decode(PeriodFigures.self, from: data) == tally.figures)
        let counts = Dictionary(uniqueKeysWithValues: FigureCounter.stored.map { ($0, tally.figures[$0]) })
        #expect(PeriodFigures(counts: counts) == tally.figures)
    }

    @Test("Breakdowns: one row per value and a total equal to the whole")
    func breakdowns() throws {
        var tally = PeriodTally(classifier: PeriodClassifier(period: seedPeriod),
                                breakdowns: BreakdownDimension.allCases)
        tally.add(contentsOf: try sample())
        for b in tally.breakdowns { #expect(b.total == tally.figures) }
        let channel = try #require(tally.breakdown(.channel))
        #expect(channel.orderedKeys == ["online", "in_person", "postal"])
        #expect(channel.labels["in_person"] == "Trực tiếp")
        #expect(tally.breakdown(.procedure)?.labels["1.001193"] == "Đăng ký khai sinh")
    }

    @Test("The seed's rates: 4,098 ÷ 4,152 is 98.7%, 3,456 ÷ 4,152 is 83.24%")
    func seedRates() {
        let f = PeriodFigures(counts: [.newOnline: 4152, .newOnlineDigitised: 4098, .newOnlineDataReused: 3456,
                                       .newOnlineFeePayable: 310, .newOnlinePaidOnline: 310])
        let values = ServiceIndicator.defaults.map { $0.evaluate(f) }
        let comma = VietnameseFormat(), point = VietnameseFormat(decimalMark: .point)
        #expect(values.map { comma.percent($0) } == ["98,7%", "83,24%", "100%", "100%", "0%", nil])
        #expect(point.percent(values[0]) == "98.7%")
        #expect(values[0].basisPoints == 9870 && values[0].percent == 98.7)
    }

    @Test("A centre's own indicator from data")
    func customIndicator() throws {
        let json = #"{"id":"digitised_all","nameVi":"Tỷ lệ số hóa","nameEn":"Digitisation","definitionVi":"…","definitionEn":"…","numerator":["new_digitised"],"denominator":["new"]}"#
        let indicator = try JSONDecoder().decode(ServiceIndicator.self, from: Data(json.utf8))
        let f = PeriodFigures(counts: [.newOnline: 2, .newInPerson: 1, .newDigitised: 2])
        #expect(indicator.evaluate(f) == IndicatorValue(id: "digitised_all", numerator: 2, denominator: 3))
        #expect(VietnameseFormat().percent(indicator.evaluate(f)) == "66,67%")
    }
}
