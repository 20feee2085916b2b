import Foundation

/// Computes due dates and standings on a working calendar under a centre's rules.
///
/// The rules, from the domain reference:
/// - a limit of `n` working days runs from the next working day after receipt: received on day
///   D, the result is due at the close of the `n`th working day after D;
/// - a receipt on a non-working day counts as received at the start of the next working day;
/// - a receipt after the procedure's afternoon cut-off counts from the next working day;
/// - a limit in working hours runs within office hours from the receipt (or from the next
///   opening) and is due at the instant it is used up;
/// - a supplement request stops the clock; when the supplement arrives the full limit runs
///   again from that day, or, under ``CentreRules/SupplementClock/resume``, only what was left;
///   a payment wait always resumes with what was left;
/// - an apology letter's new appointment never moves the due date lateness is judged against.
public struct DeadlineCalculator: Sendable {
    public let calendar: WorkingCalendar
    public let rules: CentreRules

    public init(calendar: WorkingCalendar = .vietnam, rules: CentreRules = .standard) {
        self.calendar = calendar
        self.rules = rules
    }

    private var time: CentreTime { rules.time }
    private var hours: OfficeHours { rules.officeHours }

    // MARK: Receipt

    /// Whether an instant is after a cut-off time of its day.
    private func isAfter(_ cutoff: LocalTime?, _ instant: Date) -> Bool {
        guard let cutoff else { return false }
        return time.secondOfDay(instant) > cutoff.minuteOfDay * 60
    }

    /// Day D of a working-day limit: the day the dossier counts as received, after which day 1
    /// of the limit is the next working day.
    public func countingDay(receivedAt: Date, cutoff: LocalTime?) -> LocalDate {
        let day = time.localDate(receivedAt)
        if !calendar.isWorkingDay(day) { return calendar.workingDay(onOrAfter: day) }
        return isAfter(cutoff, receivedAt) ? calendar.workingDay(1, after: day) : day
    }

    /// The working day and minute from which a working-hour limit runs: the receipt itself if it
    /// falls in office hours, else the next session's start.
    private func countingStart(receivedAt: Date, cutoff: LocalTime?) -> (LocalDate, Int) {
        let day = time.localDate(receivedAt)
        if !calendar.isWorkingDay(day) { return (calendar.workingDay(onOrAfter: day), 0) }
        let minute = time.secondOfDay(receivedAt) / 60
        if isAfter(cutoff, receivedAt) || minute >= hours.closing.minuteOfDay {
            return (calendar.workingDay(1, after: day), 0)
        }
        return (day, minute)
    }

    // MARK: Due dates

    /// The due instant for a limit counted from a receipt.
    public func dueAt(receivedAt: Date, limit: TimeLimit, cutoff: LocalTime?) -> Date {
        switch limit {
        case .workingDays(let n):
            let due = calendar.workingDay(n, after: countingDay(receivedAt: receivedAt, cutoff: cutoff))
            return time.instant(due, hours.closing)
        case .workingHours(let h):
            let (day, minute) = countingStart(receivedAt: receivedAt, cutoff: cutoff)
            return adding(workingMinutes: h * 60, day: day, minute: minute)
        }
    }

    /// The due instant of a procedure received at an instant, with its cut-off; `nil` when the
    /// procedure has no limit.
    public func dueAt(for procedure: Procedure, receivedAt: Date) -> Date? {
        procedure.timeLimit.map {
            dueAt(receivedAt: receivedAt, limit: $0, cutoff: rules.afternoonCutoff(for: procedure))
        }
    }

    /// The due date in force for a dossier, replayed from its receipt and status history: the
    /// value its `dueAt` should hold. `nil` when the procedure has no limit.
    public func dueAt(replaying dossier: Dossier) -> Date? {
        guard let limit = dossier.procedure.timeLimit else { return nil }
        let cutoff = rules.afternoonCutoff(for: dossier.procedure)
        var due = dueAt(receivedAt: dossier.receivedAt, limit: limit, cutoff: cutoff)
        var pause: (at: Date, status: DossierStatus)?
        for change in dossier.history {
            if change.status.stopsClock {
                if pause == nil { pause = (change.at, change.status) }
                continue
            }
            guard let paused = pause else { continue }
            pause = nil
            // Finishing straight from a pause (refused, withdrawn, resolved) moves nothing.
            guard !change.status.isFinished else { continue }
            let policy = paused.status == .supplementRequested ? rules.supplementClock : .resume
            switch policy {
            case .restart:
                due = dueAt(receivedAt: change.at, limit: limit, cutoff: cutoff)
            case .resume:
                due = resumed(due: due, limit: limit, pausedAt: paused.at, resumedAt: change.at,
                              cutoff: cutoff)
            }
        }
        return due
    }

    /// The due date after a pause, running on with what was left when the clock stopped. A pause
    /// that began after the due date leaves it where it is: the dossier was already late.
    private func resumed(due: Date, limit: TimeLimit, pausedAt: Date, resumedAt: Date,
                         cutoff: LocalTime?) -> Date {
        switch limit {
        case .workingDays:
            let left = calendar.workingDays(from: time.localDate(pausedAt), to: time.localDate(due))
            guard left > 0 else { return due }
            let day = calendar.workingDay(left, after: countingDay(receivedAt: resumedAt, cutoff: cutoff))
            return time.instant(day, hours.closing)
        case .workingHours:
            let left = workingMinutes(from: pausedAt, to: due)
            guard left > 0 else { return due }
            let (day, minute) = countingStart(receivedAt: resumedAt, cutoff: cutoff)
            return adding(workingMinutes: left, day: day, minute: minute)
        }
    }

    // MARK: Working time

    /// The instant at which `amount` working minutes, counted from a working day and minute,
    /// are used up. Whole days in between are skipped in O(1) through the calendar's index.
    private func adding(workingMinutes amount: Int, day start: LocalDate, minute: Int) -> Date {
        if let end = hours.minute(adding: amount, from: minute) {
            return time.instant(start, LocalTime(minuteOfDay: end))
        }
        let perDay = hours.minutesPerDay
        let left = amount - hours.minutesRemaining(after: minute)
        let wholeDays = (left - 1) / perDay
        let day = calendar.workingDay(wholeDays + 1, after: start)
        let end = hours.minute(adding: left - wholeDays * perDay, from: 0)!
        return time.instant(day, LocalTime(minuteOfDay: end))
    }

    /// Working minutes within office hours between two instants (0 if `to` is not later).
    public func workingMinutes(from: Date, to: Date) -> Int {
        guard to > from else { return 0 }
        let perDay = hours.minutesPerDay
        func used(_ instant: Date, _ day: LocalDate) -> Int {
            calendar.isWorkingDay(day)
                ? perDay - hours.minutesRemaining(after: time.secondOfDay(instant) / 60) : 0
        }
        let a = time.localDate(from), b = time.localDate(to)
        // Working days in [a, b) = working days in (a - 1, b - 1].
        let daysBetween = calendar.workingDays(from: a.adding(days: -1), to: b.adding(days: -1))
        return daysBetween * perDay + used(to, b) - used(from, a)
    }

    // MARK: Standing

    /// Where a dossier stands at an instant: running with working days left, overdue by some,
    /// waiting on the applicant, or finished early, on time, late, refused or withdrawn.
    ///
    /// The status comes from the history as of the instant; the due date is the dossier's
    /// `dueAt` (lateness is never judged against an apology's appointment). Dates are compared
    /// as calendar dates in the centre's zone.
    public func standing(of dossier: Dossier, at instant: Date) -> DeadlineStanding {
        let status = dossier.status(at: instant)
        let dueDate = dossier.dueAt.map(time.localDate)
        var standing = DeadlineStanding(state: .running, status: status, dueDate: dueDate,
                                        appointmentDate: dossier.apologyDueAt.map(time.localDate))
        if instant < dossier.receivedAt {
            standing.state = .notYetReceived
            return standing
        }
        let finishedAt = dossier.finishedAt.flatMap { $0 <= instant ? $0 : nil }
        let day = finishedAt.map(time.localDate) ?? time.localDate(instant)
        if let dueDate {
            standing.workingDaysLeft = calendar.workingDays(from: day, to: dueDate)
            standing.calendarDaysLeft = day.days(to: dueDate)
        }
        if finishedAt != nil {
            switch status {
            case .refused: standing.state = .refused
            case .withdrawn: standing.state = .withdrawn
            default:
                guard let dueDate else {
                    standing.state = .onTime
                    return standing
                }
                standing.state = day < dueDate ? .early : day == dueDate ? .onTime : .late
            }
        } else if status.stopsClock {
            standing.state = .clockStopped
        } else if let dueDate {
            standing.state = day > dueDate ? .overdue : .running
        } else {
            standing.state = .noTimeLimit
        }
        return standing
    }
}
