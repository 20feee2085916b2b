import Foundation
import Domain

/// Writes one dossier's life event by event through the real lifecycle and calendar: each
/// status change is appended with ``Dossier/append(_:)`` (so an impossible move is a bug caught
/// here) and the due date is replayed after each one, as the centre's software would.
///
/// Instants fall in office hours on working days unless the applicant acts (online submissions,
/// supplements), which can happen at any hour.
struct StoryWriter {
    let deadlines: DeadlineCalculator
    private(set) var dossier: Dossier
    /// An apology letter: when it was issued and the new appointment it set.
    private var apology: (issuedAt: Date, newDueAt: Date)?

    init(key: DossierKey, demo: DemoProcedure, channel: Channel, fullyOnline: Bool,
         receivedAt: Date, applicant: Applicant, digitised: Bool, dataReused: Bool,
         feePayable: Bool, paidOnline: Bool, deadlines: DeadlineCalculator) {
        self.deadlines = deadlines
        dossier = Dossier(key: key, procedure: demo.procedure, department: demo.department,
                          applicant: applicant, channel: channel, fullyOnline: fullyOnline,
                          receivedAt: receivedAt,
                          dueAt: deadlines.dueAt(for: demo.procedure, receivedAt: receivedAt),
                          status: .received, digitised: digitised, dataReused: dataReused,
                          feePayable: feePayable, paidOnline: paidOnline && feePayable)
    }

    var time: CentreTime { deadlines.rules.time }
    var calendar: WorkingCalendar { deadlines.calendar }
    var hours: OfficeHours { deadlines.rules.officeHours }

    var lastAt: Date { dossier.history.last?.at ?? dossier.receivedAt }
    var dueAt: Date { dossier.dueAt! }
    var dueDay: LocalDate { time.localDate(dueAt) }
    var isSameDay: Bool {
        if case .workingHours = dossier.procedure.timeLimit { return true }
        return false
    }
    /// The first working day on which an officer can act after the last event: its own day if
    /// that is a working day not yet closed, else the next working day.
    var actionDay: LocalDate {
        let day = time.localDate(lastAt)
        let closed = time.secondOfDay(lastAt) >= hours.closing.minuteOfDay * 60
        return calendar.isWorkingDay(day) && !closed ? day : calendar.workingDay(1, after: day)
    }

    /// The `n`th working day after the action day (0: the action day).
    func workingDay(_ n: Int) -> LocalDate { calendar.workingDay(n, after: actionDay) }

    /// An office-hours instant on `day`, after the last event.
    func officeInstant(on day: LocalDate, _ rng: inout SplitMix64) -> Date {
        var minute = rng.below(hours.minutesPerDay)
        var clock = hours.opening.minuteOfDay
        for session in hours.sessions {
            if minute < session.minutes {
                clock = session.start.minuteOfDay + minute
                break
            }
            minute -= session.minutes
        }
        let instant = time.instant(day, LocalTime(minuteOfDay: clock), second: rng.below(60))
        return instant > lastAt ? instant : lastAt.addingTimeInterval(Double(60 * rng.int(in: 1...20)))
    }

    /// An instant `minutes` of wall time after the last event.
    func after(minutes: Int) -> Date { lastAt.addingTimeInterval(Double(minutes * 60)) }

    /// Appends a status change and replays the due date.
    mutating func go(_ status: DossierStatus, at instant: Date) {
        do {
            try dossier.append(StatusChange(status: status, at: instant, actor: actor(for: status),
                                            source: dossier.key.source))
        } catch {
            preconditionFailure("demo story broke the lifecycle: \(error)")
        }
        dossier.dueAt = deadlines.dueAt(replaying: dossier)
    }

    /// The officer takes the dossier up: minutes after an office-hours receipt, else on the
    /// next working day.
    mutating func startProcessing(_ rng: inout SplitMix64) {
        let receiptDay = time.localDate(dossier.receivedAt)
        let minute = time.secondOfDay(dossier.receivedAt) / 60
        let tooLate = minute >= hours.closing.minuteOfDay - 30
        let day = calendar.isWorkingDay(receiptDay) && !tooLate
            ? receiptDay : calendar.workingDay(1, after: receiptDay)
        // What came in out of hours is taken up first thing.
        let firstThing = time.instant(day, LocalTime(minuteOfDay: hours.opening.minuteOfDay + rng.int(in: 0...60)))
        go(.processing, at: day == receiptDay && minute >= hours.opening.minuteOfDay
            ? after(minutes: rng.int(in: 3...45)) : firstThing)
    }

    /// The applicant acts `days` calendar days after the last event, at any hour of 07–22.
    func applicantInstant(days: Int, _ rng: inout SplitMix64) -> Date {
        let day = time.localDate(lastAt).adding(days: days)
        let instant = time.instant(day, LocalTime(minuteOfDay: rng.int(in: 7 * 60...22 * 60)))
        return instant > lastAt ? instant : after(minutes: rng.int(in: 30...180))
    }

    /// An apology letter issued at `instant`, promising `newDueAt`.
    mutating func apologise(at instant: Date, newDueAt: Date) {
        apology = (instant, newDueAt)
    }

    /// Whether an instant falls in office hours on a working day.
    func inOfficeHours(_ instant: Date) -> Bool {
        let minute = time.secondOfDay(instant) / 60
        return calendar.isWorkingDay(time.localDate(instant))
            && hours.sessions.contains { minute >= $0.start.minuteOfDay && minute < $0.end.minuteOfDay }
    }

    /// Resolves on `day` (an office-hours instant after the last event; for a same-day
    /// procedure taken up in office hours, within the next hour or so), then usually hands the
    /// result back.
    mutating func resolve(on day: LocalDate, _ rng: inout SplitMix64) {
        let at = isSameDay && time.localDate(lastAt) == day && inOfficeHours(lastAt)
            ? after(minutes: rng.int(in: 10...90)) : officeInstant(on: day, &rng)
        go(.resolved, at: at)
        if rng.chance(0.88) {
            let back = calendar.workingDay(rng.below(3), after: day)
            go(.returned, at: back == day ? after(minutes: rng.int(in: 5...120)) : officeInstant(on: back, &rng))
        }
    }

    /// The dossier as known at `asOf`: later events are dropped, the due date replayed, and an
    /// apology kept only if it was issued by then.
    func dossier(asOf: Date) -> Dossier {
        var known = dossier
        known.history = []
        known.status = .received
        known.finishedAt = nil
        for change in dossier.history where change.at <= asOf {
            do { try known.append(change) } catch {
                preconditionFailure("a prefix of a valid history is valid: \(error)")
            }
        }
        known.dueAt = deadlines.dueAt(replaying: known)
        if let apology, apology.issuedAt <= asOf, let due = known.dueAt, apology.newDueAt > due {
            known.apologyDueAt = apology.newDueAt
        }
        return known
    }

    /// Who records a change: the one-stop counter, the department, or the applicant.
    private func actor(for status: DossierStatus) -> String {
        switch status {
        case .received, .returned: "Bộ phận một cửa"
        case .supplementRequested, .processing, .resolved, .refused, .awaitingPayment: dossier.department
        case .withdrawn: "Người nộp hồ sơ"
        }
    }
}
