import Domain
import Foundation
import Scheduling
import Testing

@Suite("Catch-up after downtime, interrupted runs, and shutdown", .timeLimit(.minutes(1)))
struct CatchUpAndShutdownTests {
    /// Runs an hourly job 09:00–12:00, stops, stays down until `restart`, then runs to 18:30.
    func downtime(_ policy: CatchUpPolicy, restart: Date, duration: TimeInterval = 0)
        async throws -> (history: [String], seen: [String]) {
        let world = Harness(start: local(2026, 5, 4, 8, 30))
        let seen = Recorder<String>()
        let make = { try job("hourly", "0 * * * *", timeout: 900, catchUp: policy,
                             clock: world.clock, duration: duration, seen: seen) }
        let first = try world.scheduler([try make()])
        try await first.start()
        await world.clock.advance(to: local(2026, 5, 4, 12, 30))
        await world.stop(first, grace: 10)
        await world.clock.advance(to: restart)
        let second = try world.scheduler([try make()])
        try await second.start()
        await world.clock.advance(to: local(2026, 5, 4, 18, 30))
        await world.stop(second, grace: 10)
        return (await world.history("hourly"), seen.all)
    }

    @Test("skip: missed times are one skipped record; the next regular time runs")
    func skip() async throws {
        let (history, _) = try await downtime(.skip, restart: local(2026, 5, 4, 17, 30))
        #expect(history.suffix(3) == [
            "04/05/2026 12:00 succeeded", "04/05/2026 17:00 skipped missed×5",
            "04/05/2026 18:00 succeeded",
        ])
    }

    @Test("once: one catch-up run for the latest missed time, at start-up")
    func once() async throws {
        let (history, seen) = try await downtime(.once, restart: local(2026, 5, 4, 17, 30))
        #expect(history.suffix(4) == [
            "04/05/2026 12:00 succeeded", "04/05/2026 16:00 skipped missed×4",
            "04/05/2026 17:00 succeeded catch-up", "04/05/2026 18:00 succeeded",
        ])
        #expect(seen.suffix(2) == ["04/05/2026 17:00 at 04/05/2026 17:30",
                                   "04/05/2026 18:00 at 04/05/2026 18:00"])
    }

    @Test("once: a regular time due at start-up is the catch-up")
    func onceOnTime() async throws {
        let (history, _) = try await downtime(.once, restart: local(2026, 5, 4, 17, 0, 30))
        #expect(history.suffix(4) == [
            "04/05/2026 12:00 succeeded", "04/05/2026 16:00 skipped missed×4",
            "04/05/2026 17:00 succeeded", "04/05/2026 18:00 succeeded",
        ])
    }

    @Test("all, bounded: the latest missed times run one after another, the rest are skipped")
    func allBounded() async throws {
        let (history, seen) = try await downtime(.all(limit: 3),
                                                 restart: local(2026, 5, 4, 17, 30),
                                                 duration: 300)
        #expect(history.suffix(6) == [
            "04/05/2026 12:00 succeeded", "04/05/2026 14:00 skipped missed×2",
            "04/05/2026 15:00 succeeded catch-up", "04/05/2026 16:00 succeeded catch-up",
            "04/05/2026 17:00 succeeded catch-up", "04/05/2026 18:00 succeeded",
        ])
        #expect(seen.suffix(4) == [
            "04/05/2026 15:00 at 04/05/2026 17:30", "04/05/2026 16:00 at 04/05/2026 17:35",
            "04/05/2026 17:00 at 04/05/2026 17:40", "04/05/2026 18:00 at 04/05/2026 18:00",
        ])
    }

    @Test("a run left going by a crashed process is marked interrupted at the next start")
    func interrupted() async throws {
        let world = Harness(start: local(2026, 5, 4, 9, 30))
        let crashed = RunRecord(job: "hourly", scheduledAt: local(2026, 5, 4, 9, 0),
                                trigger: .scheduled, startedAt: local(2026, 5, 4, 9, 0),
                                status: .running)
        await world.store.saveRun(crashed)
        await world.store.setLastTick(crashed.scheduledAt, job: "hourly")
        let scheduler = try world.scheduler([
            try job("hourly", "0 * * * *", catchUp: .skip, clock: world.clock),
        ])
        try await scheduler.start()
        await world.stop(scheduler, grace: 10)
        let runs = await world.store.runs(job: "hourly", limit: 5)
        #expect(runs.map(\.status) == [.interrupted])
        #expect(runs.first?.id == crashed.id)
    }

    @Test("shutdown lets a run finish within the grace period")
    func graceful() async throws {
        let world = Harness(start: local(2026, 5, 4, 8, 59))
        let scheduler = try world.scheduler([
            try job("slow", "0 9 * * *", clock: world.clock, duration: 20),
        ])
        try await scheduler.start()
        await world.clock.advance(to: local(2026, 5, 4, 9, 0, 5))
        await world.stop(scheduler, grace: 60)
        let run = try #require(await world.store.runs(job: "slow", limit: 1).first)
        #expect(run.status == .succeeded)
        #expect(run.duration == 20)
        #expect(await scheduler.phase == .stopped)
    }

    @Test("shutdown cancels and kills a run still going when the grace period ends")
    func cancelsAtGraceEnd() async throws {
        let world = Harness(start: local(2026, 5, 4, 8, 59))
        let clock = world.clock
        let killed = Recorder<String>()
        // Ignores cancellation and even its kill hook: shutdown must not wait for it. Its waits
        // run in an inner task, which the run's cancellation does not reach.
        let stubborn = ScheduledJob(
            name: "stubborn", schedule: try Schedule("0 9 * * *"), timeout: 3600,
            run: { _ in
                while true {
                    await Task { try? await clock.sleep(until: clock.now() + 5) }.value
                }
            },
            kill: { _ in killed.append(show(clock.now())) })
        let scheduler = try world.scheduler([stubborn])
        try await scheduler.start()
        await world.clock.advance(to: local(2026, 5, 4, 9, 1))
        await world.stop(scheduler, grace: 30)
        let run = try #require(await world.store.runs(job: "stubborn", limit: 1).first)
        #expect(run.status == .cancelled)
        #expect(run.endedAt == local(2026, 5, 4, 9, 1, 30))
        #expect(killed.all == ["04/05/2026 09:01"])
        #expect(await scheduler.phase == .stopped)
    }

    @Test("catch-up runs still queued at shutdown are recorded as skipped")
    func queuedAtShutdown() async throws {
        let world = Harness(start: local(2026, 5, 4, 8, 30))
        let make = { try job("hourly", "0 * * * *", timeout: 900, catchUp: .all(limit: 5),
                             clock: world.clock, duration: 600) }
        let first = try world.scheduler([try make()])
        try await first.start()
        await world.clock.advance(to: local(2026, 5, 4, 9, 30))
        await world.stop(first, grace: 10)
        await world.clock.advance(to: local(2026, 5, 4, 13, 30))
        let second = try world.scheduler([try make()])
        try await second.start()
        await world.clock.advance(to: local(2026, 5, 4, 13, 35))
        await world.stop(second, grace: 600)
        #expect(await world.history("hourly") == [
            "04/05/2026 09:00 succeeded", "04/05/2026 10:00 succeeded catch-up",
            "04/05/2026 11:00 skipped shutdown×1", "04/05/2026 12:00 skipped shutdown×1",
            "04/05/2026 13:00 skipped shutdown×1",
        ])
    }

    @Test("jobs are checked when the scheduler is built")
    func invalidJobs() throws {
        let world = Harness(start: local(2026, 5, 4, 8, 30))
        let a = try job("a", "@daily", clock: world.clock)
        #expect(throws: SchedulerError.duplicateJob("a")) { try world.scheduler([a, a]) }
        let lost = ScheduledJob(name: "b", schedule: try Schedule("@daily"), timeout: 5,
                                sinks: ["pager"], run: { _ in .unknown("") })
        #expect(throws: SchedulerError.unknownSink(job: "b", sink: "pager")) {
            try world.scheduler([lost])
        }
        let instant = ScheduledJob(name: "c", schedule: try Schedule("@daily"), timeout: 0,
                                   run: { _ in .unknown("") })
        #expect(throws: SchedulerError.invalidTimeout(job: "c")) { try world.scheduler([instant]) }
    }
}
