import Foundation

/// Converts between absolute instants and the centre's local wall time.
///
/// Vietnam (Asia/Ho_Chi_Minh) has kept UTC+7 with no daylight saving since 1975, so the offset
/// is a constant by default; a centre elsewhere can pass its own fixed offset. Every conversion is
/// integer arithmetic: classifying a million dossiers must not build a million `DateComponents`.
public struct CentreTime: Sendable, Hashable, Codable {
    /// Seconds east of UTC.
    public var utcOffsetSeconds: Int

    /// Asia/Ho_Chi_Minh, UTC+07:00.
    public static let vietnam = CentreTime(utcOffsetSeconds: 7 * 3600)

    public init(utcOffsetSeconds: Int) { self.utcOffsetSeconds = utcOffsetSeconds }

    /// Whole local seconds since 1970-01-01 00:00 local.
    @inline(__always)
    func localSeconds(_ instant: Date) -> Int {
        Int((instant.timeIntervalSince1970 + Double(utcOffsetSeconds)).rounded(.down))
    }

    /// The local calendar date of an instant.
    public func localDate(_ instant: Date) -> LocalDate {
        let local = localSeconds(instant)
        return LocalDate(dayNumber: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The local time of day of an instant, to the minute.
    public func localTime(_ instant: Date) -> LocalTime {
        LocalTime(minuteOfDay: secondOfDay(instant) / 60)
    }

    /// Seconds since local midnight, 0 ..< 86 400.
    public func secondOfDay(_ instant: Date) -> Int {
        ((localSeconds(instant) % 86_400) + 86_400) % 86_400
    }

    /// The instant at which a local date and time occur.
    public func instant(_ date: LocalDate, _ time: LocalTime = LocalTime(minuteOfDay: 0),
                        second: Int = 0) -> Date {
        let seconds = date.dayNumber * 86_400 + time.minuteOfDay * 60 + second - utcOffsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The first instant of a local date (00:00).
    public func startOfDay(_ date: LocalDate) -> Date { instant(date) }

    /// `yyyy-MM-ddTHH:mm:ss±hh:mm` in this zone: unambiguous text for errors, logs and exports.
    public func iso8601(_ instant: Date) -> String {
        let second = secondOfDay(instant)
        let offset = abs(utcOffsetSeconds) / 60
        return "\(localDate(instant))T\(LocalDate.pad(second / 3600)):\(LocalDate.pad(second / 60 % 60))"
            + ":\(LocalDate.pad(second % 60))\(utcOffsetSeconds < 0 ? "-" : "+")"
            + "\(LocalDate.pad(offset / 60)):\(LocalDate.pad(offset % 60))"
    }
}

extension CentreTime {
    /// Reads a date or date-time as an instant. Text without a zone is wall time in this centre's
    /// zone; text with `Z` or `±hh:mm` names its own. A date alone means its first instant (00:00).
    ///
    /// Accepts `dd/MM/yyyy[ HH:mm[:ss]]`, `yyyy-MM-dd[THH:mm[:ss[.fff]]][Z|±hh:mm]` and the
    /// national portal's `yyyyMMddHHmmss`.
    public func instant(parsing text: String) throws(DateParseError) -> Date {
        let parsed = try DateTextParser.parse(text)
        let local = Double(parsed.date.dayNumber * 86_400) + (parsed.seconds ?? 0)
        return Date(timeIntervalSince1970: local - Double(parsed.utcOffsetSeconds ?? utcOffsetSeconds))
    }
}
