import Domain
import Foundation
import Scheduling
import Testing

/// Schedulers sharing one state store, as `hostrun schedule` on two machines sharing a
/// database: each run is claimed, so each alert goes out once; a claim whose owner died
/// blocks its run only until its lease ends.
@Suite("Schedulers sharing a store: each run claimed once, dead owners' claims expire", .timeLimit(.minutes(1)))
struct SharedStoreTests {
    @Test("two schedulers over two weeks send the alerts of one, once each")
    func twoSchedulersAlertOnce() async throws {
        let world = Harness(start: local(2026, 4, 27, 18, 0))
        let a = try world.scheduler([try overdueJob(world.clock)], owner: "host-a pid 1")
        let b = try world.scheduler([try overdueJob(world.clock)], owner: "host-b pid 2")
        try await a.start()
        try await b.start()
        await world.clock.advance(to: local(2026, 5, 11, 12, 0))
        await world.stop(a, grace: 10)
        await world.stop(b, grace: 10)
        #expect(world.alertLines == AlertLifecycleTests.expected)
        #expect(world.sink.batches.all.flatMap(\.alerts).count == AlertLifecycleTests.expected.count)
        // Every working morning: one run, and one record of the other scheduler's skip.
        let runs = await world.store.runs(job: "overdue", limit: 100)
        let mornings = Dictionary(grouping: runs, by: \.scheduledAt)
        #expect(mornings.count == 8)  // 28/04–11/05 without 30/04 and 01/05
        for (at, records) in mornings {
            #expect(records.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.skipped, .succeeded], "\(show(at))")
            let skipped = try #require(records.first { $0.status == .skipped })
            #expect(skipped.skipReason == .claimed)
            #expect(skipped.message == "run by host-a pid 1" || skipped.message == "run by host-b pid 2")
        }
    }

    @Test("a claim left by a dead scheduler is taken over once its lease has passed, not before")
    func deadOwnersClaimExpires() async throws {
        let world = Harness(start: local(2026, 5, 4, 7, 0))
        // A scheduler that died at 07:00 claimed Monday's run with a 10-minute lease, and one
        // still alive claimed Tuesday's with a lease lasting past 07:30.
        #expect(await world.store.claimRun(job: "overdue", at: local(2026, 5, 4, 7, 30), owner: "dead",
                                           lease: 600) == .granted)
        #expect(await world.store.claimRun(job: "overdue", at: local(2026, 5, 5, 7, 30), owner: "alive",
                                           lease: 2 * 86_400) == .granted)
        let scheduler = try world.scheduler([try overdueJob(world.clock)], owner: "host-a pid 1")
        try await scheduler.start()
        await world.clock.advance(to: local(2026, 5, 5, 12, 0))
        await world.stop(scheduler, grace: 10)
        #expect(await world.history("overdue") == ["04/05/2026 07:30 succeeded", "05/05/2026 07:30 skipped claimed×1"])
        #expect(world.alertLines == ["04/05/2026 07:30 firing HS-001"])
        // The run taken over was finished: its claim no longer expires.
        #expect(await world.store.claimRun(job: "overdue", at: local(2026, 5, 4, 7, 30), owner: "late",
                                           lease: 1) == .held(by: "host-a pid 1"))
    }
}
