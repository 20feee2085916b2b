import Foundation
import Testing
@testable import Store

/// A run claim with a lease: held while its owner may still be running it, taken over once the
/// lease has passed unfinished, and never again once finished.
@Suite struct ClaimLeaseTests {
    /// A clock the test moves.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var instant = Fixtures.clock
        var now: Date { lock.withLock { instant } }
        func advance(_ seconds: TimeInterval) { lock.withLock { instant += seconds } }
    }

    @Test(arguments: StoreBackend.all)
    func anUnfinishedClaimExpiresAndAFinishedOneNever(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let clock = Clock()
        let a = try t.reopen(clock: { clock.now })
        let b = try t.reopen(clock: { clock.now })
        let monday = "2026-05-25T00:30:00Z", tuesday = "2026-05-26T00:30:00Z"

        #expect(try a.claimRun(job: "overdue", slot: monday, owner: "host-a", lease: 360).granted)
        clock.advance(300)
        let early = try b.claimRun(job: "overdue", slot: monday, owner: "host-b", lease: 360)
        #expect(!early.granted && early.owner == "host-a")
        // host-a died: after its lease, host-b takes the run over, and holds it in turn.
        clock.advance(61)
        let late = try b.claimRun(job: "overdue", slot: monday, owner: "host-b", lease: 360)
        #expect(late.granted && late.owner == "host-b" && late.claimedAt == clock.now)
        #expect(try !a.claimRun(job: "overdue", slot: monday, owner: "host-a", lease: 360).granted)
        // A finished claim never expires; finishing someone else's claim does nothing.
        try b.finishRun(job: "overdue", slot: monday, owner: "host-b")
        #expect(try a.claimRun(job: "overdue", slot: tuesday, owner: "host-a", lease: 360).granted)
        try b.finishRun(job: "overdue", slot: tuesday, owner: "host-b")
        clock.advance(86_400)
        let finished = try a.claimRun(job: "overdue", slot: monday, owner: "host-a", lease: 360)
        #expect(!finished.granted && finished.owner == "host-b")
        let expired = try b.claimRun(job: "overdue", slot: tuesday, owner: "host-b", lease: 360)
        #expect(expired.granted)
    }
}
