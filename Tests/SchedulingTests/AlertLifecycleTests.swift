import Domain
import Foundation
import Scheduling
import Testing

/// A few dossiers with due dates, and the day (if any) their result was returned.
struct Dossier: Sendable {
    let code: String
    let department: String
    let due: LocalDate
    let finished: Date?
}

let dossiers = [
    Dossier(code: "HS-001", department: "Phòng Tư pháp", due: date(2026, 4, 29),
            finished: local(2026, 5, 5, 10, 0)),
    Dossier(code: "HS-002", department: "Phòng Kinh tế", due: date(2026, 5, 4), finished: nil),
    Dossier(code: "HS-003", department: "Phòng Nội vụ", due: date(2026, 5, 6),
            finished: local(2026, 5, 5, 9, 0)),
]

/// The overdue check as a Lua plugin would compute it, as of the run's scheduled time.
func overdueCheck(_ context: JobContext) throws -> CheckResult {
    let today = CentreTime.vietnam.localDate(context.scheduledAt)
    let late = dossiers.filter { d in
        d.due < today && (d.finished.map { $0 > context.scheduledAt } ?? true)
    }
    return try CheckResult(
        status: late.isEmpty ? .ok : .critical, summary: "\(late.count) hồ sơ quá hạn",
        metrics: [CheckMetric(label: "overdue", value: Double(late.count))],
        items: late.map {
            CheckItem(key: $0.code, department: $0.department,
                      daysLeft: -workingDays(after: $0.due, through: today))
        })
}

/// Working days after `start` up to and including `end`.
func workingDays(after start: LocalDate, through end: LocalDate) -> Int {
    guard end > start else { return 0 }
    return (start.dayNumber + 1...end.dayNumber).count {
        TestCalendar2026().isWorkingDay(LocalDate(dayNumber: $0))
    }
}

func overdueJob(_ clock: SimulatedClock, catchUp: CatchUpPolicy = .once) throws -> ScheduledJob {
    try job("overdue", "workingdays 07:30", catchUp: catchUp, repeatAfter: 2 * 86_400,
            clock: clock, result: overdueCheck)
}

@Suite("Alerts: once, again after the repeat interval, resolved when cleared; across restarts",
       .timeLimit(.minutes(1)))
struct AlertLifecycleTests {
    static let expected = [
        "04/05/2026 07:30 firing HS-001", "05/05/2026 07:30 firing HS-002",
        "06/05/2026 07:30 resolved HS-001", "07/05/2026 07:30 repeated HS-002",
        "11/05/2026 07:30 repeated HS-002",
    ]

    @Test("days pass, dossiers fall due, alerts fire, repeat and resolve exactly")
    func lifecycle() async throws {
        let world = Harness(start: local(2026, 4, 27, 18, 0))
        let scheduler = try world.scheduler([try overdueJob(world.clock)])
        try await scheduler.start()
        await world.clock.advance(to: local(2026, 5, 11, 12, 0))
        await world.stop(scheduler, grace: 10)
        #expect(world.alertLines == AlertLifecycleTests.expected)
        // The sink received the same alerts, in the same batches, with their details.
        let delivered = world.sink.batches.all
        #expect(delivered.flatMap(\.alerts).map { "\(show($0.at)) \($0.kind.rawValue) \($0.key)" }
            == AlertLifecycleTests.expected)
        let first = try #require(delivered.first?.alerts.first)
        #expect(first.line == "FIRING CRITICAL overdue HS-001 (Phòng Tư pháp): 1 working day over")
        #expect(delivered.first?.summary == "1 hồ sơ quá hạn")
        // Still open at the end: HS-002 only.
        #expect(await world.store.alertStates(check: "overdue").map(\.key) == ["HS-002"])
    }

    @Test("restart between runs: no duplicate and no lost alert")
    func restartBetweenRuns() async throws {
        let world = Harness(start: local(2026, 4, 27, 18, 0))
        let first = try world.scheduler([try overdueJob(world.clock)])
        try await first.start()
        await world.clock.advance(to: local(2026, 5, 5, 12, 0))
        await world.stop(first, grace: 10)
        await world.clock.advance(to: local(2026, 5, 6, 6, 0))
        let second = try world.scheduler([try overdueJob(world.clock)])
        try await second.start()
        await world.clock.advance(to: local(2026, 5, 11, 12, 0))
        await world.stop(second, grace: 10)
        #expect(world.alertLines == AlertLifecycleTests.expected)
    }

    @Test("restart after missing two runs: one catch-up run reports as of the latest missed time")
    func restartAfterDowntime() async throws {
        let world = Harness(start: local(2026, 4, 27, 18, 0))
        let first = try world.scheduler([try overdueJob(world.clock)])
        try await first.start()
        await world.clock.advance(to: local(2026, 5, 5, 12, 0))
        await world.stop(first, grace: 10)
        await world.clock.advance(to: local(2026, 5, 7, 9, 0))
        let second = try world.scheduler([try overdueJob(world.clock)])
        try await second.start()
        await world.clock.advance(to: local(2026, 5, 11, 12, 0))
        await world.stop(second, grace: 10)
        #expect(world.alertLines == [
            "04/05/2026 07:30 firing HS-001", "05/05/2026 07:30 firing HS-002",
            "07/05/2026 07:30 repeated HS-002", "07/05/2026 07:30 resolved HS-001",
            "11/05/2026 07:30 repeated HS-002",
        ])
        #expect(await world.history("overdue").suffix(5) == [
            "05/05/2026 07:30 succeeded", "06/05/2026 07:30 skipped missed×1",
            "07/05/2026 07:30 succeeded catch-up", "08/05/2026 07:30 succeeded",
            "11/05/2026 07:30 succeeded",
        ])
    }

    @Test("a check-level finding changes status at once and resolves when the check passes")
    func checkLevelFinding() async throws {
        // A source feed last imported at 06:00 on 04/05: warning after 6 hours, critical after 24.
        let lastImport = local(2026, 5, 4, 6, 0)
        let world = Harness(start: local(2026, 5, 4, 6, 0))
        let feed = try job("feed", "0 * * * *", repeatAfter: 86_400, clock: world.clock) { context in
            let hours = context.scheduledAt.timeIntervalSince(lastImport) / 3600
            let fed = context.scheduledAt >= local(2026, 5, 5, 9, 30)
            let status: CheckStatus = fed ? .ok : hours >= 24 ? .critical : hours >= 6 ? .warning : .ok
            return try CheckResult(status: status, summary: "no import for \(Int(hours)) h")
        }
        let scheduler = try world.scheduler([feed])
        try await scheduler.start()
        await world.clock.advance(to: local(2026, 5, 5, 12, 0))
        await world.stop(scheduler, grace: 10)
        #expect(world.alertLines == [
            "04/05/2026 12:00 firing ", "05/05/2026 06:00 changed ", "05/05/2026 10:00 resolved ",
        ])
    }

    @Test("an unknown result resolves nothing: a failing check is not a clean bill of health")
    func unknownResolvesNothing() async throws {
        let world = Harness(start: local(2026, 5, 4, 8, 0))
        let flaky = try job("flaky", "0 9-11 * * *", clock: world.clock) { context in
            let hour = CentreTime.vietnam.localTime(context.scheduledAt).hour
            switch hour {
            case 9: return try CheckResult(status: .warning, summary: "1 late",
                                           items: [CheckItem(key: "HS-7", daysLeft: -1)])
            case 10: return .unknown("database unavailable")
            default: return try CheckResult(status: .ok, summary: "none late")
            }
        }
        let scheduler = try world.scheduler([flaky])
        try await scheduler.start()
        await world.clock.advance(to: local(2026, 5, 4, 12, 0))
        await world.stop(scheduler, grace: 10)
        #expect(world.alertLines == [
            "04/05/2026 09:00 firing HS-7", "04/05/2026 10:00 firing ",
            "04/05/2026 11:00 resolved ", "04/05/2026 11:00 resolved HS-7",
        ])
    }
}
