import Foundation
import Scheduling

/// Wall-clock time moved by a fixed offset: `hostrun schedule --now "26/05/2026 07:29:50"`
/// starts the service at that instant and lets time run on from there at the normal pace, so
/// an operator (or a test) can watch tomorrow's 07:30 run happen in ten seconds.
struct ShiftedClock: SchedulerClock {
    let offset: TimeInterval

    /// A clock reading `start` now.
    init(start: Date) {
        offset = start.timeIntervalSinceNow
    }

    func now() -> Date { Date().addingTimeInterval(offset) }

    func sleep(until deadline: Date) async throws {
        try await SystemClock().sleep(until: deadline.addingTimeInterval(-offset))
    }
}
