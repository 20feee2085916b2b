import Domain
import Scheduling

/// Vietnam's 2026 working days for civil servants (see docs domain notes): weekdays minus the
/// public holidays, plus Saturday 22/08/2026, the make-up day for Monday 31/08.
struct TestCalendar2026: WorkingDays {
    static let holidays: Set<LocalDate> = Set([
        (1, 1), (2, 16), (2, 17), (2, 18), (2, 19), (2, 20), (4, 27), (4, 30), (5, 1),
        (8, 31), (9, 1), (9, 2),
    ].map { date(2026, $0.0, $0.1) })
    static let makeUpDays: Set<LocalDate> = [date(2026, 8, 22)]

    func isWorkingDay(_ d: LocalDate) -> Bool {
        if TestCalendar2026.makeUpDays.contains(d) { return true }
        return !d.isWeekend && !TestCalendar2026.holidays.contains(d)
    }
}

/// A calendar with no working day at all, to show that a search gives up instead of looping.
struct NoWorkingDays: WorkingDays {
    func isWorkingDay(_ d: LocalDate) -> Bool { false }
}

func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate {
    LocalDate(year: y, month: m, day: d)!
}
