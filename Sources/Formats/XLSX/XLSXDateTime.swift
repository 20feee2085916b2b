import CivilCalendar
/// Which day a workbook counts its date serial numbers from.
public enum XLSXDateSystem: Sendable, Equatable {
    /// Serial 1 is 01/01/1900, and serial 60 is Excel's fictitious 29/02/1900 (kept from Lotus
    /// 1-2-3), so serials from 61 on are one day ahead of a plain count.
    case from1900
    /// Serial 0 is 01/01/1904 (old Mac workbooks; `workbookPr date1904="1"`).
    case from1904
}

/// A date and time of day read from (or written to) a spreadsheet: local wall-clock
/// components, with no time zone, exactly as the cell shows them.
public struct XLSXDateTime: Sendable, Hashable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// Whether the cell's format shows only a time (`h:mm`), so the date part is meaningless.
    public let isTimeOnly: Bool

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                isTimeOnly: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.isTimeOnly = isTimeOnly
    }

    /// Whether the time of day is midnight exactly.
    public var isMidnight: Bool { hour == 0 && minute == 0 && second == 0 }

    /// `dd/MM/yyyy`, `dd/MM/yyyy HH:mm:ss`, or `HH:mm:ss` for a time-only cell.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let time = "\(two(hour)):\(two(minute)):\(two(second))"
        if isTimeOnly { return time }
        let date = "\(two(day))/\(two(month))/\(year)"
        return isMidnight ? date : date + " " + time
    }

    private static let unixDaysOf18991230 = -25_569
    private static let unixDaysOf19040101 = -24_107

    /// Converts a serial number; `nil` for a negative serial or 1900's fictitious 29 February.
    /// Times are rounded to the nearest second, as Excel displays them.
    public init?(serial: Double, system: XLSXDateSystem, isTimeOnly: Bool = false) {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let totalSeconds = Int((serial * 86_400).rounded())
        var days = totalSeconds / 86_400
        let seconds = totalSeconds % 86_400
        let unixDays: Int
        switch system {
        case .from1904:
            unixDays = Self.unixDaysOf19040101 + days
        case .from1900:
            if days == 60 { return nil }
            if days < 60 { days += 1 }  // before the fictitious day, serials count from 31/12/1899
            unixDays = Self.unixDaysOf18991230 + days
        }
        let (y, m, d) = CivilDate.date(fromDays: unixDays)
        self.init(year: y, month: m, day: d, hour: seconds / 3600, minute: seconds / 60 % 60,
                  second: seconds % 60, isTimeOnly: isTimeOnly)
    }

    /// The serial number of this moment in the 1900 date system, as XLSX files store it.
    public var serial1900: Double {
        var days = CivilDate.days(year: year, month: month, day: day) - Self.unixDaysOf18991230
        if days <= 60 { days -= 1 }
        let dayPart = isTimeOnly ? 0 : Double(days)
        return dayPart + Double(hour * 3600 + minute * 60 + second) / 86_400
    }
}
