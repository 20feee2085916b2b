import Foundation

/// A ``SchedulerStateStore`` in memory: for tests, and for a scheduler run without a database.
///
/// History is bounded per job (oldest dropped first, in chunks so that a save stays O(1)
/// amortised) so that a long-running scheduler does not grow without end; a database store
/// prunes by age instead.
public actor InMemorySchedulerStateStore: SchedulerStateStore {
    private var history: [String: [RunRecord]] = [:]
    private var ticks: [String: Date] = [:]
    private var alerts: [String: [String: AlertState]] = [:]
    private let historyLimit: Int

    /// - Parameter historyLimit: runs kept per job (up to half as many again between prunings).
    public init(historyLimit: Int = 1_000) {
        self.historyLimit = historyLimit
    }

    public func saveRun(_ run: RunRecord) {
        var runs = history[run.job, default: []]
        if let i = runs.lastIndex(where: { $0.id == run.id }) {
            runs[i] = run
        } else {
            runs.append(run)
            if runs.count >= historyLimit + historyLimit / 2 + 1 {
                runs.removeFirst(runs.count - historyLimit)
            }
        }
        history[run.job] = runs
    }

    public func runs(job: String, limit: Int) -> [RunRecord] {
        let runs = history[job, default: []].sorted { $0.scheduledAt > $1.scheduledAt }
        return Array(runs.prefix(min(limit, historyLimit)))
    }

    public func unfinishedRuns() -> [RunRecord] {
        history.values.flatMap { $0.filter { $0.status == .running } }
    }

    public func lastTick(job: String) -> Date? { ticks[job] }

    public func setLastTick(_ tick: Date, job: String) {
        if let stored = ticks[job], stored >= tick { return }
        ticks[job] = tick
    }

    public func alertStates(check: String) -> [AlertState] {
        alerts[check].map { Array($0.values) } ?? []
    }

    public func updateAlertStates(check: String, upserts: [AlertState], removals: [String]) {
        var states = alerts[check, default: [:]]
        for key in removals { states[key] = nil }
        for state in upserts { states[state.key] = state }
        alerts[check] = states.isEmpty ? nil : states
    }
}
