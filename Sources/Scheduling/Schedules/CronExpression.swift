import Foundation
import Domain

/// A five-field cron expression: `minute hour day-of-month month day-of-week`.
///
/// Each field is a comma-separated list of `*`, `N`, `A-B`, optionally followed by `/STEP`;
/// months accept `JAN`–`DEC` and weekdays `SUN`–`SAT` (0 or 7 is Sunday), in any case. The
/// shortcuts `@hourly`, `@daily` (`@midnight`), `@weekly`, `@monthly` and `@yearly`
/// (`@annually`) stand for their usual expansions.
///
/// Days follow the Vixie-cron rule: a day field "is restricted" when its text does not start
/// with `*`. When *both* day-of-month and day-of-week are restricted, a day matches if *either*
/// matches (`0 7 1 * MON` runs on the 1st and on every Monday); otherwise both must match. Note
/// that `*/2` starts with `*` and so counts as unrestricted, exactly as in Vixie cron.
///
/// The expression is read in the centre's local wall time (``Domain/CentreTime``): a fixed
/// offset with no daylight saving, so no time is skipped or repeated.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let text: String
    let minutes: CronField
    let hours: CronField
    let daysOfMonth: CronField
    let months: CronField
    let daysOfWeek: CronField

    private static let shortcuts: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
        "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
        "@hourly": "0 * * * *",
    ]

    /// Parses an expression.
    ///
    /// - Parameter schedule: the whole schedule text the expression came from, quoted in errors
    ///   (defaults to `text`).
    /// - Throws: ``ScheduleParseError`` naming the field and the bad token, or the field
    ///   `expression` for a wrong number of fields, an unknown shortcut, or days that never occur.
    public init(_ text: String, schedule: String? = nil) throws(ScheduleParseError) {
        let quoted = schedule ?? text
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let expanded: String
        if trimmed.hasPrefix("@") {
            guard let full = CronExpression.shortcuts[trimmed.lowercased()] else {
                throw ScheduleParseError(
                    schedule: quoted, field: .expression, token: trimmed,
                    reason: "unknown shortcut; use @hourly, @daily, @weekly, @monthly or @yearly")
            }
            expanded = full
        } else {
            expanded = trimmed
        }
        let fields = expanded.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count == 5 else {
            throw ScheduleParseError(
                schedule: quoted, field: .expression, token: trimmed,
                reason: "expected 5 fields (minute hour day-of-month month day-of-week), "
                    + "found \(fields.count)")
        }
        self.text = trimmed
        minutes = try CronFieldSpec.minute.parse(fields[0], schedule: quoted)
        hours = try CronFieldSpec.hour.parse(fields[1], schedule: quoted)
        daysOfMonth = try CronFieldSpec.dayOfMonth.parse(fields[2], schedule: quoted)
        months = try CronFieldSpec.month.parse(fields[3], schedule: quoted)
        daysOfWeek = try CronFieldSpec.dayOfWeek.parse(fields[4], schedule: quoted)
        if daysOfMonth.restricted, !daysOfWeek.restricted, !canOccur {
            throw ScheduleParseError(
                schedule: quoted, field: .dayOfMonth, token: String(fields[2]),
                reason: "no month in '\(fields[3])' has such a day, so it would never run")
        }
    }

    public var description: String { text }

    /// Whether some allowed month has some allowed day of the month (29 February counts).
    private var canOccur: Bool {
        let longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains { month in
            months.contains(month)
                && daysOfMonth.next(atOrAfter: 1).map { $0 <= longest[month - 1] } == true
        }
    }

    /// Whether the expression allows this local date (month and the day rule).
    func allows(_ date: LocalDate) -> Bool {
        let (_, month, day) = date.civil
        guard months.contains(month) else { return false }
        let domMatch = daysOfMonth.contains(day)
        let dowMatch = daysOfWeek.contains(date.isoWeekday % 7)
        if daysOfMonth.restricted && daysOfWeek.restricted { return domMatch || dowMatch }
        return domMatch && dowMatch
    }

    /// The first allowed minute of the day at or after `minuteOfDay`, if any.
    func firstMinute(atOrAfter minuteOfDay: Int) -> Int? {
        var hour = minuteOfDay / 60
        var minute = minuteOfDay % 60
        while let h = hours.next(atOrAfter: hour) {
            if h != hour { minute = 0 }
            if let m = minutes.next(atOrAfter: minute) { return h * 60 + m }
            hour = h + 1
            minute = 0
        }
        return nil
    }

    /// The first day on or after `date` in an allowed month: `date` itself, or the 1st of the
    /// next allowed month. Lets the search skip whole months instead of walking their days.
    func firstDayInAllowedMonth(onOrAfter date: LocalDate) -> LocalDate {
        let (year, month, _) = date.civil
        if months.contains(month) { return date }
        if let next = months.next(atOrAfter: month + 1), next <= 12 {
            return LocalDate(year: year, month: next, day: 1)!
        }
        return LocalDate(year: year + 1, month: months.first ?? 1, day: 1)!
    }
}
