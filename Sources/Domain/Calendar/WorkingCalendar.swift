import Foundation

/// Which days a centre works: Monday to Friday by default, minus the days off of its holiday
/// files, plus their make-up working days.
///
/// Queries are array look-ups: at construction the calendar indexes every day from 2000 to 2100
/// (and any year its files cover beyond that) with a running count of working days, so "the 15th
/// working day after" or "working days between" cost O(1) whatever the distance. Days outside the
/// index fall back to a day-by-day walk. Years without a holiday file count weekends only;
/// ``hasHolidayData(for:)`` lets a report warn about them.
public struct WorkingCalendar: Sendable {
    /// Saturday and Sunday (ISO weekdays 6 and 7).
    public static let mondayToFriday: Set<Int> = [6, 7]

    /// ISO weekdays (1 Monday … 7 Sunday) that are not worked unless a file says so.
    public let weekend: Set<Int>
    /// The holiday files in force, by year.
    public let years: [Int: HolidayYear]
    /// Each listed day's name and whether it is worked.
    private let listed: [Int: (name: String, working: Bool)]
    private let index: Index

    /// A running count of working days over a span of days.
    private struct Index: Sendable {
        /// Day number of the first indexed day.
        let first: Int
        /// `prefix[i]` = working days in `[first, first + i)`; one longer than the span.
        let prefix: [Int32]
        /// Offsets from `first` of every working day in the span, ascending.
        let working: [Int32]

        var end: Int { first + prefix.count - 1 }
        @inline(__always) func contains(_ day: Int) -> Bool { day >= first && day < end }
    }

    /// A calendar from holiday years (at most one per year) and a weekend.
    public init(years: [HolidayYear], weekend: Set<Int> = WorkingCalendar.mondayToFriday)
        throws(HolidayFileError) {
        var byYear: [Int: HolidayYear] = [:]
        var listed: [Int: (String, Bool)] = [:]
        for year in years {
            let label = "\(year.region.lowercased())-\(year.year)"
            if byYear[year.year] != nil {
                throw HolidayFileError(file: label, reason: "a second file for \(year.year)")
            }
            try year.validate(file: label, weekend: weekend)
            byYear[year.year] = year
            for day in year.daysOff { listed[day.date.dayNumber] = (day.name, false) }
            for day in year.workingDays { listed[day.date.dayNumber] = (day.name, true) }
        }
        self.weekend = weekend
        self.years = byYear
        self.listed = listed

        let first = LocalDate(year: min(2000, byYear.keys.min() ?? 2000), month: 1, day: 1)!
        let end = LocalDate(year: max(2100, (byYear.keys.max() ?? 2100) + 1), month: 1, day: 1)!
        var prefix = [Int32](repeating: 0, count: end.dayNumber - first.dayNumber + 1)
        var working: [Int32] = []
        working.reserveCapacity(prefix.count * 5 / 7)
        for offset in 0..<(prefix.count - 1) {
            let day = first.dayNumber + offset
            let works = listed[day]?.1 ?? !weekend.contains(LocalDate(dayNumber: day).isoWeekday)
            if works { working.append(Int32(offset)) }
            prefix[offset + 1] = prefix[offset] + (works ? 1 : 0)
        }
        index = Index(first: first.dayNumber, prefix: prefix, working: working)
    }

    /// A calendar from holiday files, one per year.
    public init(contentsOf urls: [URL], weekend: Set<Int> = WorkingCalendar.mondayToFriday)
        throws(HolidayFileError) {
        var years: [HolidayYear] = []
        for url in urls { years.append(try HolidayYear(contentsOf: url)) }
        try self.init(years: years, weekend: weekend)
    }

    /// This calendar with some years replaced or added, e.g. a centre's own file for a year
    /// whose notice came out after the release.
    public func merging(_ replacements: [HolidayYear]) throws(HolidayFileError) -> WorkingCalendar {
        var byYear = years
        for year in replacements { byYear[year.year] = year }
        return try WorkingCalendar(years: byYear.keys.sorted().map { byYear[$0]! }, weekend: weekend)
    }

    // MARK: Single days

    /// Whether `date` is a working day.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        let day = date.dayNumber
        if index.contains(day) {
            let i = day - index.first
            return index.prefix[i + 1] != index.prefix[i]
        }
        return listed[day]?.working ?? !weekend.contains(date.isoWeekday)
    }

    /// The name a holiday file gives `date` (a day off or a make-up working day), if any.
    public func listedName(_ date: LocalDate) -> String? { listed[date.dayNumber]?.name }

    /// Whether a holiday file covers `year`; if not, only weekends are known for it.
    public func hasHolidayData(for year: Int) -> Bool { years[year] != nil }

    // MARK: Counting

    /// `date` if it is a working day, else the next one.
    public func workingDay(onOrAfter date: LocalDate) -> LocalDate {
        let day = date.dayNumber
        if index.contains(day) {
            let before = Int(index.prefix[day - index.first])
            if before < index.working.count {
                return LocalDate(dayNumber: index.first + Int(index.working[before]))
            }
        }
        var d = date
        while !isWorkingDay(d) { d = d.adding(days: 1) }
        return d
    }

    /// The `n`th working day after `date` (`n` ≥ 1), not counting `date` itself; `date` for 0.
    ///
    /// This is how a limit of `n` working days runs: received on day D, day 1 is the next
    /// working day and the result is due on day `n`.
    public func workingDay(_ n: Int, after date: LocalDate) -> LocalDate {
        precondition(n >= 0, "a count of working days cannot be negative")
        if n == 0 { return date }
        let day = date.dayNumber
        if index.contains(day) {
            let k = Int(index.prefix[day - index.first + 1]) + n - 1
            if k < index.working.count {
                return LocalDate(dayNumber: index.first + Int(index.working[k]))
            }
        }
        var d = date, left = n
        while left > 0 {
            d = d.adding(days: 1)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    /// Working days in `(from, to]`: after `from`, up to and including `to`; negative, with the
    /// same count, when `to` is earlier. So a due date `n` working days after receipt is `n`
    /// working days from it, and a dossier due Friday is 1 working day late on Monday.
    public func workingDays(from: LocalDate, to: LocalDate) -> Int {
        if to < from { return -workingDays(from: to, to: from) }
        if index.contains(from.dayNumber) && index.contains(to.dayNumber) {
            return Int(index.prefix[to.dayNumber - index.first + 1]
                           - index.prefix[from.dayNumber - index.first + 1])
        }
        var count = 0, d = from
        while d < to {
            d = d.adding(days: 1)
            if isWorkingDay(d) { count += 1 }
        }
        return count
    }
}
