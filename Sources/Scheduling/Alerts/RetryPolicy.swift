import Foundation

/// How often and how patiently a sink is retried: exponential back-off from `initialDelay`,
/// doubling up to `maxDelay`, for at most `attempts` tries in all.
public struct RetryPolicy: Sendable, Hashable {
    public var attempts: Int
    public var initialDelay: TimeInterval
    public var maxDelay: TimeInterval

    public init(attempts: Int = 5, initialDelay: TimeInterval = 2, maxDelay: TimeInterval = 300) {
        self.attempts = max(attempts, 1)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// The wait before try number `attempt + 1`, after `attempt` failures (1-based).
    public func delay(afterFailure attempt: Int) -> TimeInterval {
        min(initialDelay * pow(2, Double(attempt - 1)), maxDelay)
    }
}
