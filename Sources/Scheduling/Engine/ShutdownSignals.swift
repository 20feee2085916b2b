import Foundation
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Waits for SIGTERM (systemd's stop) or SIGINT (Ctrl-C) without a signal handler of our own:
/// libdispatch turns the signal into an event on a queue, where any Swift code may run.
///
/// Chosen over swift-service-lifecycle: that package would add swift-log and
/// swift-async-algorithms to the build for what is, here, one wait on one event; the graceful
/// part of shutdown (grace period, cancelling runs, draining sinks) is the scheduler's own.
public enum ShutdownSignals {
    /// Returns the first of `signals` the process receives.
    ///
    /// A signal's default action (terminate) is switched off first, so one arriving before
    /// libdispatch is listening is ignored rather than fatal. The sources stay installed for
    /// the life of the process and later signals are consumed and ignored, so a second SIGTERM
    /// cannot cut the grace period short (systemd's `TimeoutStopSec` is the hard limit).
    public static func wait(for signals: [Int32] = [SIGTERM, SIGINT]) async -> Int32 {
        let queue = DispatchQueue(label: "hostrun.scheduling.signals")
        let box = SignalBox()
        return await withCheckedContinuation { continuation in
            queue.sync {
                for signo in signals {
                    ignoreIfDefault(signo)
                    let source = DispatchSource.makeSignalSource(signal: signo, queue: queue)
                    // The handler keeps the box and the box the source: installed for good.
                    source.setEventHandler { box.fire(signo, continuation) }
                    source.resume()
                    box.sources.append(source)
                }
            }
        }
    }

    /// Sets `SIG_IGN` only over the default action: once libdispatch has installed its own
    /// handler for the signal (an earlier wait), replacing it would stop all delivery.
    private static func ignoreIfDefault(_ signo: Int32) {
        var current = sigaction()
        sigaction(signo, nil, &current)
        if current.__sigaction_handler.sa_handler == nil { signal(signo, SIG_IGN) }
    }

    /// Sources and the one-shot flag, touched only on the signal queue.
    private final class SignalBox: @unchecked Sendable {
        var sources: [any DispatchSourceSignal] = []
        private var fired = false

        func fire(_ signo: Int32, _ continuation: CheckedContinuation<Int32, Never>) {
            guard !fired else { return }
            fired = true
            continuation.resume(returning: signo)
        }
    }
}

extension Scheduler {
    /// What `hostrun schedule` does: starts, runs until SIGTERM or SIGINT, then shuts down with
    /// `grace` seconds for running checks and again for queued alerts.
    ///
    /// - Returns: the signal that stopped it.
    @discardableResult
    public func runUntilSignalled(grace: TimeInterval,
                                  signals: [Int32] = [SIGTERM, SIGINT]) async throws -> Int32 {
        try await start()
        let received = await ShutdownSignals.wait(for: signals)
        await shutdown(grace: grace)
        return received
    }
}
