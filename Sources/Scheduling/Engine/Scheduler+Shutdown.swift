import Foundation

/// Stopping: no new runs, a grace period for running ones, then cancellation, then the sinks
/// are drained.
extension Scheduler {
    /// Stops the scheduler and returns when it has stopped.
    ///
    /// Scheduling stops at once and queued catch-up runs are recorded as skipped
    /// (``SkipReason/shutdown``). Running jobs get `grace` seconds to finish; those still going
    /// are cancelled (task cancellation and their kill hook) and recorded as
    /// ``RunStatus/cancelled``. Pending store writes are awaited, then queued alerts are given
    /// up to another `grace` seconds to reach their sinks. Calling it again waits for the first
    /// call's work.
    public func shutdown(grace: TimeInterval) async {
        switch phase {
        case .idle:
            phase = .stopped
            return
        case .stopping:
            await withCheckedContinuation { stoppedWaiters.append($0) }
            return
        case .stopped:
            return
        case .running:
            phase = .stopping
        }
        timer?.task.cancel()
        timer = nil
        for name in order {
            for queued in states[name]!.queue {
                recordSkip(name, at: queued.at, reason: .shutdown, ticks: 1,
                           message: "queued when the scheduler shut down")
            }
            states[name]!.queue = []
        }
        if states.values.contains(where: { $0.active != nil }) {
            let deadline = clock.now().addingTimeInterval(grace)
            let clock = self.clock
            let graceTimer = clock.spawn { [weak self] in
                do { try await clock.sleep(until: deadline) } catch { return }
                await self?.graceExpired()
            }
            await withCheckedContinuation { runsEndedWaiters.append($0) }
            graceTimer.cancel()
        }
        // Runs cancelled at the end of the grace period may never return; their end records
        // are written by their chains, which do not wait for them.
        for state in states.values {
            await state.active?.writes.value
        }
        while let pending = bookkeeping.values.first {
            await pending.value
        }
        await dispatcher.drain(deadline: clock.now().addingTimeInterval(grace))
        phase = .stopped
        let waiters = stoppedWaiters
        stoppedWaiters = []
        waiters.forEach { $0.resume() }
    }

    private func graceExpired() {
        for name in order where states[name]?.active?.closed == false {
            close(name, status: .cancelled,
                  message: "still running when the shutdown grace period ended", result: nil)
        }
        resumeRunsEndedWaiters()
    }

    /// Wakes the shutdown waiting for running jobs: they all ended, or the grace period did.
    func resumeRunsEndedWaiters() {
        let waiters = runsEndedWaiters
        runsEndedWaiters = []
        waiters.forEach { $0.resume() }
    }
}
