import Domain
import Foundation

/// The instant of a local wall time in Asia/Ho_Chi_Minh.
func local(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0, _ s: Int = 0) -> Date {
    CentreTime.vietnam.instant(date(y, m, d), LocalTime(hour: h, minute: min)!, second: s)
}

/// `dd/MM/yyyy HH:mm` in Asia/Ho_Chi_Minh, for readable expectations.
func show(_ instant: Date?) -> String {
    guard let instant else { return "never" }
    let t = CentreTime.vietnam
    return "\(t.localDate(instant).vietnamese) \(t.localTime(instant))"
}
