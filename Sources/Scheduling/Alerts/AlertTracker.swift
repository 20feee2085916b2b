import Foundation

/// Turns check results into alerts: a finding is reported once, again after the repeat
/// interval, at once when its status changes, and as resolved when a run no longer finds it.
///
/// Findings are the result's items when its status is not `ok`; a non-`ok` result without items
/// is one finding about the check itself (key ``Alert/checkLevelKey``). An `ok` result has no
/// findings. A result with status `unknown` (the check failed, hung or could not tell) resolves
/// nothing: absence from a run that could not look is not evidence.
///
/// State lives in the ``SchedulerStateStore`` and is written before the alerts are handed to
/// sinks, so a restarted scheduler continues where the last one stopped.
public struct AlertTracker: Sendable {
    public let store: any SchedulerStateStore

    public init(store: any SchedulerStateStore) {
        self.store = store
    }

    /// Compares a run's result with the open findings of its check, updates them and returns the
    /// alerts to send, in the order of the result's items, then resolutions sorted by key.
    ///
    /// - Parameters:
    ///   - at: the run's scheduled time; repeat intervals are measured between scheduled times so
    ///     that a run starting a second earlier than yesterday's still repeats a daily alert.
    ///   - repeatAfter: seconds after which a still-open finding is reported again; `nil` never.
    public func process(check: String, result: CheckResult, at: Date,
                        repeatAfter: TimeInterval?) async throws -> [Alert] {
        let open = Dictionary(try await store.alertStates(check: check).map { ($0.key, $0) },
                              uniquingKeysWith: { first, _ in first })
        var alerts: [Alert] = []
        var upserts: [AlertState] = []
        var seen: Set<String> = []
        for finding in AlertTracker.findings(check: check, result: result, at: at) {
            guard seen.insert(finding.key).inserted else { continue }
            var state = finding
            let kind: Alert.Kind?
            if let previous = open[finding.key] {
                state.firstSeen = previous.firstSeen
                state.lastNotified = previous.lastNotified
                if previous.status != finding.status {
                    kind = .changed
                } else if let repeatAfter, at.timeIntervalSince(previous.lastNotified) >= repeatAfter {
                    kind = .repeated
                } else {
                    kind = nil
                }
            } else {
                kind = .firing
            }
            if let kind {
                state.lastNotified = at
                alerts.append(AlertTracker.alert(kind, state, at: at))
            }
            upserts.append(state)
        }
        var removals: [String] = []
        if result.status != .unknown {
            for (key, state) in open.sorted(by: { $0.key < $1.key }) where !seen.contains(key) {
                removals.append(key)
                alerts.append(AlertTracker.alert(.resolved, state, at: at))
            }
        }
        try await store.updateAlertStates(check: check, upserts: upserts, removals: removals)
        return alerts
    }

    private static func findings(check: String, result: CheckResult, at: Date) -> [AlertState] {
        guard result.status != .ok else { return [] }
        guard !result.items.isEmpty else {
            return [AlertState(check: check, key: Alert.checkLevelKey, status: result.status,
                               department: nil, daysLeft: nil, message: result.summary,
                               firstSeen: at, lastSeen: at, lastNotified: at)]
        }
        return result.items.map { item in
            AlertState(check: check, key: item.key, status: result.status,
                       department: item.department, daysLeft: item.daysLeft,
                       message: item.detail ?? result.summary, firstSeen: at, lastSeen: at,
                       lastNotified: at)
        }
    }

    private static func alert(_ kind: Alert.Kind, _ state: AlertState, at: Date) -> Alert {
        Alert(kind: kind, check: state.check, key: state.key, status: state.status,
              department: state.department, daysLeft: state.daysLeft, message: state.message,
              firstSeen: state.firstSeen, at: at)
    }
}
