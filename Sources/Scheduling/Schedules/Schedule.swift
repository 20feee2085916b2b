import Domain
import Foundation

/// When a job runs: a cron expression, optionally limited to working days, or fixed times on
/// every working day.
///
/// Accepted forms:
/// - `M H DOM MON DOW` or a shortcut such as `@daily`: a ``CronExpression``;
/// - `workingdays HH:MM[,HH:MM…]`: at those local times on every working day
///   ("every working day at 07:30" is `workingdays 07:30`);
/// - `workingdays M H DOM MON DOW` (or `workingdays @hourly`): the cron expression, on working
///   days only.
///
/// Working days come from a ``WorkingDays`` calendar, so public holidays are skipped and a
/// make-up working Saturday is included.
public struct Schedule: Sendable, Hashable, CustomStringConvertible {
    enum Times: Sendable, Hashable {
        case cron(CronExpression)
        /// Minutes of the day, sorted, distinct.
        case daily([Int])
    }

    /// The schedule as written.
    public let text: String
    let times: Times
    /// Whether days off of the ``WorkingDays`` calendar are skipped.
    public let workingDaysOnly: Bool

    /// Longest search, in days, for the next run: covers 29 February after a skipped leap year
    /// (eight years) with room to spare; a working-day calendar with no working day in that span
    /// yields no next run.
    static let searchDays = 9 * 366

    private static let keyword = "workingdays"

    /// Parses a schedule.
    ///
    /// - Throws: ``ScheduleParseError`` naming the field and the bad token.
    public init(_ text: String) throws(ScheduleParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        self.text = trimmed
        let head = trimmed.prefix { !$0.isWhitespace }
        guard head.lowercased() == Schedule.keyword else {
            workingDaysOnly = false
            times = .cron(try CronExpression(trimmed))
            return
        }
        workingDaysOnly = true
        let rest = trimmed.dropFirst(head.count).trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else {
            throw ScheduleParseError(schedule: trimmed, field: .time, token: "",
                                     reason: "'workingdays' needs times (07:30) or a cron expression")
        }
        if rest.contains(":") {
            times = .daily(try Schedule.parseTimes(rest, schedule: trimmed))
        } else {
            times = .cron(try CronExpression(rest, schedule: trimmed))
        }
    }

    public var description: String { text }

    /// The first run strictly after `instant`, to the minute, or `nil` if there is none within
    /// nine years (a calendar with no working days, say).
    ///
    /// Walks days, not minutes: months the expression excludes are skipped whole, and within a
    /// day the next allowed minute is found with two bit-set look-ups.
    public func next(after instant: Date, in centreTime: CentreTime = .vietnam,
                     workingDays: any WorkingDays) -> Date? {
        var date = centreTime.localDate(instant)
        var fromMinute = centreTime.localTime(instant).minuteOfDay + 1
        let end = date.adding(days: Schedule.searchDays)
        while date <= end {
            if case .cron(let cron) = times {
                let allowed = cron.firstDayInAllowedMonth(onOrAfter: date)
                if allowed != date {
                    date = allowed
                    fromMinute = 0
                    continue
                }
            }
            if fromMinute < 1440, allows(date, workingDays: workingDays),
               let minute = firstMinute(atOrAfter: fromMinute) {
                return centreTime.instant(date, LocalTime(minuteOfDay: minute))
            }
            date = date.adding(days: 1)
            fromMinute = 0
        }
        return nil
    }

    private func allows(_ date: LocalDate, workingDays: any WorkingDays) -> Bool {
        if case .cron(let cron) = times, !cron.allows(date) { return false }
        return !workingDaysOnly || workingDays.isWorkingDay(date)
    }

    private func firstMinute(atOrAfter minute: Int) -> Int? {
        switch times {
        case .cron(let cron): cron.firstMinute(atOrAfter: minute)
        case .daily(let minutes): minutes.first { $0 >= minute }
        }
    }

    private static func parseTimes(_ text: String, schedule: String) throws(ScheduleParseError)
        -> [Int] {
        var minutes: Set<Int> = []
        for token in text.split(separator: ",", omittingEmptySubsequences: false) {
            let t = token.trimmingCharacters(in: .whitespaces)
            let parts = t.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
                  let h = Int(parts[0]), let m = Int(parts[1]),
                  let time = LocalTime(hour: h, minute: m)
            else {
                throw ScheduleParseError(schedule: schedule, field: .time, token: t,
                                         reason: "expected a time HH:MM from 00:00 to 23:59")
            }
            minutes.insert(time.minuteOfDay)
        }
        return minutes.sorted()
    }
}
