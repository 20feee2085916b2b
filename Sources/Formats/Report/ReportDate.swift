import CivilCalendar
/// A calendar day in a report (no time zone: the centre's local day).
public struct ReportDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// `nil` unless the components name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `dd/MM/yyyy` with leading zeros, as tables write dates.
    public var description: String {
        (day < 10 ? "0" : "") + "\(day)/" + (month < 10 ? "0" : "") + "\(month)/\(year)"
    }

    /// ISO 8601 `yyyy-MM-dd`, for JSON.
    public var iso8601: String {
        "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    /// The place-and-date line of an official document (Nghị định 30/2020/NĐ-CP): days below 10
    /// and the months January and February take a leading zero ("ngày 05 tháng 02 năm 2026",
    /// "ngày 25 tháng 5 năm 2026").
    public func officialLine(place: String) -> String {
        let d = day < 10 ? "0\(day)" : "\(day)"
        let m = month <= 2 ? "0\(month)" : "\(month)"
        return "\(place), ngày \(d) tháng \(m) năm \(year)"
    }

    public static func < (a: ReportDate, b: ReportDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
