import Domain
import Scheduling

/// The scheduler's `workingdays` schedules follow the centre's working-day calendar: public
/// holidays skipped, make-up working Saturdays included.
extension WorkingCalendar: WorkingDays {}
