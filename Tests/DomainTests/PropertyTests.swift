import Foundation
import PropertyBased
import Testing
import Domain

/// What becomes of a random dossier; `steps` working days after receipt.
struct Recipe: Sendable, CustomStringConvertible {
    var receivedDay: Int      // days after 01/10/2025
    var minute: Int           // local minute of day of receipt
    var channel: Int
    var limit: Int            // 0 none, 1…15 working days, 16…23 working hours (1…8)
    var fate: Int             // see `build`
    var steps: Int
    var flags: Int

    var description: String {
        "day+\(receivedDay) \(minute / 60):\(minute % 60) ch\(channel) limit\(limit) fate\(fate) steps\(steps) flags\(flags)"
    }

    static let gen = zip(Gen.int(in: 0...330), Gen.int(in: 0...1439), Gen.int(in: 0...2),
                         Gen.int(in: 0...23), Gen.int(in: 0...8), Gen.int(in: 0...30), Gen.int(in: 0...63))
        .map { Recipe(receivedDay: $0, minute: $1, channel: $2, limit: $3, fate: $4, steps: $5, flags: $6) }

    /// A valid dossier, its due date computed by the calendar and replayed through its history.
    func build(_ index: Int) throws -> Dossier {
        let time = CentreTime.vietnam
        let limit: TimeLimit? = limit == 0 ? nil : limit <= 15 ? .workingDays(limit) : .workingHours(limit - 15)
        let fields = ["Hộ tịch", "Chứng thực", "Đất đai", "Hộ kinh doanh"]
        let p = Procedure(code: "P\(limit.map { "\($0)" } ?? "-")", name: "Thủ tục", field: fields[index % 4],
                          timeLimit: limit, afternoonCutoff: flags & 32 != 0 ? LocalTime(hour: 15) : nil)
        let received = time.instant(day(2025, 10, 1).adding(days: receivedDay), LocalTime(minuteOfDay: minute))
        var d = Dossier(key: DossierKey(source: ["motcua", "dvcqg"][index % 2], code: "R\(index)"),
                        procedure: p, department: ["VP", "KT"][(index / 2) % 2],
                        channel: Channel.allCases[channel], fullyOnline: channel == 0 && flags & 1 != 0,
                        receivedAt: received, dueAt: deadlines.dueAt(for: p, receivedAt: received),
                        status: .received, digitised: flags & 2 != 0, dataReused: flags & 4 != 0,
                        feePayable: flags & 8 != 0, paidOnline: flags & 24 == 24)
        /// An office-hours instant `n` working days after receipt (0: an hour after it).
        func later(_ n: Int) -> Date {
            let start = calendar.workingDay(onOrAfter: time.localDate(d.receivedAt))
            return max(d.history.last?.at ?? d.receivedAt,
                       n == 0 ? d.receivedAt.addingTimeInterval(3600)
                              : time.instant(calendar.workingDay(n, after: start), LocalTime(hour: 10)!))
        }
        func go(_ status: DossierStatus, _ n: Int) throws { try d.append(StatusChange(status: status, at: later(n))) }
        switch fate {
        case 0: break
        case 1: try go(.processing, 0)
        case 2: try go(.processing, 0); try go(.resolved, steps)
        case 3: try go(.processing, 0); try go(.resolved, steps / 2); try go(.returned, steps)
        case 4: try go(.refused, steps)
        case 5: try go(.supplementRequested, steps / 3); try go(.withdrawn, steps)
        case 6: try go(.supplementRequested, steps / 3)
        case 7: try go(.supplementRequested, steps / 3); try go(.processing, steps / 2); try go(.resolved, steps)
        default: try go(.processing, 0); try go(.awaitingPayment, steps / 2)
        }
        d.dueAt = deadlines.dueAt(replaying: d)
        if flags & 16 != 0, let due = d.dueAt { d.apologyDueAt = due.addingTimeInterval(3 * 86_400) }
        try d.validate()
        return d
    }
}

@Suite("Properties of the figures over random dossier sets")
struct PropertyTests {
    static let periods = zip(Gen.int(in: 0...300), Gen.int(in: 0...150), Gen.int(in: -1...160))

    @Test("Identities hold, each dossier has one cell, breakdowns sum to the whole")
    func identities() async {
        await propertyCheck(count: 150, input: Recipe.gen.array(of: 0...80), Self.periods) { recipes, period in
            let dossiers = try! recipes.enumerated().map { try $1.build($0) }
            let from = day(2025, 10, 1).adding(days: period.0)
            let range = try! ReportingPeriod(from: from, to: from.adding(days: period.1))
            let asOf = period.2 < 0 ? nil
                : CentreTime.vietnam.instant(range.from.adding(days: period.2), LocalTime(hour: 12)!)
            let classifier = PeriodClassifier(period: range, asOf: asOf)
            var tally = PeriodTally(classifier: classifier, breakdowns: BreakdownDimension.allCases)
            var counted = 0
            for d in dossiers {
                let placement = tally.add(d)
                // Independent oracle of "counts in the period".
                let cut = asOf ?? CentreTime.vietnam.startOfDay(range.to.adding(days: 1))
                let start = CentreTime.vietnam.startOfDay(range.from)
                let shouldCount = d.receivedAt <= cut && d.receivedAt < CentreTime.vietnam.startOfDay(range.to.adding(days: 1))
                    && !(d.finishedAt.map { $0 < start && $0 <= cut } ?? false)
                #expect((placement != nil) == shouldCount, "\(d.key) \(range)")
                if let placement {
                    counted += 1
                    var one = PeriodFigures()
                    one.add(placement, of: d)
                    let intakes = one.carriedOver + one.new
                    let outcomes = one.early + one.onTime + one.late + one.refused + one.withdrawn
                        + one.withinLimit + one.overdue + one.clockStopped
                    #expect(intakes == 1 && outcomes == 1 && one.identitiesHold)
                }
            }
            let f = tally.figures
            #expect(f.identityViolations == [])
            #expect(f.received == counted)
            #expect(f.arranged(as: .provincial).identitiesHold)
            for b in tally.breakdowns { #expect(b.total == f, "\(b.dimension)") }

            // Split anywhere, tally separately, add: the same figures.
            var first = PeriodTally(classifier: classifier), second = PeriodTally(classifier: classifier)
            first.add(contentsOf: dossiers.prefix(dossiers.count / 2))
            second.add(contentsOf: dossiers.dropFirst(dossiers.count / 2))
            #expect(first.figures + second.figures == f)
        }
    }

    @Test("Due dates land on working days, never before receipt, and standings agree with cells")
    func dueDates() async {
        await propertyCheck(count: 200, input: Recipe.gen) { recipe in
            let d = try! recipe.build(0)
            guard let due = d.dueAt else { return }
            let time = CentreTime.vietnam
            #expect(calendar.isWorkingDay(time.localDate(due)))
            #expect(due > d.receivedAt)
            if case .workingDays(let n) = d.procedure.timeLimit, d.history.isEmpty {
                let counting = deadlines.countingDay(receivedAt: d.receivedAt, cutoff: d.procedure.afternoonCutoff)
                #expect(calendar.workingDays(from: counting, to: time.localDate(due)) == n)
            }
            let end = time.startOfDay(day(2026, 9, 1))
            let standing = deadlines.standing(of: d, at: end.addingTimeInterval(-1))
            let cell = PeriodClassifier(period: try! ReportingPeriod(from: day(2025, 10, 1), to: day(2026, 8, 31)))
                .placement(of: d)!
            let expected: [Outcome: DeadlineStanding.State] = [
                .early: .early, .onTime: .onTime, .late: .late, .refused: .refused, .withdrawn: .withdrawn,
                .withinLimit: .running, .overdue: .overdue, .supplementRequested: .clockStopped,
                .awaitingPayment: .clockStopped,
            ]
            #expect(standing.state == expected[cell.outcome], "\(recipe)")
        }
    }
}
