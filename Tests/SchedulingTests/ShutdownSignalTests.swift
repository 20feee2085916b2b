import Foundation
import Scheduling
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Sends `signo` to this process every 20 ms until `done` is set (bounded to 5 s): the first
/// may come before libdispatch is listening, and is then ignored rather than fatal.
func keepSignalling(_ signo: Int32, until done: Recorder<Bool>) -> Task<Void, Never> {
    Task.detached {
        for _ in 0..<250 where done.all.isEmpty {
            kill(getpid(), signo)
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

@Suite("Shutdown on SIGTERM", .serialized, .timeLimit(.minutes(1)))
struct ShutdownSignalTests {
    @Test("a real SIGTERM to this process is received, and does not kill it")
    func receivesSigterm() async {
        let done = Recorder<Bool>()
        let sender = keepSignalling(SIGTERM, until: done)
        let received = await ShutdownSignals.wait(for: [SIGTERM, SIGINT])
        done.append(true)
        await sender.value
        #expect(received == SIGTERM)
    }

    @Test("the scheduler runs until SIGTERM, then stops cleanly")
    func schedulerStopsOnSigterm() async throws {
        let world = Harness(start: local(2026, 5, 4, 9, 0))
        let scheduler = try world.scheduler([try job("hourly", "0 * * * *", clock: world.clock)])
        let done = Recorder<Bool>()
        let running = Task { try await scheduler.runUntilSignalled(grace: 5) }
        while await scheduler.phase != .running { await Task.yield() }
        await world.clock.advance(to: local(2026, 5, 4, 11, 0))
        let sender = keepSignalling(SIGTERM, until: done)
        let received = try await running.value
        done.append(true)
        await sender.value
        #expect(received == SIGTERM)
        #expect(await scheduler.phase == .stopped)
        #expect(await world.history("hourly") == ["04/05/2026 10:00 succeeded",
                                                 "04/05/2026 11:00 succeeded"])
    }
}
