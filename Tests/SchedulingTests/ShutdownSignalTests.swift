import Foundation
import Scheduling
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Sends `signo` to this process every 20 ms until `done` is set (bounded to 5 s): the first
/// ones may come before the code under test listens. Each test first sets its signal to be
/// ignored, as `ShutdownSignals` does for a real SIGTERM, and does so before anything else:
/// once libdispatch listens, setting the signal to be ignored would replace its handler.
/// Each test uses its own signal for the same reason.
func keepSignalling(_ signo: Int32, until done: Recorder<Bool>) -> Task<Void, Never> {
    Task.detached {
        for _ in 0..<250 where done.all.isEmpty {
            kill(getpid(), signo)
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// These tests use SIGUSR1 and SIGUSR2 in place of SIGTERM and SIGINT: once libdispatch has
/// listened for a signal, that signal no longer terminates the process, and the test process
/// must stay stoppable by SIGTERM (CI time-outs send it). The code path is the same; SIGTERM
/// itself is for an end-to-end test that stops a real `hostrun schedule` process.
@Suite("Shutdown on a signal", .serialized, .timeLimit(.minutes(1)))
struct ShutdownSignalTests {
    @Test("a real signal to this process is received, and does not kill it")
    func receivesSignal() async {
        signal(SIGUSR2, SIG_IGN)
        let done = Recorder<Bool>()
        let sender = keepSignalling(SIGUSR2, until: done)
        let received = await ShutdownSignals.wait(for: [SIGUSR2])
        done.append(true)
        await sender.value
        #expect(received == SIGUSR2)
    }

    @Test("the scheduler runs until signalled, then stops cleanly")
    func schedulerStopsOnSignal() async throws {
        signal(SIGUSR1, SIG_IGN)
        let world = Harness(start: local(2026, 5, 4, 9, 0))
        let scheduler = try world.scheduler([try job("hourly", "0 * * * *", clock: world.clock)])
        let done = Recorder<Bool>()
        let running = Task { try await scheduler.runUntilSignalled(grace: 5, signals: [SIGUSR1]) }
        while await scheduler.phase != .running { await Task.yield() }
        await world.clock.advance(to: local(2026, 5, 4, 11, 0))
        let sender = keepSignalling(SIGUSR1, until: done)
        let received = try await running.value
        done.append(true)
        await sender.value
        #expect(received == SIGUSR1)
        #expect(await scheduler.phase == .stopped)
        #expect(await world.history("hourly") == ["04/05/2026 10:00 succeeded",
                                                 "04/05/2026 11:00 succeeded"])
    }
}
