/// Where a dossier stands against its deadline at one instant: what a dashboard or a reminder
/// shows ("3 working days left", "overdue by 2 working days").
public struct DeadlineStanding: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// The instant is before the dossier was received.
        case notYetReceived = "not_yet_received"
        /// Open, and the procedure has no time limit.
        case noTimeLimit = "no_time_limit"
        /// Open, clock running, due date today or later.
        case running
        /// Open, clock running, due date passed.
        case overdue
        /// Open, waiting on the applicant (supplement, payment).
        case clockStopped = "clock_stopped"
        /// Finished before its due date.
        case early
        /// Finished on its due date (or without a due date).
        case onTime = "on_time"
        /// Finished after its original due date, whatever an apology letter promised.
        case late
        case refused
        case withdrawn
    }

    public var state: State
    /// The status at the instant, from the dossier's history.
    public var status: DossierStatus
    /// The due date lateness is judged against.
    public var dueDate: LocalDate?
    /// The new appointment of an apology letter, if one was issued.
    public var appointmentDate: LocalDate?
    /// Working days from the instant's date (for a finished dossier, its finish date) to the due
    /// date: positive means left (or finished early by), 0 due that very day, negative overdue
    /// (or finished late) by that many working days. `nil` without a due date.
    public var workingDaysLeft: Int?
    /// The same in calendar days; non-zero when overdue across a weekend with 0 working days.
    public var calendarDaysLeft: Int?

    public init(state: State, status: DossierStatus, dueDate: LocalDate? = nil,
                appointmentDate: LocalDate? = nil, workingDaysLeft: Int? = nil,
                calendarDaysLeft: Int? = nil) {
        self.state = state
        self.status = status
        self.dueDate = dueDate
        self.appointmentDate = appointmentDate
        self.workingDaysLeft = workingDaysLeft
        self.calendarDaysLeft = calendarDaysLeft
    }
}
