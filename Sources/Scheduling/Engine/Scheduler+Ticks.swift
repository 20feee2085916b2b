import Domain
import Foundation

/// Deciding, at each wake-up, which scheduled times are due and what becomes of them.
///
/// Decisions are made synchronously on the actor; store writes are spawned, so that a slow
/// store delays no tick and the decisions of one wake-up cannot interleave with another's.
extension Scheduler {
    /// Handles timeouts and due times at the clock's current instant, then re-arms the timer.
    func processDue() {
        guard phase == .running else { return }
        let now = clock.now()
        for name in order {
            expireRun(of: name, at: now)
            handleDueTimes(of: name, at: now)
        }
        arm()
    }

    private func expireRun(of name: String, at now: Date) {
        guard let run = states[name]?.active, !run.closed, run.deadline <= now else { return }
        let timeout = states[name]!.job.timeout
        let reason = "timed out after \(Scheduler.seconds(timeout))"
        close(name, status: .timedOut, message: reason, result: .unknown(reason))
    }

    private func handleDueTimes(of name: String, at now: Date) {
        let state = states[name]!
        guard let first = state.nextTick, first <= now else { return }
        let job = state.job
        let limit = if case .all(let limit) = job.catchUp { max(limit, 1) } else { 1 }
        // The most recent due times, enough to pick the catch-up runs and the latest skipped.
        let keep = limit + 2
        var recent: [Date] = []
        var count = 0
        var tick: Date? = first
        while let t = tick, t <= now, count < Scheduler.maxTicksCounted {
            count += 1
            recent.append(t)
            if recent.count > keep { recent.removeFirst() }
            tick = next(job.schedule, after: t)
        }
        if let t = tick, t <= now { tick = next(job.schedule, after: now) }
        states[name]!.nextTick = tick
        let last = recent.last!
        bookkeep { store in try await store.setLastTick(last, job: name) }

        if let active = state.active {
            let since = active.record.startedAt.map(show) ?? "?"
            recordSkip(name, at: last, reason: .overlap, ticks: count,
                       message: "the run started \(since) was still going")
            return
        }
        let onTime = now.timeIntervalSince(last) <= options.misfireTolerance
        let missed = onTime ? Array(recent.dropLast()) : recent
        let missedCount = count - (onTime ? 1 : 0)
        var runs: [(at: Date, trigger: RunTrigger)] = []
        switch job.catchUp {
        case .skip:
            break
        case .once:
            if !onTime, let latest = missed.last { runs.append((latest, .catchUp)) }
        case .all(let limit):
            runs += missed.suffix(max(0, min(limit, missedCount))).map { ($0, .catchUp) }
        }
        let skipped = missedCount - runs.count
        if skipped > 0 {
            let latestSkipped = missed[missed.count - runs.count - 1]
            recordSkip(name, at: latestSkipped, reason: .missed, ticks: skipped,
                       message: "\(skipped) scheduled time\(skipped == 1 ? "" : "s") from "
                           + "\(show(first)) to \(show(latestSkipped)) "
                           + "missed while the scheduler was stopped or the machine asleep")
        }
        if onTime { runs.append((last, .scheduled)) }
        states[name]!.queue = runs
        startNextIfIdle(name)
    }

    /// Sets the one timer to the earliest due time or run deadline.
    func arm() {
        guard phase == .running else { return }
        let deadlines = states.values.compactMap { state in
            state.active.flatMap { $0.closed ? nil : $0.deadline }
        }
        let wake = (states.values.compactMap(\.nextTick) + deadlines).min()
        if let timer, timer.at == wake { return }
        timer?.task.cancel()
        timer = nil
        guard let wake else { return }
        timerGeneration += 1
        let generation = timerGeneration
        let clock = self.clock
        let task = clock.spawn { [weak self] in
            do { try await clock.sleep(until: wake) } catch { return }
            await self?.fire(generation)
        }
        timer = (task, wake, generation)
    }

    /// A timer that woke after it was replaced (its hop to the actor raced the re-arming) does
    /// nothing: its replacement is set to the right time.
    private func fire(_ generation: Int) {
        guard timer?.generation == generation else { return }
        timer = nil
        processDue()
    }

    /// Writes a skipped record for `ticks` scheduled times ending at `at`.
    func recordSkip(_ name: String, at: Date, reason: SkipReason, ticks: Int, message: String) {
        let record = RunRecord(job: name, scheduledAt: at, trigger: .scheduled,
                               status: .skipped, skipReason: reason, ticks: ticks,
                               message: message)
        let onEvent = self.onEvent
        bookkeep { store in
            try await store.saveRun(record)
            onEvent(.run(record))
        }
    }

    /// Runs a store write in its own task, tracked so that shutdown can wait for it.
    func bookkeep(_ write: @escaping @Sendable (any SchedulerStateStore) async throws -> Void) {
        let id = UUID()
        let store = self.store
        let onEvent = self.onEvent
        bookkeeping[id] = clock.spawn { [weak self] in
            do { try await write(store) } catch { onEvent(.problem("state store: \(error)")) }
            await self?.bookkeepingDone(id)
        }
    }

    private func bookkeepingDone(_ id: UUID) {
        bookkeeping[id] = nil
    }

    /// `dd/MM/yyyy HH:mm` in the centre's time.
    nonisolated func show(_ instant: Date) -> String {
        let time = options.centreTime
        return "\(time.localDate(instant).vietnamese) \(time.localTime(instant))"
    }

    /// `90s`, `1.5s`, `12 ms`.
    nonisolated static func seconds(_ interval: TimeInterval) -> String {
        if interval == interval.rounded() { return "\(Int(interval))s" }
        if interval < 1 { return "\(Int((interval * 1000).rounded())) ms" }
        return String(format: "%.1fs", interval)
    }
}
