import Domain
import Foundation

/// A date pattern of `text.format_date`: `dd/MM/yyyy`, `HH:mm`, or a named style.
///
/// Letters: `d` day, `dd` day with a zero, `M` month, `MM` month with a zero, `yyyy` year, `yy`
/// two-digit year, `H` hour, `HH` hour with a zero, `mm` minutes, `ss` seconds; anything else is
/// copied. Named styles: `table` (`dd/MM/yyyy`), `prose` (as administrative prose writes dates:
/// `08/4/2026`, `14/01/2026`, `25/5/2026`), `datetime` (`dd/MM/yyyy HH:mm`) and `iso` (ISO 8601
/// with the zone, `2026-05-25T17:00:00+07:00`).
struct DatePattern {
    static let styles = ["table", "prose", "datetime", "iso"]

    let pattern: String

    func format(_ instant: Date, in time: CentreTime) -> String {
        let date = time.localDate(instant)
        switch pattern {
        case "table": return date.vietnamese
        case "prose": return VietnameseFormat().date(date, style: .prose)
        case "datetime": return VietnameseFormat().dateTime(instant, in: time)
        case "iso": return time.iso8601(instant)
        default: break
        }
        let (year, month, day) = date.civil
        let second = time.secondOfDay(instant)
        var out = ""
        var characters = Substring(pattern)
        while let letter = characters.first {
            let run = characters.prefix { $0 == letter }
            characters = characters.dropFirst(run.count)
            switch (letter, run.count) {
            case ("d", 1): out += "\(day)"
            case ("d", 2): out += Self.pad(day)
            case ("M", 1): out += "\(month)"
            case ("M", 2): out += Self.pad(month)
            case ("y", 4): out += "\(year)"
            case ("y", 2): out += Self.pad(year % 100)
            case ("H", 1): out += "\(second / 3600)"
            case ("H", 2): out += Self.pad(second / 3600)
            case ("m", 2): out += Self.pad(second / 60 % 60)
            case ("s", 2): out += Self.pad(second % 60)
            default: out += run
            }
        }
        return out
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
