import Foundation

/// The host's clock: what `clock.now()` answers and what every deadline computation of a script
/// is measured against.
///
/// It reads the system time until it is set (`hostrun --now "25/05/2026 17:00"`, or a spec file
/// through the test harness); once set it stands still, moving only when advanced, so a run is
/// reproducible to the second.
///
/// ```swift
/// let clock = HostClock()
/// clock.set(try CentreTime.vietnam.instant(parsing: "25/05/2026 17:00"))
/// clock.advance(by: 3 * 86_400)        // three days later
/// ```
///
/// Thread-safe: the store and a scheduler may read it from other threads.
public final class HostClock: @unchecked Sendable {
    // `fixed` is guarded by `lock`.
    private let lock = NSLock()
    private var fixed: Date?

    /// A clock at `instant`, or following the system time when `nil`.
    public init(fixed instant: Date? = nil) {
        fixed = instant
    }

    /// The current instant.
    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return fixed ?? Date()
    }

    /// Whether the clock was set (and so stands still).
    public var isFixed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return fixed != nil
    }

    /// Sets the clock to `instant`; it stands still there until set or advanced again.
    public func set(_ instant: Date) {
        lock.lock()
        defer { lock.unlock() }
        fixed = instant
    }

    /// Moves the clock `seconds` forward (backward when negative). A clock following the system
    /// time is first fixed at the current instant.
    public func advance(by seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        fixed = (fixed ?? Date()).addingTimeInterval(seconds)
    }

    /// Returns to the system time.
    public func followSystemTime() {
        lock.lock()
        defer { lock.unlock() }
        fixed = nil
    }
}
