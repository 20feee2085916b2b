import Domain
import Foundation

/// How instants are stored: INTEGER milliseconds since 1970-01-01T00:00Z. Sub-millisecond
/// precision is dropped on the way in, which no source system has.
package enum StoredInstant {
    package static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    package static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The centre's local day of a stored instant, as the `*_day` columns hold it.
    package static func day(_ milliseconds: Int64, _ centreTime: CentreTime) -> Int64 {
        Int64(centreTime.localDate(date(milliseconds)).dayNumber)
    }

    /// Local ISO 8601 with the centre's offset, e.g. `2026-01-05T08:30:00+07:00`, for the audit
    /// trail.
    package static func text(_ milliseconds: Int64, _ centreTime: CentreTime) -> String {
        let instant = date(milliseconds)
        let day = centreTime.localDate(instant)
        let local = milliseconds.floorDivided(by: 1000) + Int64(centreTime.utcOffsetSeconds)
        let secondOfDay = Int(local - local.floorDivided(by: 86_400) * 86_400)
        let fraction = milliseconds - milliseconds.floorDivided(by: 1000) * 1000
        let offset = centreTime.utcOffsetSeconds
        let offsetMinutes = abs(offset) / 60
        return "\(day)T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):"
            + pad(secondOfDay % 60) + (fraction == 0 ? "" : "." + String(1000 + fraction).dropFirst())
            + (offset < 0 ? "-" : "+") + "\(pad(offsetMinutes / 60)):\(pad(offsetMinutes % 60))"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Int64 {
    /// Division rounding towards minus infinity, for instants before 1970.
    package func floorDivided(by divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
