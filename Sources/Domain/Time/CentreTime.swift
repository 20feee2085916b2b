import Foundation

/// Converts between absolute instants and the centre's local wall time.
///
/// Vietnam (Asia/Ho_Chi_Minh) has kept UTC+7 with no daylight saving since 1975, so the offset
/// is a constant by default; a centre elsewhere can pass its own fixed offset.
public struct CentreTime: Sendable, Hashable {
    /// Seconds east of UTC.
    public var utcOffsetSeconds: Int

    /// Asia/Ho_Chi_Minh, UTC+07:00.
    public static let vietnam = CentreTime(utcOffsetSeconds: 7 * 3600)

    public init(utcOffsetSeconds: Int) { self.utcOffsetSeconds = utcOffsetSeconds }

    /// The local calendar date of an instant.
    public func localDate(_ instant: Date) -> LocalDate {
        let local = Int((instant.timeIntervalSince1970 + Double(utcOffsetSeconds)).rounded(.down))
        return LocalDate(dayNumber: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The local time of day of an instant.
    public func localTime(_ instant: Date) -> LocalTime {
        let local = Int((instant.timeIntervalSince1970 + Double(utcOffsetSeconds)).rounded(.down))
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        return LocalTime(minuteOfDay: secondOfDay / 60)
    }

    /// The instant at which a local date and time occur.
    public func instant(_ date: LocalDate, _ time: LocalTime = LocalTime(minuteOfDay: 0),
                        second: Int = 0) -> Date {
        let seconds = date.dayNumber * 86_400 + time.minuteOfDay * 60 + second - utcOffsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
