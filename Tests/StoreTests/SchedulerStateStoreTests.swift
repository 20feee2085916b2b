import Foundation
import Scheduling
import Testing
@testable import PostgresStore
@testable import Store

/// The scheduler's memory reads back what was written, alike in the SQLite file and in the
/// PostgreSQL database (both run ``Store/SchedulerStateSQL``).
@Suite struct SchedulerStateStoreTests {
    static func state(_ t: TemporaryStore) -> any SchedulerStateStore {
        switch t.backend {
        case .sqlite: SQLiteSchedulerStateStore(store: t.sqlite, retentionDays: 30)
        case .postgres: PostgresSchedulerStateStore(store: t.store as! PostgreSQLStore, retentionDays: 30)
        }
    }

    static let monday = Fixtures.clock

    @Test(arguments: StoreBackend.all)
    func runsAreSavedReplacedAndPrunedByAge(_ backend: StoreBackend) async throws {
        let t = try TemporaryStore(backend)
        let state = Self.state(t)
        let old = RunRecord(job: "overdue", scheduledAt: Self.monday, trigger: .catchUp,
                            startedAt: Self.monday, endedAt: Self.monday + 2, status: .skipped,
                            skipReason: .claimed, ticks: 3, message: "run by host-b pid 7")
        let stuck = RunRecord(job: "overdue", scheduledAt: Self.monday + 60, trigger: .scheduled,
                              startedAt: Self.monday + 60, status: .running)
        try await state.saveRun(old)
        try await state.saveRun(stuck)
        #expect(try await state.runs(job: "overdue", limit: 10) == [stuck, old])
        #expect(try await state.unfinishedRuns() == [stuck])

        var ended = stuck
        ended.status = .succeeded
        ended.checkStatus = .warning
        ended.endedAt = Self.monday + 61.5
        try await state.saveRun(ended)
        #expect(try await state.runs(job: "overdue", limit: 1) == [ended])
        #expect(try await state.unfinishedRuns().isEmpty)

        // Thirty-one days on, the finished runs scheduled more than 30 days before are gone; one
        // still marked running stays, for the next start-up to mark interrupted.
        let hung = RunRecord(job: "overdue", scheduledAt: Self.monday + 120, trigger: .scheduled,
                             startedAt: Self.monday + 120, status: .running)
        try await state.saveRun(hung)
        for (job, at) in [("overdue", Self.monday), ("other", Self.monday), ("overdue", Self.monday + 30 * 86_400)] {
            #expect(try t.store.claimRun(job: job, slot: RunClaim.slot(at), owner: "host-a", lease: 60).granted)
        }
        let later = RunRecord(job: "overdue", scheduledAt: Self.monday + 31 * 86_400, trigger: .scheduled,
                              startedAt: Self.monday + 31 * 86_400, status: .running)
        try await state.saveRun(later)
        #expect(try await state.runs(job: "overdue", limit: 10) == [later, hung])
        // So are the job's claims on those times (the row is gone: a new claim is granted);
        // later claims, and another job's (pruned with its own runs), are kept.
        let claim = { (job: String, at: Date) in
            try t.store.claimRun(job: job, slot: RunClaim.slot(at), owner: "host-b", lease: 60)
        }
        #expect(try claim("overdue", Self.monday).granted)
        #expect(try claim("other", Self.monday).owner == "host-a")
        #expect(try claim("overdue", Self.monday + 30 * 86_400).owner == "host-a")
        #expect(try t.rows("SELECT COUNT(*) FROM run_claims") == [["3"]])
        #expect(try await state.runs(job: "other", limit: 10).isEmpty)
    }

    @Test(arguments: StoreBackend.all)
    func theLastTickOnlyMovesForward(_ backend: StoreBackend) async throws {
        let t = try TemporaryStore(backend)
        let state = Self.state(t)
        #expect(try await state.lastTick(job: "overdue") == nil)
        try await state.setLastTick(Self.monday + 600, job: "overdue")
        try await state.setLastTick(Self.monday, job: "overdue")
        #expect(try await state.lastTick(job: "overdue") == Self.monday + 600)
        try await state.setLastTick(Self.monday + 900, job: "overdue")
        #expect(try await state.lastTick(job: "overdue") == Self.monday + 900)
    }

    @Test(arguments: StoreBackend.all)
    func alertStatesAreUpsertedAndRemovedTogether(_ backend: StoreBackend) async throws {
        let t = try TemporaryStore(backend)
        let state = Self.state(t)
        let a = AlertState(check: "overdue", key: "A", status: .warning, department: "Phòng Tư pháp", daysLeft: 1,
                           message: "Hồ sơ A sắp quá hạn", firstSeen: Self.monday, lastSeen: Self.monday,
                           lastNotified: Self.monday)
        let b = AlertState(check: "overdue", key: "B", status: .unknown, department: nil, daysLeft: nil,
                           message: "không đọc được", firstSeen: Self.monday, lastSeen: Self.monday,
                           lastNotified: Self.monday)
        try await state.updateAlertStates(check: "overdue", upserts: [b, a], removals: [])
        #expect(try await state.alertStates(check: "overdue") == [a, b])

        var critical = a
        critical.status = .critical
        critical.daysLeft = -2
        critical.lastSeen = Self.monday + 86_400
        try await state.updateAlertStates(check: "overdue", upserts: [critical], removals: ["B"])
        #expect(try await state.alertStates(check: "overdue") == [critical])
        #expect(try await state.alertStates(check: "other").isEmpty)
    }
}
