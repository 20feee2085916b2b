import Foundation

/// A ``SchedulerStateStore`` in memory: for tests, and for a scheduler run without a database.
///
/// History is bounded per job (oldest dropped first, in chunks so that a save stays O(1)
/// amortised) so that a long-running scheduler does not grow without end, and so are run
/// claims; a database store prunes by age instead. Schedulers sharing one instance (in one
/// process) see each other's claims, as schedulers sharing a database do.
public actor InMemorySchedulerStateStore: SchedulerStateStore {
    private var history: [String: [RunRecord]] = [:]
    private var ticks: [String: Date] = [:]
    private var alerts: [String: [String: AlertState]] = [:]
    private var claims: [String: [Date: (owner: String, expires: Date?)]] = [:]
    private let historyLimit: Int
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - historyLimit: runs kept per job (up to half as many again between prunings).
    ///   - now: the time claims' leases are measured against.
    public init(historyLimit: Int = 1_000, now: @escaping @Sendable () -> Date = { Date() }) {
        self.historyLimit = historyLimit
        self.now = now
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

    public func claimRun(job: String, at: Date, owner: String, lease: TimeInterval) -> RunClaimOutcome {
        let now = self.now()
        if let held = claims[job]?[at], held.expires.map({ $0 >= now }) ?? true {
            return .held(by: held.owner)
        }
        var held = claims[job, default: [:]]
        held[at] = (owner, now.addingTimeInterval(lease))
        // Bounded like the history: only the latest slots can still be asked for.
        if held.count >= 2 * historyLimit {
            for slot in held.keys.sorted().prefix(held.count - historyLimit) { held[slot] = nil }
        }
        claims[job] = held
        return .granted
    }

    public func finishRun(job: String, at: Date, owner: String) {
        guard claims[job]?[at]?.owner == owner else { return }
        claims[job]![at]!.expires = nil
    }
}
