import Domain

/// Tells working days from days off, for schedules such as `workingdays 07:30`.
///
/// The host conforms the domain's working-day calendar (weekdays, minus public holidays, plus
/// make-up working Saturdays) to this protocol; the scheduler needs nothing else from it.
public protocol WorkingDays: Sendable {
    func isWorkingDay(_ date: LocalDate) -> Bool
}
