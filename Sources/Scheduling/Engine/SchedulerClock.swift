import Foundation

/// The scheduler's source of time and of waiting, injected so that tests can run a simulated
/// month in milliseconds (``SimulatedClock``) while production uses ``SystemClock``.
public protocol SchedulerClock: Sendable {
    /// The current instant.
    func now() -> Date
    /// Returns once ``now()`` has reached `deadline`; throws `CancellationError` if the task is
    /// cancelled first.
    func sleep(until deadline: Date) async throws
    /// Starts a task for the scheduler (a job run, a timer, a delivery). A simulated clock counts
    /// these tasks so that it moves time only when every one of them is asleep or done.
    @discardableResult
    func spawn(_ operation: @escaping @Sendable () async -> Void) -> Task<Void, Never>
}

extension SchedulerClock {
    @discardableResult
    public func spawn(_ operation: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        Task { await operation() }
    }
}

/// Wall-clock time.
///
/// Sleeps in steps of at most a minute and re-reads the wall clock after each, so that a clock
/// stepped by NTP or a machine woken from suspend is noticed within a minute rather than after a
/// monotonic interval measured before the jump.
public struct SystemClock: SchedulerClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date) async throws {
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return }
            try await Task.sleep(for: .seconds(min(left, 60)))
        }
    }
}
