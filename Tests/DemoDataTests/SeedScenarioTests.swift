import Foundation
import Testing
import Domain
@testable import DemoData

@Suite("The seed report's figures, rebuilt from records")
struct SeedScenarioTests {
    static let scenario = SeedScenario()

    func tally(_ layout: [BreakdownDimension] = []) -> PeriodTally {
        var tally = PeriodTally(classifier: PeriodClassifier(period: SeedScenario.period), breakdowns: layout)
        tally.add(contentsOf: Self.scenario.dossiers)
        tally.add(contentsOf: Self.scenario.feedback)
        return tally
    }

    @Test("Section I.1: 4.266 received = 69 carried over + 4.152 online + 45 in person")
    func received() {
        let f = tally().figures
        #expect(f.received == 4266)
        #expect(f.carriedOver == 69 && f.newOnline == 4152 && f.newInPerson == 45 && f.newPostal == 0)
    }

    @Test("Section I.1: 4.160 finished = 4.029 early + 8 on time + 11 late + 29 refused + 83 withdrawn")
    func finished() {
        let f = tally().figures
        #expect(f.finished == 4160)
        #expect(f.early == 4029 && f.onTime == 8 && f.late == 11 && f.refused == 29 && f.withdrawn == 83)
    }

    @Test("Section I.1: 106 in progress = 93 within the limit + 13 supplement requested, none overdue")
    func inProgress() {
        let f = tally().figures
        #expect(f.inProgress == 106)
        #expect(f.withinLimit == 93 && f.supplementRequested == 13 && f.overdue == 0 && f.awaitingPayment == 0)
        #expect(f.identitiesHold)
    }

    @Test("Rates as the seed prints them: 98.7%, 83.24%, 100%")
    func rates() {
        let t = tally()
        let values = Dictionary(uniqueKeysWithValues: t.indicators().map { ($0.id, $0) })
        #expect(values["digitisation"] == IndicatorValue(id: "digitisation", numerator: 4098, denominator: 4152))
        #expect(values["data_reuse"] == IndicatorValue(id: "data_reuse", numerator: 3456, denominator: 4152))
        let seedStyle = VietnameseFormat(decimalMark: .point)
        #expect(seedStyle.percent(values["digitisation"]!) == "98.7%")
        #expect(seedStyle.percent(values["data_reuse"]!) == "83.24%")
        #expect(seedStyle.percent(values["online_payment"]!) == "100%")
        #expect(values["online_payment"]!.denominator > 0)
        #expect(VietnameseFormat().integer(t.figures.received) == "4.266")
    }

    @Test("Section I.3: 08 feedback records received, all handled on time")
    func feedback() {
        let f = tally().feedback
        #expect(f.received == 8 && f.handled == 8 && f.handledOnTime == 8 && f.open == 0 && f.carriedOver == 0)
    }

    @Test("Every record is valid, its due date is the calendar's, and none carries a cell")
    func records() throws {
        let deadlines = Self.scenario.deadlines
        for d in Self.scenario.dossiers {
            try d.validate()
            #expect(d.dueAt == deadlines.dueAt(replaying: d), "\(d.key)")
            #expect(d.history.allSatisfy { $0.at <= Self.scenario.asOf })
        }
        for f in Self.scenario.feedback { try f.validate() }
        let keys = Set(Self.scenario.dossiers.map(\.key))
        #expect(keys.count == Self.scenario.dossiers.count)
    }

    @Test("It is a ward's mix: household business, birth registration, land, apologies, holidays")
    func realistic() {
        let t = tally([.source, .procedure, .field])
        let sources = t.breakdown(.source)!
        #expect(Set(sources.rows.keys) == ["motcua", "dvcqg", "dkkd", "hotich"])
        #expect(sources.rows["dkkd"]!.received > 100)
        #expect(t.breakdown(.procedure)!.rows["1.001193"]!.received > 0)
        #expect(t.breakdown(.field)!.rows["Đất đai"]!.received > 0)
        for b in t.breakdowns { #expect(b.total == t.figures) }
        #expect(t.figures.apologised > 0 && t.figures.apologised <= 11)
        let time = CentreTime.vietnam, calendar = WorkingCalendar.vietnam
        let onDaysOff = Self.scenario.dossiers.filter { !calendar.isWorkingDay(time.localDate($0.receivedAt)) }
        #expect(Self.scenario.dossiers.contains { $0.history.contains { $0.status == .supplementRequested } })
        #expect(onDaysOff.isEmpty || onDaysOff.allSatisfy { $0.channel == .online })
    }

    @Test("The same seed writes the same records")
    func deterministic() {
        #expect(SeedScenario().dossiers == Self.scenario.dossiers)
    }
}
