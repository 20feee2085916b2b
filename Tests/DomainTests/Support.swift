import Foundation
import Domain

/// A date that exists, for tests.
func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

/// An instant written as Vietnamese staff write it, e.g. "25/05/2026 14:30", in Vietnam's zone.
func at(_ text: String) -> Date { try! CentreTime.vietnam.instant(parsing: text) }

let calendar = WorkingCalendar.vietnam
let deadlines = DeadlineCalculator()

func procedure(_ limit: TimeLimit? = .workingDays(5), cutoff: LocalTime? = nil,
               field: String = "Hộ tịch") -> Procedure {
    Procedure(code: "1.001193", name: "Đăng ký khai sinh", field: field, timeLimit: limit,
              afternoonCutoff: cutoff)
}

/// A dossier received at `received`, due as the calculator computes it, with status changes
/// appended through the real lifecycle.
func dossier(_ code: String = "H1", received: String, limit: TimeLimit? = .workingDays(5),
             channel: Channel = .online, changes: [(DossierStatus, String)] = [],
             source: String = "motcua") throws -> Dossier {
    let p = procedure(limit)
    var d = Dossier(key: DossierKey(source: source, code: code), procedure: p,
                    department: "Văn phòng HĐND và UBND", channel: channel,
                    receivedAt: at(received), dueAt: deadlines.dueAt(for: p, receivedAt: at(received)),
                    status: .received)
    for (status, time) in changes {
        try d.append(StatusChange(status: status, at: at(time)))
    }
    d.dueAt = deadlines.dueAt(replaying: d)
    return d
}
