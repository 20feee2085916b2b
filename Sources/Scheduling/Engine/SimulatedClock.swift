import Foundation

/// A clock whose time moves only when a test calls ``advance(to:)``, for deterministic tests of
/// schedules, timeouts and alerts over simulated days.
///
/// Tasks started through ``spawn(_:)`` are *participants*: ``advance(to:)`` moves time to the
/// next sleeper's deadline only once every participant is asleep on this clock or finished, so
/// each step sees the full effect of the previous one, however the executor interleaves tasks.
/// A participant that waits on anything else (a lock, a socket) holds time still until it
/// returns; tests should make jobs wait on this clock.
public final class SimulatedClock: SchedulerClock, @unchecked Sendable {
    @TaskLocal private static var isParticipant = false

    private struct Sleeper {
        let deadline: Date
        let participant: Bool
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let lock = NSLock()
    private var current: Date
    /// Participants neither asleep nor finished.
    private var active = 0
    private var sleepers: [UInt64: Sleeper] = [:]
    private var nextID: UInt64 = 0
    /// Sleeps between their start and their return, and those of them cancelled before they
    /// could register as sleepers.
    private var pending: Set<UInt64> = []
    private var cancelledEarly: Set<UInt64> = []
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []

    public init(start: Date) {
        current = start
    }

    public func now() -> Date {
        lock.withLock { current }
    }

    @discardableResult
    public func spawn(_ operation: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        lock.withLock { active += 1 }
        return Task {
            await SimulatedClock.$isParticipant.withValue(true) { await operation() }
            self.participantFinished()
        }
    }

    public func sleep(until deadline: Date) async throws {
        let participant = SimulatedClock.isParticipant
        let id: UInt64 = lock.withLock {
            nextID += 1
            pending.insert(nextID)
            return nextID
        }
        defer {
            lock.withLock {
                pending.remove(id)
                cancelledEarly.remove(id)
            }
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Now { case wait, ready, cancelled }
                var idle: [CheckedContinuation<Void, Never>] = []
                let now: Now = lock.withLock {
                    if cancelledEarly.remove(id) != nil { return .cancelled }
                    if deadline <= current { return .ready }
                    sleepers[id] = Sleeper(deadline: deadline, participant: participant,
                                           continuation: continuation)
                    if participant { idle = decrementActive() }
                    return .wait
                }
                idle.forEach { $0.resume() }
                switch now {
                case .wait: break
                case .ready: continuation.resume()
                case .cancelled: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let sleeper: Sleeper? = lock.withLock {
                if let sleeper = sleepers.removeValue(forKey: id) {
                    if sleeper.participant { active += 1 }
                    return sleeper
                }
                if pending.contains(id) { cancelledEarly.insert(id) }
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward to `target`, waking sleepers in deadline order and letting every
    /// participant settle after each step.
    public func advance(to target: Date) async {
        while true {
            await waitUntilIdle()
            let due: [Sleeper] = lock.withLock {
                guard let earliest = sleepers.values.map(\.deadline).min(), earliest <= target
                else {
                    if target > current { current = target }
                    return []
                }
                if earliest > current { current = earliest }
                let ids = sleepers.filter { $0.value.deadline <= current }.map(\.key)
                return ids.compactMap { id in
                    let sleeper = sleepers.removeValue(forKey: id)
                    if sleeper?.participant == true { active += 1 }
                    return sleeper
                }
            }
            if due.isEmpty { return }
            due.forEach { $0.continuation.resume() }
        }
    }

    /// Moves time forward by `seconds`.
    public func advance(by seconds: TimeInterval) async {
        await advance(to: now().addingTimeInterval(seconds))
    }

    /// Returns once every participant is asleep on this clock or finished.
    public func waitUntilIdle() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = lock.withLock {
                if active == 0 { return true }
                idleWaiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    private func participantFinished() {
        let idle = lock.withLock { decrementActive() }
        idle.forEach { $0.resume() }
    }

    /// Call with the lock held; returns the idle waiters to resume once it is released.
    private func decrementActive() -> [CheckedContinuation<Void, Never>] {
        active -= 1
        guard active == 0 else { return [] }
        defer { idleWaiters = [] }
        return idleWaiters
    }
}
