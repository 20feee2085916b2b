/// Proleptic Gregorian day arithmetic without Foundation's calendars (and their time zones):
/// days are counted from 1970-01-01 (H. Hinnant's algorithms).
///
/// A target of its own so that the domain's ``LocalDate`` and the file formats' spreadsheet
/// dates share one implementation without either depending on the other.
public enum CivilDate {
    /// The day number (days since 1970-01-01) of a calendar date; out-of-range components roll
    /// over (day 0 is the last day of the month before).
    @inlinable public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar date of a day number (days since 1970-01-01).
    @inlinable public static func date(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether the components name a real calendar day.
    @inlinable public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return date(fromDays: days(year: year, month: month, day: day)) == (year, month, day)
    }
}
