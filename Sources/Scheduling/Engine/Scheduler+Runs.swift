import Foundation

/// Starting runs, ending them (finished, timed out or cancelled) and releasing the job.
///
/// A run's record is written when it starts and again when it ends, through a chain of tasks
/// (``ActiveRun/writes``) so the end never lands before the start. The job stays busy until
/// its task has returned *and* its end has been written and its alerts handed on, so two runs of
/// one check never process alerts at the same time.
extension Scheduler {
    func startNextIfIdle(_ name: String) {
        guard phase == .running, var state = states[name], state.active == nil,
              !state.queue.isEmpty
        else { return }
        let (at, trigger) = state.queue.removeFirst()
        let job = state.job
        let now = clock.now()
        let context = JobContext(runID: UUID(), job: name, scheduledAt: at, trigger: trigger)
        let record = RunRecord(id: context.runID, job: name, scheduledAt: at, trigger: trigger,
                               startedAt: now, status: .running)
        let writes = clock.spawn { [weak self] in await self?.persist(record) }
        state.active = ActiveRun(record: record, context: context,
                                 deadline: now.addingTimeInterval(job.timeout), writes: writes)
        states[name] = state
        states[name]!.active!.task = clock.spawn { [weak self] in
            await self?.execute(job, context)
        }
        arm()
    }

    private nonisolated func execute(_ job: ScheduledJob, _ context: JobContext) async {
        if let refusal = await claim(job, context) {
            let writes = await declined(job.name, context.runID, refusal)
            await writes?.value
            await release(job.name, context.runID)
            return
        }
        let outcome: Result<CheckResult, any Error>
        do {
            outcome = .success(try await job.run(context))
        } catch {
            outcome = .failure(error)
        }
        let writes = await finished(job.name, context.runID, outcome)
        await writes?.value
        await release(job.name, context.runID)
    }

    /// Claims the run in the store; `nil` when this scheduler may run it, else how the run ends
    /// without running: skipped when another scheduler sharing the store holds it, failed when
    /// the store cannot say (running anyway could send alerts twice).
    private nonisolated func claim(_ job: ScheduledJob, _ context: JobContext)
        async -> (status: RunStatus, skip: SkipReason?, message: String)? {
        do {
            let outcome = try await store.claimRun(job: job.name, at: context.scheduledAt, owner: options.owner,
                                                   lease: job.timeout + options.claimMargin)
            switch outcome {
            case .granted:
                await claimed(job.name, context.runID)
                return nil
            case .held(let holder):
                return (.skipped, .claimed, "run by \(holder)")
            }
        } catch {
            return (.failed, nil, "could not claim the run in the state store: \(error)")
        }
    }

    private func claimed(_ name: String, _ id: UUID) {
        guard states[name]?.active?.record.id == id else { return }
        states[name]!.active!.claimed = true
    }

    /// Ends a run this scheduler may not run; returns its write chain to wait for.
    private func declined(_ name: String, _ id: UUID,
                          _ refusal: (status: RunStatus, skip: SkipReason?, message: String)) -> Task<Void, Never>? {
        guard let run = states[name]?.active, run.record.id == id else { return nil }
        if !run.closed {
            close(name, status: refusal.status, skipReason: refusal.skip, message: refusal.message, result: nil)
        }
        return states[name]?.active?.writes
    }

    /// Records the end of a run that returned, unless a timeout or shutdown already ended it;
    /// returns the run's write chain to wait for.
    private func finished(_ name: String, _ id: UUID,
                          _ outcome: Result<CheckResult, any Error>) -> Task<Void, Never>? {
        guard let run = states[name]?.active, run.record.id == id else { return nil }
        if !run.closed {
            switch outcome {
            case .success(let result):
                close(name, status: .succeeded, checkStatus: result.status, result: result)
            case .failure(let error):
                let reason = "check failed: \(error)"
                close(name, status: .failed, message: reason, result: .unknown(reason))
            }
        }
        return states[name]?.active?.writes
    }

    /// Decides how the active run of `name` ended and chains its final write and alerts.
    /// A timed-out or cancelled run also has its task cancelled and its kill hook called.
    func close(_ name: String, status: RunStatus, checkStatus: CheckStatus? = nil,
               skipReason: SkipReason? = nil, message: String? = nil, result: CheckResult?) {
        guard var run = states[name]?.active, !run.closed else { return }
        let job = states[name]!.job
        run.closed = true
        run.record.status = status
        run.record.endedAt = clock.now()
        run.record.checkStatus = checkStatus
        run.record.skipReason = skipReason
        run.record.message = message
        let record = run.record
        let previous = run.writes
        let claimed = run.claimed
        run.writes = clock.spawn { [weak self] in
            await previous.value
            await self?.finalize(job, record, result, claimed: claimed)
        }
        states[name]!.active = run
        if status == .timedOut || status == .cancelled {
            run.task?.cancel()
            job.kill(run.context)
        }
    }

    private func release(_ name: String, _ id: UUID) {
        guard states[name]?.active?.record.id == id else { return }
        states[name]!.active = nil
        startNextIfIdle(name)
        // Its deadline no longer needs a wake-up.
        arm()
        if phase == .stopping, states.values.allSatisfy({ $0.active == nil }) {
            resumeRunsEndedWaiters()
        }
    }

    nonisolated func persist(_ record: RunRecord) async {
        do {
            try await store.saveRun(record)
        } catch {
            onEvent(.problem("state store: saving run of '\(record.job)': \(error)"))
        }
        onEvent(.run(record))
    }

    /// Writes the run's end, then turns its result into alerts for the job's sinks, then marks
    /// its claim done (a claim left open by a crash expires, and the run may be taken over).
    private nonisolated func finalize(_ job: ScheduledJob, _ record: RunRecord,
                                      _ result: CheckResult?, claimed: Bool) async {
        await persist(record)
        if let result { await alert(job, record, result) }
        guard claimed else { return }
        do {
            try await store.finishRun(job: job.name, at: record.scheduledAt, owner: options.owner)
        } catch {
            onEvent(.problem("state store: finishing the claim of '\(job.name)': \(error)"))
        }
    }

    private nonisolated func alert(_ job: ScheduledJob, _ record: RunRecord, _ result: CheckResult) async {
        do {
            let alerts = try await tracker.process(check: job.name, result: result,
                                                   at: record.scheduledAt,
                                                   repeatAfter: job.repeatAfter)
            guard !alerts.isEmpty else { return }
            let batch = AlertBatch(check: job.name, at: record.scheduledAt,
                                   summary: result.summary, alerts: alerts)
            onEvent(.alerts(batch))
            dispatcher.submit(batch, to: job.sinks)
        } catch {
            onEvent(.problem("state store: alert state of '\(job.name)': \(error)"))
        }
    }
}
