import Foundation
import Testing
import Domain
@testable import DemoData

@Suite("Demo dataset")
struct DemoDatasetTests {
    static let dataset = DemoDataset(dossiers: 3000, seed: 42)
    static let dossiers = Array(dataset)

    @Test("Deterministic: the same seed gives the same records, another seed others")
    func deterministic() {
        #expect(Array(DemoDataset(dossiers: 3000, seed: 42)) == Self.dossiers)
        #expect(Array(DemoDataset(dossiers: 300, seed: 43)).map(\.key) != Array(Self.dossiers.prefix(300)).map(\.key))
    }

    @Test("Exactly N dossiers, in order of receipt, with unique keys, within the window")
    func shape() {
        let d = Self.dossiers
        #expect(d.count == 3000)
        #expect(zip(d, d.dropFirst()).allSatisfy { $0.receivedAt <= $1.receivedAt })
        #expect(Set(d.map(\.key)).count == d.count)
        let time = CentreTime.vietnam
        #expect(d.allSatisfy { time.localDate($0.receivedAt) >= Self.dataset.from
                               && time.localDate($0.receivedAt) <= Self.dataset.through })
    }

    @Test("Every dossier is valid and its due date is the calendar's")
    func valid() throws {
        let deadlines = Self.dataset.deadlines
        for d in Self.dossiers {
            try d.validate()
            #expect(d.dueAt == deadlines.dueAt(replaying: d), "\(d.key)")
            #expect(d.history.allSatisfy { $0.at <= Self.dataset.asOf })
        }
    }

    @Test("A ward's proportions: mostly online, few refusals and withdrawals, mostly early")
    func proportions() {
        var tally = PeriodTally(classifier: PeriodClassifier(period: try! ReportingPeriod(
            from: LocalDate(year: 2025, month: 7, day: 1)!, to: LocalDate(year: 2026, month: 5, day: 25)!)),
                                breakdowns: [.source, .field])
        tally.add(contentsOf: Self.dossiers)
        let f = tally.figures
        #expect(f.received == 3000 && f.identitiesHold)
        #expect(Double(f.newOnline) / Double(f.new) > 0.9)
        #expect(f.refused > 0 && Double(f.refused) / 3000 < 0.02)
        #expect(f.withdrawn > 0 && Double(f.withdrawn) / 3000 < 0.05)
        #expect(f.early > f.onTime && f.late > 0 && f.late < 60)
        #expect(f.supplementRequested + f.withinLimit > 0)
        #expect(Set(tally.breakdown(.source)!.rows.keys) == ["motcua", "dvcqg", "dkkd", "hotich"])
        #expect(tally.breakdown(.field)!.rows.count >= 6)
        let withHolidayReceipt = Self.dossiers.filter { !WorkingCalendar.vietnam.isWorkingDay(CentreTime.vietnam.localDate($0.receivedAt)) }
        #expect(!withHolidayReceipt.isEmpty && withHolidayReceipt.allSatisfy { $0.channel == .online })
    }

    @Test("Applicants are Vietnamese, with 12-digit identity numbers")
    func applicants() {
        for d in Self.dossiers.prefix(200) {
            let name = d.applicant.name ?? ""
            #expect(name.split(separator: " ").count == 3)
            #expect(d.applicant.identityNumber?.count == 12)
            #expect(d.applicant.phone?.count == 10)
            #expect(name == VietnameseText.nfc(name))
        }
    }

    @Test("Lazy: the first records of a million-dossier dataset come without generating the rest")
    func lazy() {
        let big = DemoDataset(dossiers: 1_000_000, seed: 7)
        let first = Array(big.prefix(5))
        #expect(first.count == 5)
        #expect(first.map(\.key) == Array(DemoDataset(dossiers: 1_000_000, seed: 7).prefix(5)).map(\.key))
    }

    @Test("Feedback: about one per 500 dossiers, valid, deterministic")
    func feedback() throws {
        let records = Array(Self.dataset.feedback)
        #expect(records.count == 6)
        for r in records { try r.validate() }
        #expect(records == Array(DemoDataset(dossiers: 3000, seed: 42).feedback))
    }
}
