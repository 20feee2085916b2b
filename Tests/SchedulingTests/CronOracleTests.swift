import Domain
import Foundation
@testable import Scheduling
import Testing

/// Compares the day-skipping search of `Schedule.next(after:)` with a minute-by-minute scan over
/// the same fields, on expressions drawn from a seeded generator.
@Suite("Cron search agrees with a minute-by-minute scan")
struct CronOracleTests {
    /// SplitMix64: a tiny seeded generator so that a failure names a reproducible case.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func field(_ range: ClosedRange<Int>, _ rng: inout SplitMix) -> String {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return "*"
        case 1: return "*/\(Int.random(in: 2...7, using: &rng))"
        case 2: return "\(Int.random(in: range, using: &rng))"
        case 3:
            let a = Int.random(in: range, using: &rng)
            return "\(a)-\(Int.random(in: a...range.upperBound, using: &rng))"
        case 4:
            return (0..<3).map { _ in "\(Int.random(in: range, using: &rng))" }
                .joined(separator: ",")
        default:
            return "\(Int.random(in: range, using: &rng))/\(Int.random(in: 2...9, using: &rng))"
        }
    }

    /// The oracle: the first minute after `start` within `days` whose fields all match.
    func scan(_ cron: CronExpression, after start: Date, days: Int) -> Date? {
        let time = CentreTime.vietnam
        var minute = (start.timeIntervalSince1970 / 60).rounded(.down) + 1
        let end = minute + Double(days * 1440)
        while minute < end {
            let instant = Date(timeIntervalSince1970: minute * 60)
            let t = time.localTime(instant)
            if cron.minutes.contains(t.minute), cron.hours.contains(t.hour),
               cron.allows(time.localDate(instant)) {
                return instant
            }
            minute += 1
        }
        return nil
    }

    @Test("200 random expressions from random start times", .timeLimit(.minutes(2)))
    func agree() throws {
        var rng = SplitMix(state: 20_260_430)
        let horizon = 62
        var found = 0
        for _ in 0..<200 {
            let text = [field(0...59, &rng), field(0...23, &rng), field(1...31, &rng),
                        field(1...12, &rng), field(0...7, &rng)].joined(separator: " ")
            guard let cron = try? CronExpression(text) else { continue }
            let schedule = try Schedule(text)
            let start = Date(timeIntervalSince1970: 1_767_225_600
                + Double(Int.random(in: 0..<(4 * 365 * 86_400), using: &rng)))
            // Plain cron: the calendar is never consulted.
            let fast = schedule.next(after: start, workingDays: NoWorkingDays())
            if let expected = scan(cron, after: start, days: horizon) {
                found += 1
                #expect(fast == expected, "\(text) after \(show(start))")
            } else {
                let limit = start.addingTimeInterval(Double(horizon * 86_400))
                #expect(fast.map { $0 >= limit } ?? true, "\(text) after \(show(start))")
            }
        }
        // Most cases must have a run within the horizon, or the comparison proves little.
        #expect(found > 80)
    }
}
