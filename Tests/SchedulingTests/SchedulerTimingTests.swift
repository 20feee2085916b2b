import Domain
import Foundation
import Scheduling
import Testing

@Suite("Scheduler: runs at the right local times, never overlaps, stops hanging runs",
       .timeLimit(.minutes(1)))
struct SchedulerTimingTests {
    @Test("a working-day job runs at 07:30 local on working days only, as days pass")
    func workingDayRuns() async throws {
        let world = Harness(start: local(2026, 4, 28, 0, 0))
        let seen = Recorder<String>()
        let scheduler = try world.scheduler([
            try job("morning", "workingdays 07:30", clock: world.clock, seen: seen),
        ])
        try await scheduler.start()
        await world.clock.advance(to: local(2026, 5, 5, 12, 0))
        #expect(seen.all == [
            "28/04/2026 07:30 at 28/04/2026 07:30", "29/04/2026 07:30 at 29/04/2026 07:30",
            "04/05/2026 07:30 at 04/05/2026 07:30", "05/05/2026 07:30 at 05/05/2026 07:30",
        ])
        #expect(await world.history("morning") == [
            "28/04/2026 07:30 succeeded", "29/04/2026 07:30 succeeded",
            "04/05/2026 07:30 succeeded", "05/05/2026 07:30 succeeded",
        ])
        await world.stop(scheduler, grace: 10)
    }

    @Test("the make-up Saturday 22/08/2026 runs; 31/08–02/09 do not")
    func makeUpSaturday() async throws {
        let world = Harness(start: local(2026, 8, 20, 8, 0))
        let seen = Recorder<String>()
        let scheduler = try world.scheduler([
            try job("morning", "workingdays 07:30", clock: world.clock, seen: seen),
        ])
        try await scheduler.start()
        await world.clock.advance(to: local(2026, 9, 3, 8, 0))
        #expect(seen.all.map { String($0.prefix(10)) } == [
            "21/08/2026", "22/08/2026", "24/08/2026", "25/08/2026", "26/08/2026",
            "27/08/2026", "28/08/2026", "03/09/2026",
        ])
        await world.stop(scheduler, grace: 10)
    }

    @Test("a run still going when its next time comes makes that time skipped, and recorded")
    func noOverlap() async throws {
        let world = Harness(start: local(2026, 5, 4, 9, 0))
        let scheduler = try world.scheduler([
            try job("slow", "* * * * *", clock: world.clock, duration: 150),
        ])
        try await scheduler.start()
        await world.clock.advance(to: local(2026, 5, 4, 9, 7))
        #expect(await world.history("slow") == [
            "04/05/2026 09:01 succeeded", "04/05/2026 09:02 skipped overlap×1",
            "04/05/2026 09:03 skipped overlap×1", "04/05/2026 09:04 succeeded",
            "04/05/2026 09:05 skipped overlap×1", "04/05/2026 09:06 skipped overlap×1",
            "04/05/2026 09:07 running",
        ])
        let runs = await world.store.runs(job: "slow", limit: 10)
        let first = try #require(runs.last)
        #expect(first.duration == 150)
        await world.stop(scheduler, grace: 300)
    }

    @Test("a hanging run is cancelled and killed at its timeout; other jobs keep their times")
    func hangingJob() async throws {
        let world = Harness(start: local(2026, 5, 4, 9, 0))
        let killed = Recorder<String>()
        let clock = world.clock
        // Like Lua code, the hanging job ignores task cancellation; only the kill hook stops it.
        let stop = Recorder<Bool>()
        let hanging = ScheduledJob(
            name: "hang", schedule: try Schedule("*/5 * * * *"), timeout: 90, repeatAfter: 3600,
            sinks: ["test"],
            run: { _ in
                while stop.all.isEmpty { try? await clock.sleep(until: clock.now() + 1) }
                stop.removeAll()
                return try CheckResult(status: .ok, summary: "never reached in time")
            },
            kill: { context in
                killed.append(show(context.scheduledAt) + " killed at " + show(clock.now()))
                stop.append(true)
            })
        let seen = Recorder<String>()
        let scheduler = try world.scheduler([
            hanging, try job("fast", "* * * * *", clock: world.clock, seen: seen),
        ])
        try await scheduler.start()
        await world.clock.advance(to: local(2026, 5, 4, 9, 12))
        #expect(killed.all == ["04/05/2026 09:05 killed at 04/05/2026 09:06",
                               "04/05/2026 09:10 killed at 04/05/2026 09:11"])
        #expect(await world.history("hang") == [
            "04/05/2026 09:05 timed_out", "04/05/2026 09:10 timed_out",
        ])
        let timedOut = try #require(await world.store.runs(job: "hang", limit: 1).first)
        #expect(timedOut.duration == 90)
        #expect(timedOut.message == "timed out after 90s")
        #expect(seen.all.count == 12)
        #expect(seen.all.allSatisfy { line in line.prefix(16) == line.suffix(16) })
        // The hang is a check-level finding: told once, not again within the repeat interval.
        #expect(world.alertLines == ["04/05/2026 09:05 firing "])
        await world.stop(scheduler, grace: 10)
    }

    @Test("a run ending in an error is recorded as failed and alerts as unknown")
    func failingJob() async throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "no data" } }
        let world = Harness(start: local(2026, 5, 4, 9, 0))
        let scheduler = try world.scheduler([
            try job("broken", "0 * * * *", clock: world.clock) { _ in throw Broken() },
        ])
        try await scheduler.start()
        await world.clock.advance(to: local(2026, 5, 4, 10, 0))
        let run = try #require(await world.store.runs(job: "broken", limit: 1).first)
        #expect(run.status == .failed)
        #expect(run.message == "check failed: no data")
        let lines = world.events.all.map { $0.line() }
        #expect(lines.contains("broken 04/05/2026 10:00:00 failed in 0s: check failed: no data"))
        #expect(lines.contains("broken 04/05/2026 10:00:00 1 alert"))
        let batch = try #require(world.events.all.compactMap { event -> AlertBatch? in
            if case .alerts(let batch) = event { return batch } else { return nil }
        }.first)
        #expect(batch.alerts.map(\.status) == [.unknown])
        #expect(batch.alerts.map(\.message) == ["check failed: no data"])
        await world.stop(scheduler, grace: 10)
    }
}
