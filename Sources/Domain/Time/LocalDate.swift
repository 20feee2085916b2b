import CivilCalendar
/// A calendar date with no time zone: the unit in which deadlines are compared.
///
/// Stored as days since 1970-01-01 so that comparisons and day arithmetic are integer operations
/// (classifying a million dossiers must not build a million `DateComponents`). It is encoded as
/// `yyyy-MM-dd` text so that JSON files (holiday data, exported figures) stay readable.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (proleptic Gregorian).
    public var dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Builds a date from its parts; returns `nil` for an impossible date such as 30/02.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        dayNumber = CivilDate.days(year: year, month: month, day: day)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Calendar days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    /// `yyyy-MM-dd`.
    public var description: String {
        let c = civil
        return "\(c.year)-\(LocalDate.pad(c.month))-\(LocalDate.pad(c.day))"
    }

    /// `dd/MM/yyyy`, with leading zeros as Vietnamese tables write it.
    public var vietnamese: String {
        let c = civil
        return "\(LocalDate.pad(c.day))/\(LocalDate.pad(c.month))/\(c.year)"
    }

    // MARK: Civil-date arithmetic (the CivilCalendar target)

    public var civil: (year: Int, month: Int, day: Int) { CivilDate.date(fromDays: dayNumber) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // MARK: Codable as `yyyy-MM-dd`

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try LocalDate(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
